import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from './client.ts';

const refused = (issues: unknown) =>
  new ApiError(400, 'validation_failed', 'invalid request', issues === undefined ? undefined : { issues });

describe('ApiError.fieldMessage', () => {
  it('names the field when the server sends the path dotted, as it does', () => {
    const error = refused([{ path: 'acceptanceCriteria.2.text', message: 'must not be empty' }]);
    assert.equal(error.fieldMessage, 'acceptanceCriteria.2.text: must not be empty');
    assert.equal(error.field, 'acceptanceCriteria.2.text');
    assert.equal(error.issueMessage, 'must not be empty');
  });

  it('names the field when the path arrives as an array, as zod gives it', () => {
    const error = refused([{ path: ['acceptanceCriteria', 2, 'text'], message: 'must not be empty' }]);
    assert.equal(error.fieldMessage, 'acceptanceCriteria.2.text: must not be empty');
    assert.equal(error.field, 'acceptanceCriteria.2.text');
  });

  it('gives the bare message for a problem with the whole body or without a path', () => {
    assert.equal(refused([{ path: '(body)', message: 'not JSON' }]).fieldMessage, 'not JSON');
    assert.equal(refused([{ message: 'not JSON' }]).fieldMessage, 'not JSON');
    assert.equal(refused([{ path: '(body)', message: 'not JSON' }]).field, null);
  });

  it("falls back to the error's message when there are no usable issues", () => {
    assert.equal(refused(undefined).fieldMessage, 'invalid request');
    assert.equal(refused('issues').fieldMessage, 'invalid request');
    assert.equal(refused([null]).fieldMessage, 'invalid request');
    assert.equal(refused([{ path: { odd: true }, message: 42 }]).fieldMessage, 'invalid request');
  });
});
