import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultStatusFor, mapStatuses } from './map-statuses.ts';

describe('defaultStatusFor', () => {
  it('maps the common Jira, Trello and Linear names', () => {
    const cases: [string, string][] = [
      ['To Do', 'backlog'],
      ['Open', 'backlog'],
      ['Backlog', 'backlog'],
      ['Selected for Development', 'ready'],
      ['Ready', 'ready'],
      ['In Progress', 'in_progress'],
      ['In Review', 'in_review'],
      ['Code Review', 'in_review'],
      ['QA', 'in_review'],
      ['Done', 'done'],
      ['Closed', 'done'],
      ['Resolved', 'done'],
      ["Won't Do", 'wont_do'],
      ['Cancelled', 'wont_do'],
      ['Canceled', 'wont_do'],
      ['Duplicate', 'wont_do'],
      ['in_progress', 'in_progress'],
    ];
    for (const [source, status] of cases) assert.equal(defaultStatusFor(source), status, source);
  });

  it('reads a deciding word in a longer name', () => {
    assert.equal(defaultStatusFor('Waiting for QA'), 'in_review');
    assert.equal(defaultStatusFor('Done 🎉'), 'done');
    assert.equal(defaultStatusFor('Development in progress'), 'in_progress');
  });

  it('falls back to backlog for unknown, empty and very long names', () => {
    assert.equal(defaultStatusFor('Parking lot'), 'backlog');
    assert.equal(defaultStatusFor(''), 'backlog');
    assert.equal(defaultStatusFor(`Done ${'x'.repeat(100_000)}`), 'backlog');
  });
});

describe('mapStatuses', () => {
  it('takes the user override over the default and ignores overrides of absent statuses', () => {
    const mapping = mapStatuses(['To Do', 'Waiting for QA'], { 'Waiting for QA': 'ready', Gone: 'done' });
    assert.deepEqual({ ...mapping }, { 'To Do': 'backlog', 'Waiting for QA': 'ready' });
  });

  it('is not fooled by a status named like an Object property', () => {
    const mapping = mapStatuses(['constructor', '__proto__'], JSON.parse('{"__proto__":"done"}'));
    assert.equal(mapping.constructor, 'backlog');
    assert.equal(Object.getOwnPropertyDescriptor(mapping, '__proto__')?.value, 'done');
  });
});
