import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type SlicedItem, type SliceLine, sliceFigures, sliceMove, sliceOf } from './story-map-slices.ts';

const r1: SliceLine = { id: 's1', releaseId: 'R1', sprintId: null };
const sp: SliceLine = { id: 's2', releaseId: null, sprintId: 'SP' };
const r2: SliceLine = { id: 's3', releaseId: 'R2', sprintId: null };
const SLICES = [r1, sp, r2];

const item = (overrides: Partial<SlicedItem> = {}): SlicedItem => ({
  releaseId: null,
  sprintId: null,
  estimate: null,
  status: 'backlog',
  trashed: false,
  ...overrides,
});

describe('sliceOf', () => {
  it('puts a story in the first slice, top down, whose release or sprint is its item’s', () => {
    assert.equal(sliceOf(SLICES, item({ releaseId: 'R2' })), 's3');
    assert.equal(sliceOf(SLICES, item({ releaseId: 'R2', sprintId: 'SP' })), 's2');
    assert.equal(sliceOf(SLICES, item({ releaseId: 'R1', sprintId: 'SP' })), 's1');
    assert.equal(sliceOf(SLICES, item({ releaseId: 'other' })), null);
    assert.equal(sliceOf([], item({ releaseId: 'R1' })), null);
  });
});

describe('sliceFigures', () => {
  it('adds up points, items and the done share of each slice and of the unplanned band', () => {
    const figures = sliceFigures(SLICES, [
      item({ releaseId: 'R1', estimate: 3, status: 'done' }),
      item({ releaseId: 'R1', estimate: 5 }),
      item({ releaseId: 'R1', estimate: 8, trashed: true }),
      item({ sprintId: 'SP', estimate: null }),
      item({ estimate: 2, status: 'done' }),
    ]);
    assert.deepEqual(figures, [
      { sliceId: 's1', points: 8, items: 2, doneItems: 1, doneShare: 0.5 },
      { sliceId: 's2', points: 0, items: 1, doneItems: 0, doneShare: 0 },
      { sliceId: 's3', points: 0, items: 0, doneItems: 0, doneShare: null },
      { sliceId: null, points: 2, items: 1, doneItems: 1, doneShare: 1 },
    ]);
  });
});

describe('sliceMove', () => {
  it('sets the target’s release and clears ties to the slices above it', () => {
    assert.deepEqual(sliceMove(SLICES, item(), 's1'), { releaseId: 'R1' });
    assert.deepEqual(sliceMove(SLICES, item({ releaseId: 'R1' }), 's3'), { releaseId: 'R2' });
    assert.deepEqual(sliceMove(SLICES, item({ releaseId: 'R2', sprintId: 'SP' }), 's3'), { sprintId: null });
    assert.deepEqual(sliceMove(SLICES, item({ releaseId: 'R1' }), 's2'), { releaseId: null, sprintId: 'SP' });
    assert.deepEqual(sliceMove(SLICES, item({ releaseId: 'R1', sprintId: 'SP' }), null), {
      releaseId: null,
      sprintId: null,
    });
    assert.deepEqual(sliceMove(SLICES, item({ releaseId: 'R1' }), 's1'), {});
    assert.throws(() => sliceMove(SLICES, item(), 'nope'), RangeError);
  });

  it('always lands the story in the slice asked for (property)', () => {
    const ids = fc.constantFrom('A', 'B', 'C', null);
    const line = fc.record({ kind: fc.boolean(), target: fc.constantFrom('A', 'B', 'C') });
    fc.assert(
      fc.property(
        fc.uniqueArray(line, { maxLength: 5, selector: (l) => `${l.kind}${l.target}` }),
        ids,
        ids,
        fc.nat(6),
        (lines, releaseId, sprintId, pick) => {
          const slices: SliceLine[] = lines.map((l, i) => ({
            id: `s${i}`,
            releaseId: l.kind ? l.target : null,
            sprintId: l.kind ? null : l.target,
          }));
          const target = pick < slices.length ? (slices[pick]?.id ?? null) : null;
          const before = { releaseId, sprintId };
          const after = { ...before, ...sliceMove(slices, before, target) };
          assert.equal(sliceOf(slices, after), target);
        },
      ),
    );
  });
});
