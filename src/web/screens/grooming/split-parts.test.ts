import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addPart,
  initialDraft,
  parseEstimate,
  removePart,
  SPLIT_PARTS,
  type SplitDraft,
  updatePart,
  validateSplit,
} from './split-parts.ts';

const criteria = [
  { text: 'Pays by card', done: false },
  { text: 'Shows a receipt', done: true },
  { text: 'Emails the receipt', done: false },
];

describe('split parts', () => {
  it('starts with two parts, the first titled as the item and holding its criteria', () => {
    const draft = initialDraft({ title: 'Checkout', criteriaCount: 3 });
    assert.deepEqual(
      draft.parts.map((part) => part.title),
      ['Checkout', ''],
    );
    assert.deepEqual(draft.criterionPart, [0, 0, 0]);
    assert.equal(draft.assignCriteria, false);
  });

  it('adds up to the most parts and removes down to the fewest, never the first', () => {
    let draft = initialDraft({ title: 'Checkout', criteriaCount: 0 });
    for (let n = 0; n < 20; n += 1) draft = addPart(draft);
    assert.equal(draft.parts.length, SPLIT_PARTS.max);
    assert.equal(removePart(draft, 0), draft);
    for (let n = 0; n < 20; n += 1) draft = removePart(draft, draft.parts.length - 1);
    assert.equal(draft.parts.length, SPLIT_PARTS.min);
  });

  it('gives a removed part’s criteria back to the first part and keeps the later parts’', () => {
    const draft: SplitDraft = {
      ...addPart(initialDraft({ title: 'Checkout', criteriaCount: 3 })),
      criterionPart: [1, 2, 0],
    };
    assert.deepEqual(removePart(draft, 1).criterionPart, [0, 1, 0]);
  });

  it('reads an estimate: blank is none, out of range or not a number is refused', () => {
    assert.equal(parseEstimate(' '), null);
    assert.equal(parseEstimate('3.5'), 3.5);
    assert.equal(parseEstimate('-1'), undefined);
    assert.equal(parseEstimate('1001'), undefined);
    assert.equal(parseEstimate('lots'), undefined);
  });

  it('names every problem at its part and field', () => {
    let draft = initialDraft({ title: '  ', criteriaCount: 0 });
    draft = updatePart(draft, 1, { title: 'x'.repeat(501), estimate: 'big' });
    const result = validateSplit(draft, []);
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.problems.map(({ part, field }) => [part, field]), [
      [0, 'title'],
      [1, 'title'],
      [1, 'estimate'],
    ]);
  });

  it('sends trimmed titles and estimates, and no criteria unless they are dealt out', () => {
    let draft = initialDraft({ title: ' Pay by card ', criteriaCount: 3 });
    draft = updatePart(updatePart(draft, 0, { estimate: '3' }), 1, { title: 'Receipts' });
    assert.deepEqual(validateSplit(draft, criteria), {
      ok: true,
      parts: [
        { title: 'Pay by card', estimate: 3 },
        { title: 'Receipts', estimate: null },
      ],
    });
  });

  it('deals the criteria out to their parts, done marks kept', () => {
    let draft = updatePart(initialDraft({ title: 'Pay', criteriaCount: 3 }), 1, { title: 'Receipts' });
    draft = { ...draft, assignCriteria: true, criterionPart: [0, 1, 1] };
    const result = validateSplit(draft, criteria);
    assert.ok(result.ok);
    assert.deepEqual(result.parts[0]?.acceptanceCriteria, [{ text: 'Pays by card', done: false }]);
    assert.deepEqual(result.parts[1]?.acceptanceCriteria, [
      { text: 'Shows a receipt', done: true },
      { text: 'Emails the receipt', done: false },
    ]);
  });
});
