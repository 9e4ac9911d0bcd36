import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoryMapCardT, StoryMapT } from '../../api/story-maps.ts';
import { keysTouchedBy } from '../../state/invalidation-rules.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { bandGeometry, columnsOf, GEOMETRY, layoutOf, moveLocally, stepPosition } from './map-layout.ts';

const card = (itemId: string, stepId: string, overrides: Partial<StoryMapCardT> = {}): StoryMapCardT => ({
  itemId,
  stepId,
  sliceId: null,
  key: itemId.toUpperCase(),
  title: itemId,
  type: 'story',
  status: 'backlog',
  estimate: 1,
  releaseId: null,
  sprintId: null,
  itemVersion: 1,
  trashed: false,
  ...overrides,
});

const figures = { points: 0, items: 0, doneItems: 0, doneShare: null };
const MAP: StoryMapT = {
  id: 'm',
  productId: 'p',
  initiativeId: null,
  name: 'Map',
  createdBy: null,
  version: 3,
  createdAt: '',
  updatedAt: '',
  deletedAt: null,
  activities: [
    { id: 'a1', title: 'Find' },
    { id: 'a2', title: 'Empty' },
  ],
  steps: [
    { id: 's1', activityId: 'a1', title: 'Search' },
    { id: 's2', activityId: 'a1', title: 'Filter' },
  ],
  cards: [
    card('i1', 's1', { sliceId: 'mvp', releaseId: 'R1' }),
    card('i2', 's1'),
    card('i3', 's1', { sliceId: 'mvp', releaseId: 'R1' }),
    card('i4', 's2'),
  ],
  slices: [{ id: 'mvp', name: 'MVP', releaseId: 'R1', sprintId: null, targetName: 'R1', figures }],
  unplanned: figures,
  gaps: { skeletonSteps: [], trashedItems: [], unmappedItems: [], unmappedTruncated: false },
};

describe('story map layout', () => {
  it('lays out one column per step, a placeholder for an activity without steps, and bands by slice', () => {
    const columns = columnsOf(MAP);
    assert.deepEqual(
      columns.map((c) => c.step?.id ?? `(${c.activityId})`),
      ['s1', 's2', '(a2)'],
    );
    const layout = layoutOf(MAP);
    assert.deepEqual(layout.bands, ['mvp', null]);
    assert.deepEqual(
      layout.cells.get('s1|mvp')?.map((c) => c.itemId),
      ['i1', 'i3'],
    );
    const [mvp, unplanned] = bandGeometry(layout, columns);
    assert.equal(mvp?.cellHeight, 2 * GEOMETRY.card + 2 * GEOMETRY.padding);
    assert.ok((unplanned?.top ?? 0) > (mvp?.cellTop ?? 0));
  });

  it('turns a place in a cell into a position in the whole step', () => {
    // Step s1 in rank order without i2: i1 (mvp), i3 (mvp).
    assert.equal(stepPosition(MAP, 'i2', { stepId: 's1', sliceId: 'mvp', index: 1 }), 1);
    assert.equal(stepPosition(MAP, 'i2', { stepId: 's1', sliceId: 'mvp', index: 5 }), 2);
    // Before i2, the only unplanned card of s1 (which sits after i1).
    assert.equal(stepPosition(MAP, 'i4', { stepId: 's1', sliceId: null, index: 0 }), 1);
  });

  it('moves a card across a slice line as the server will: new release, new figures', () => {
    const moved = moveLocally(MAP, 'i2', { stepId: 's1', sliceId: 'mvp', index: 0 });
    const card2 = moved.cards.find((c) => c.itemId === 'i2');
    assert.equal(card2?.releaseId, 'R1');
    assert.equal(card2?.sliceId, 'mvp');
    assert.deepEqual(
      moved.cards.map((c) => c.itemId),
      ['i2', 'i1', 'i3', 'i4'],
    );
    assert.equal(moved.slices[0]?.figures.items, 3);
    assert.equal(moved.unplanned.items, 1);
  });

  it('refreshes an open map when one of its items changes, and the map on its own events', () => {
    const held = { sprints: [], dependencies: [], storyMaps: [{ mapId: 'm', itemIds: new Set(['i1']) }] };
    const event = (entityType: string, entityId: string) => ({
      id: 1,
      productId: 'p',
      actorId: null,
      at: '',
      entityType,
      entityId,
      action: 'updated',
      changes: {},
    });
    const keys = (e: ReturnType<typeof event>) =>
      keysTouchedBy('p', e as never, null, held).map((k) => JSON.stringify(k));
    assert.ok(keys(event('item', 'i1')).includes(JSON.stringify(queryKeys.storyMap('p', 'm'))));
    assert.ok(!keys(event('item', 'other')).includes(JSON.stringify(queryKeys.storyMap('p', 'm'))));
    assert.ok(keys(event('story_map', 'm')).includes(JSON.stringify(queryKeys.storyMapList('p'))));
  });
});
