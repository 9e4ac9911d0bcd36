import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventT } from '../api/types.ts';
import { type HeldQueries, keysTouchedBy } from './invalidation-rules.ts';
import { queryKeys } from './query-keys.ts';

const P = 'product-1';
const NOTHING_HELD: HeldQueries = { sprints: [], dependencies: [] };

function event(entityType: string, entityId: string, changes: EventT['changes'] = {}): EventT {
  return {
    id: 7,
    at: '2026-12-01T10:00:00.000Z',
    actorId: null,
    productId: P,
    entityType,
    entityId,
    action: 'updated',
    changes,
  };
}

/** The keys as strings, so that a test can ask whether one is among them; the reports' prefix (which
 *  every plan event touches, tested on its own) left out. */
function touched(...args: Parameters<typeof keysTouchedBy>): string[] {
  const reports = JSON.stringify(queryKeys.analysis(args[0]));
  return keysTouchedBy(...args)
    .map((key) => JSON.stringify(key))
    .filter((key) => key !== reports);
}
const has = (keys: string[], key: readonly unknown[]) => keys.includes(JSON.stringify(key));

describe('keysTouchedBy', () => {
  it('refreshes the team and sprint lists when a team changes', () => {
    const keys = touched(P, event('team', 't1'), null, NOTHING_HELD);
    assert.deepEqual(keys, [JSON.stringify(queryKeys.lists(P))]);
  });

  it('refreshes the lists, the sprint, its burndown and the velocity when a sprint changes', () => {
    const keys = touched(P, event('sprint', 's1'), null, NOTHING_HELD);
    assert.ok(has(keys, queryKeys.lists(P)));
    assert.ok(has(keys, queryKeys.sprint(P, 's1')));
    assert.ok(has(keys, queryKeys.chartPath(P, '/sprints/s1/burndown')));
    assert.ok(has(keys, queryKeys.chartPath(P, `/products/${P}/velocity`)));
  });

  it('refreshes a held sprint when one of its items changes, and not another sprint', () => {
    const held: HeldQueries = {
      sprints: [
        { sprintId: 's1', itemIds: new Set(['i1']) },
        { sprintId: 's2', itemIds: new Set(['i2']) },
      ],
      dependencies: [],
    };
    const keys = touched(P, event('item', 'i1', { status: ['ready', 'done'] }), { sprintId: 's1' }, held);
    assert.ok(has(keys, queryKeys.sprint(P, 's1')));
    assert.ok(has(keys, queryKeys.chartPath(P, '/sprints/s1/burndown')));
    assert.ok(!has(keys, queryKeys.sprint(P, 's2')));
  });

  it('refreshes both sprints when an item moves from one to the other', () => {
    const held: HeldQueries = {
      sprints: [
        { sprintId: 's1', itemIds: new Set() },
        { sprintId: 's2', itemIds: new Set() },
      ],
      dependencies: [],
    };
    const keys = touched(P, event('item', 'i9', { sprintId: ['s1', 's2'] }), { sprintId: 's2' }, held);
    assert.ok(has(keys, queryKeys.sprint(P, 's1')));
    assert.ok(has(keys, queryKeys.sprint(P, 's2')));
  });

  it('refreshes the release an item left and the one it joined, and the release list', () => {
    const keys = touched(
      P,
      event('item', 'i1', { releaseId: ['r1', 'r2'] }),
      { releaseId: 'r2' },
      NOTHING_HELD,
    );
    assert.ok(has(keys, queryKeys.releaseList(P)));
    assert.ok(has(keys, queryKeys.release(P, 'r1')));
    assert.ok(has(keys, queryKeys.release(P, 'r2')));
  });

  it('refreshes the release an item is in when it changes there, and no release for an item outside one', () => {
    const inside = touched(
      P,
      event('item', 'i1', { status: ['ready', 'done'] }),
      { releaseId: 'r1' },
      NOTHING_HELD,
    );
    assert.ok(has(inside, queryKeys.release(P, 'r1')));
    const outside = touched(P, event('item', 'i1', { title: ['a', 'b'] }), { releaseId: null }, NOTHING_HELD);
    assert.ok(!has(outside, queryKeys.releaseList(P)));
  });

  it('refreshes a release and the list when the release changes', () => {
    const keys = touched(P, event('release', 'r3'), null, NOTHING_HELD);
    assert.deepEqual(keys, [
      JSON.stringify(queryKeys.releaseList(P)),
      JSON.stringify(queryKeys.release(P, 'r3')),
    ]);
  });

  it("refreshes an item's dependencies when a link names it or one of its external dependencies changes", () => {
    const held: HeldQueries = {
      sprints: [],
      dependencies: [
        { itemId: 'i1', externalIds: new Set(['x1']) },
        { itemId: 'i2', externalIds: new Set() },
      ],
    };
    const linked = touched(P, event('dependency', 'd1', { blockerId: [null, 'i1'] }), null, held);
    assert.ok(has(linked, queryKeys.itemDependencies(P, 'i1')));
    assert.ok(!has(linked, queryKeys.itemDependencies(P, 'i2')));
    const met = touched(P, event('external_dependency', 'x1', { met: [false, true] }), null, held);
    assert.deepEqual(met, [JSON.stringify(queryKeys.itemDependencies(P, 'i1'))]);
  });

  it("refreshes a held sprint's readiness when a dependency changes", () => {
    const held: HeldQueries = { sprints: [{ sprintId: 's1', itemIds: new Set(['i1']) }], dependencies: [] };
    const keys = touched(P, event('dependency', 'd1', { blockerId: [null, 'i5'] }), null, held);
    assert.ok(has(keys, queryKeys.sprint(P, 's1')));
  });

  it('refreshes the reports on the plan on any change to the plan, and not on a user or token event', () => {
    const reports = JSON.stringify(queryKeys.analysis(P));
    for (const type of ['item', 'initiative', 'dependency', 'external_dependency', 'sprint', 'review']) {
      const keys = keysTouchedBy(P, event(type, 'x'), null, NOTHING_HELD).map((key) => JSON.stringify(key));
      assert.ok(keys.includes(reports), type);
    }
    for (const type of ['user', 'token']) {
      assert.deepEqual(keysTouchedBy(P, event(type, 'x'), null, NOTHING_HELD), [], type);
    }
  });

  it('leaves the cache alone for the objects the store itself keeps live', () => {
    for (const type of ['theme', 'objective', 'initiative', 'product']) {
      assert.deepEqual(touched(P, event(type, 'x'), null, NOTHING_HELD), []);
    }
  });
});

