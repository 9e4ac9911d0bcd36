import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Changes } from '../../domain/changes.ts';
import { REPLAYED_FIELDS, readItemChanges } from './read-item-changes.ts';

/** What JSON.parse says the replayed fields change from and to. */
function expected(changes: Changes): Changes | null {
  const out: Changes = {};
  for (const field of REPLAYED_FIELDS) {
    const pair = changes[field];
    if (pair) out[field] = [pair[0], pair[1]];
  }
  return Object.keys(out).length === 0 ? null : out;
}

const tricky = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '"status":["done","backlog"]',
    'a \\ backslash',
    'ends with a backslash \\',
    '\\"title\\":[',
    'quote " inside',
    'ünïcödé 🚀',
    'line\nbreak\ttab',
    '"',
    '',
  ),
);
const value = fc.oneof(
  tricky,
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

describe('reading an item change set', () => {
  it('reads the replayed fields as JSON.parse does, whatever the other fields hold', () => {
    const field = fc.constantFrom(...REPLAYED_FIELDS, 'description', 'rank', 'labels', 'story');
    fc.assert(
      fc.property(fc.dictionary(field, fc.tuple(value, value)), fc.option(tricky), (changes, description) => {
        // Keys as the services write them: a long description before the status, and nested values.
        const full: Changes = { ...changes };
        if (description !== null) full.description = [null, description];
        full.story = [null, { asA: '"status":["x","y"]', iWant: 'w', soThat: '' }];
        const text = JSON.stringify(full);
        assert.deepEqual(readItemChanges(text), expected(JSON.parse(text) as Changes));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a creation and an edit that touches no replayed field', () => {
    const created = JSON.stringify({
      key: [null, 'CHK-7'],
      title: [null, 'Export "CSV", fast'],
      description: [null, 'see "status":["a","b"] \\ here'],
      estimate: [null, 2.5],
      status: [null, 'ready'],
      sprintId: [null, null],
      rank: [null, 'a0'],
    });
    assert.deepEqual(readItemChanges(created), {
      key: [null, 'CHK-7'],
      title: [null, 'Export "CSV", fast'],
      estimate: [null, 2.5],
      status: [null, 'ready'],
      sprintId: [null, null],
    });
    assert.equal(readItemChanges(JSON.stringify({ rank: ['a0', 'a1'], description: ['x', 'y'] })), null);
  });
});
