import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type DiffPart, diffList, diffText, diffVision, sameVision, type VisionText } from './vision-diff.ts';

const vision: VisionText = {
  statement: 'Plans that stay true to the work.',
  targetCustomers: ['Small teams'],
  problems: ['Roadmaps rot', 'Nobody reads PRDs'],
  differentiators: [],
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
};

/** The text before (same + deleted) and after (same + inserted) a diff. */
const sides = (parts: DiffPart[]) => ({
  before: parts.filter((p) => p.kind !== 'inserted').map((p) => p.value),
  after: parts.filter((p) => p.kind !== 'deleted').map((p) => p.value),
});

describe('the vision diff', () => {
  it('marks inserted and deleted words in the statement', () => {
    assert.deepEqual(diffText('Plans that stay true', 'Plans that always stay true'), [
      { kind: 'same', value: 'Plans that ' },
      { kind: 'inserted', value: 'always ' },
      { kind: 'same', value: 'stay true' },
    ]);
  });

  it('diffs lists entry by entry and dates as a whole', () => {
    const fields = diffVision(vision, {
      ...vision,
      problems: ['Roadmaps rot', 'Plans drift'],
      periodEnd: '2028-06-30',
    });
    const by = Object.fromEntries(fields.map((f) => [f.field, f]));
    assert.deepEqual(by.problems?.parts, [
      { kind: 'same', value: 'Roadmaps rot' },
      { kind: 'deleted', value: 'Nobody reads PRDs' },
      { kind: 'inserted', value: 'Plans drift' },
    ]);
    assert.deepEqual(by.periodEnd?.parts, [
      { kind: 'deleted', value: '2027-12-31' },
      { kind: 'inserted', value: '2028-06-30' },
    ]);
    assert.equal(by.statement?.changed, false);
    assert.equal(by.periodStart?.changed, false);
  });

  it('says when two texts are the same', () => {
    assert.equal(sameVision(vision, { ...vision, problems: [...vision.problems] }), true);
    assert.equal(sameVision(vision, { ...vision, periodStart: null }), false);
  });

  it('stays cheap on two long unrelated statements (gives up to a whole replacement)', () => {
    const a = Array.from({ length: 3_000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3_000 }, (_, i) => `b${i}`).join(' ');
    const started = performance.now();
    const parts = diffText(a, b);
    assert.ok(performance.now() - started < 2_000);
    assert.deepEqual(sides(parts), { before: [a], after: [b] });
  });

  it('properties: each side of a diff rebuilds its text; a text against itself is unchanged', () => {
    const words = fc.array(fc.constantFrom('plan', 'team', 'work', ' ', '\n', 'ship', '.'), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(words, words, (x, y) => {
        const [a, b] = [x.join(''), y.join('')];
        const { before, after } = sides(diffText(a, b));
        assert.equal(before.join(''), a);
        assert.equal(after.join(''), b);
        assert.ok(diffText(a, a).every((p) => p.kind === 'same'));
      }),
      { seed: 14, numRuns: 500 },
    );
    const list = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 20 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        const { before, after } = sides(diffList(a, b));
        assert.deepEqual(before, a);
        assert.deepEqual(after, b);
      }),
      { seed: 14, numRuns: 500 },
    );
  });
});