describe('queryKeys', () => {
  it("starts every key with the product's prefix, so a product's entries are dropped together", () => {
    const prefix = JSON.stringify(queryKeys.product(P)).slice(0, -1);
    const keys = [
      queryKeys.planning(P),
      queryKeys.teams(P),
      queryKeys.sprints(P, { state: 'planned' }),
      queryKeys.sprint(P, 's1'),
      queryKeys.sprintReport(P, 's1'),
      queryKeys.releaseList(P),
      queryKeys.release(P, 'r1'),
      queryKeys.item(P, 'chk-1'),
      queryKeys.itemDependencies(P, 'i1'),
      queryKeys.itemHistory(P, 'i1', 3),
      queryKeys.chart(P, { path: '/sprints/s1/burndown', params: {} }),
    ];
    for (const key of keys) assert.ok(JSON.stringify(key).startsWith(prefix), JSON.stringify(key));
  });

  it('puts the lists, a sprint report and a chart under the prefixes the live bridge invalidates', () => {
    const under = (key: readonly unknown[], prefix: readonly unknown[]) =>
      JSON.stringify(key.slice(0, prefix.length)) === JSON.stringify(prefix);
    assert.ok(under(queryKeys.teams(P), queryKeys.lists(P)));
    assert.ok(under(queryKeys.sprints(P), queryKeys.lists(P)));
    assert.ok(under(queryKeys.sprintReport(P, 's1'), queryKeys.sprint(P, 's1')));
    assert.ok(under(queryKeys.release(P, 'r1'), queryKeys.releases(P)));
    const burndown = { path: '/sprints/s1/burndown', params: {} };
    assert.ok(under(queryKeys.chart(P, burndown), queryKeys.chartPath(P, burndown.path)));
  });

  it('names an item the same whatever the case of its key', () => {
    assert.deepEqual(queryKeys.item(P, 'chk-1'), queryKeys.item(P, 'CHK-1'));
  });

  it('refreshes the saved views, and no report, when a view changes', () => {
    const all = keysTouchedBy(P, event('view', 'v1', { name: ['Bugs', 'Open bugs'] }), null, NOTHING_HELD);
    assert.deepEqual(
      all.map((key) => JSON.stringify(key)),
      [JSON.stringify(queryKeys.views(P))],
    );
  });

  it('refreshes every PRD query when a PRD changes, and when an item changes (linked items, gaps)', () => {
    const prd = keysTouchedBy(P, event('prd', 'd1', { title: ['A', 'B'] }), null, NOTHING_HELD);
    assert.deepEqual(
      prd.map((key) => JSON.stringify(key)),
      [JSON.stringify(queryKeys.prds(P))],
    );
    const item = keysTouchedBy(P, event('item', 'i1'), null, NOTHING_HELD).map((key) => JSON.stringify(key));
    assert.ok(item.includes(JSON.stringify(queryKeys.prds(P))));
    for (const key of [
      queryKeys.prd(P, 'd1'),
      queryKeys.prdGaps(P, 'd1'),
      queryKeys.initiativePrds(P, 'x'),
    ]) {
      assert.ok(JSON.stringify(key).startsWith(JSON.stringify(queryKeys.prds(P)).slice(0, -1)));
    }
  });
});

describe('keysTouchedBy for comments', () => {
  it("refreshes the product's comment threads and the reader's notifications when a comment changes", () => {
    const keys = touched(P, event('comment', 'c1'), null, NOTHING_HELD);
    assert.deepEqual(keys, [
      JSON.stringify(queryKeys.comments(P)),
      JSON.stringify(queryKeys.notifications()),
    ]);
    const prefix = JSON.stringify(queryKeys.comments(P)).slice(0, -1);
    assert.ok(JSON.stringify(queryKeys.commentThread(P, 'item', 'i1')).startsWith(prefix));
    const notes = JSON.stringify(queryKeys.notifications()).slice(0, -1);
    assert.ok(JSON.stringify(queryKeys.unreadNotifications()).startsWith(notes));
    assert.ok(JSON.stringify(queryKeys.notificationList()).startsWith(notes));
  });
});
