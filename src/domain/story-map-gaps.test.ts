import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type GapPlacement, type StoryMapGapInput, storyMapGaps } from './story-map-gaps.ts';
import { sliceOf } from './story-map-slices.ts';

const place = (itemId: string, stepId: string, overrides: Partial<GapPlacement> = {}): GapPlacement => ({
  itemId,
  stepId,
  releaseId: null,
  sprintId: null,
  trashed: false,
  ...overrides,
});

const BASE: StoryMapGapInput = {
  steps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  slices: [
    { id: 'mvp', releaseId: 'R1', sprintId: null },
    { id: 'later', releaseId: 'R2', sprintId: null },
  ],
  placements: [],
  initiativeItems: [],
  mappedItemIds: new Set(),
};

describe('storyMapGaps', () => {
  it('lists the steps with no live story in the first slice', () => {
    const gaps = storyMapGaps({
      ...BASE,
      placements: [
        place('i1', 'a', { releaseId: 'R1' }),
        place('i2', 'b', { releaseId: 'R2' }),
        place('i3', 'c', { releaseId: 'R1', trashed: true }),
      ],
    });
    assert.deepEqual(gaps.skeletonSteps, ['b', 'c']);
    assert.deepEqual(gaps.trashedItems, ['i3']);
  });

  it('reports no skeleton gap while the map has no slice', () => {
    assert.deepEqual(storyMapGaps({ ...BASE, slices: [] }).skeletonSteps, []);
  });

  it('lists the initiative’s items that no map holds, in order', () => {
    const gaps = storyMapGaps({
      ...BASE,
      initiativeItems: [
        { id: 'x', key: 'P-1', title: 'One' },
        { id: 'y', key: 'P-2', title: 'Two' },
        { id: 'z', key: 'P-3', title: 'Three' },
      ],
      mappedItemIds: new Set(['y']),
    });
    assert.deepEqual(
      gaps.unmappedItems.map((i) => i.key),
      ['P-1', 'P-3'],
    );
  });

  it('flags a step exactly when no live story of the first slice sits under it (property)', () => {
    const placement = fc.record({
      itemId: fc.uuid(),
      stepId: fc.constantFrom('a', 'b', 'c'),
      releaseId: fc.constantFrom('R1', 'R2', null),
      sprintId: fc.constant(null),
      trashed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(placement, { maxLength: 20 }), (placements) => {
        const gaps = storyMapGaps({ ...BASE, placements });
        for (const step of BASE.steps) {
          const covered = placements.some(
            (p) => p.stepId === step.id && !p.trashed && sliceOf(BASE.slices, p) === 'mvp',
          );
          assert.equal(gaps.skeletonSteps.includes(step.id), !covered);
        }
        assert.equal(gaps.trashedItems.length, placements.filter((p) => p.trashed).length);
      }),
    );
  });
});
