import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { creationChanges, diffFields, sameValue } from './changes.ts';

describe('change sets', () => {
  it('records only fields whose values differ, as [before, after]', () => {
    const before = { title: 'A', estimate: 3, labels: ['x'], story: null as null | { asA: string } };
    assert.deepEqual(diffFields(before, { title: 'A', estimate: 5, labels: ['x'] }), { estimate: [3, 5] });
    assert.deepEqual(diffFields(before, { labels: ['x', 'y'], story: { asA: 'shopper' } }), {
      labels: [['x'], ['x', 'y']],
      story: [null, { asA: 'shopper' }],
    });
    assert.deepEqual(diffFields(before, { title: undefined }), {});
  });

  it('treats a set-to-null as a change', () => {
    assert.deepEqual(diffFields({ estimate: 2 as number | null }, { estimate: null }), {
      estimate: [2, null],
    });
  });

  it('compares nested values structurally', () => {
    assert.ok(sameValue([{ text: 'a', done: false }], [{ text: 'a', done: false }]));
    assert.ok(!sameValue([{ text: 'a', done: false }], [{ text: 'a', done: true }]));
    assert.ok(!sameValue(0, null));
  });

  it('describes a creation as every field from null', () => {
    assert.deepEqual(creationChanges({ title: 'T', estimate: null }), {
      title: [null, 'T'],
      estimate: [null, null],
    });
  });
});
