import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignmentOf, type RoadmapChange } from './alignment.ts';
import type { ModelExternal, PlanningModel } from './planning-model.ts';
import { initiative, item, model } from './planning-model-fixtures.ts';
import { productForecast } from './product-forecast.ts';
import { MAX_SNAPSHOT_CHANGES, reviewSnapshot } from './review-snapshot.ts';

const TODAY = '2024-05-10';

function external(id: string, itemId: string, overrides: Partial<ModelExternal> = {}): ModelExternal {
  return {
    id,
    itemId,
    title: `External ${id}`,
    owner: 'Legal',
    expectedDate: null,
    met: false,
    ...overrides,
  };
}

/** Oldest first, as services/intelligence/roadmap-changes.ts reads them; `at` counts up by the minute. */
const changes = (count: number): RoadmapChange[] =>
  Array.from({ length: count }, (_, i) => ({
    initiativeId: 'i1',
    at: new Date(Date.UTC(2024, 4, 1) + i * 60_000).toISOString(),
    actorId: null,
    field: 'horizon' as const,
    before: 'next',
    after: 'now',
  }));

function snapshot(m: PlanningModel, recorded: readonly RoadmapChange[] = []) {
  return reviewSnapshot(
    m,
    alignmentOf(m, TODAY, recorded),
    productForecast(m, [], { today: TODAY, trials: 10 }),
    recorded,
    TODAY,
  );
}

describe('reviewSnapshot', () => {
  it('counts drift by kind', () => {
    const m = model({
      initiatives: [
        initiative('i1', { targetDate: '2024-05-01', horizon: 'next' }),
        initiative('i2', { targetDate: '2024-04-01', horizon: 'next' }),
      ],
      items: [item('A-1', { initiativeId: 'i1' }), item('A-2', { initiativeId: 'i2' })],
    });
    const result = snapshot(m, changes(3));
    assert.deepEqual(result.alignment.drift, { past_target_with_open_work: 2, roadmap_changed: 3 });
    assert.equal(result.alignment.openItems, 2);
    assert.equal(result.alignment.openPoints, 6);
    assert.equal(result.alignment.orphanItems, 0);
    assert.equal(result.alignment.linkedItemShare, 1);
  });

  it('counts blocked items (open by open, or by an unmet external) and overdue externals', () => {
    const m = model({
      items: [
        item('A-1'),
        item('B-1'),
        item('C-1', { status: 'done' }),
        item('D-1'),
        item('E-1', { status: 'wont_do' }),
        item('F-1'),
      ],
      dependencies: [
        { from: 'a-1', to: 'b-1', kind: 'technical' },
        { from: 'f-1', to: 'b-1', kind: 'business' },
        { from: 'c-1', to: 'f-1', kind: 'technical' },
        { from: 'a-1', to: 'e-1', kind: 'technical' },
        { from: 'e-1', to: 'a-1', kind: 'technical' },
      ],
      externals: [
        external('x1', 'd-1', { expectedDate: '2024-05-01' }),
        external('x2', 'd-1'),
        external('x3', 'b-1', { expectedDate: TODAY }),
        external('x4', 'a-1', { met: true, expectedDate: '2024-01-01' }),
        external('x5', 'c-1', { expectedDate: '2024-01-01' }),
        external('x6', 'gone', { expectedDate: '2024-01-01' }),
      ],
    });
    assert.deepEqual(snapshot(m).blockers, { blockedItems: 2, overdueExternals: 1, unmetExternals: 3 });
  });

  it('has one forecast entry per open initiative', () => {
    const m = model({
      initiatives: [
        initiative('i1', { title: 'Billing', targetDate: '2024-06-01' }),
        initiative('i2', { title: 'Done', status: 'done' }),
        initiative('i3', { title: 'Empty', status: 'proposed' }),
      ],
      items: [item('A-1', { initiativeId: 'i1' })],
    });
    assert.deepEqual(snapshot(m).forecast, [
      {
        initiativeId: 'i1',
        title: 'Billing',
        targetDate: '2024-06-01',
        status: 'insufficient-history',
        p50: null,
        p85: null,
        probabilityOnTime: null,
        atRisk: false,
      },
      {
        initiativeId: 'i3',
        title: 'Empty',
        targetDate: null,
        status: 'done',
        p50: null,
        p85: null,
        probabilityOnTime: null,
        atRisk: false,
      },
    ]);
  });

  it(`keeps the newest ${MAX_SNAPSHOT_CHANGES} changes and counts them all`, () => {
    const all = changes(MAX_SNAPSHOT_CHANGES + 7);
    const result = snapshot(model({ initiatives: [initiative('i1')] }), all);
    assert.equal(result.changesTotal, MAX_SNAPSHOT_CHANGES + 7);
    assert.equal(result.changes.length, MAX_SNAPSHOT_CHANGES);
    assert.deepEqual(result.changes[0], all[7]);
    assert.deepEqual(result.changes.at(-1), all.at(-1));
    assert.equal(result.alignment.drift.roadmap_changed, MAX_SNAPSHOT_CHANGES + 7);

    const few = changes(2);
    const small = snapshot(model({ initiatives: [initiative('i1')] }), few);
    assert.deepEqual([small.changes, small.changesTotal], [few, 2]);
  });
});
