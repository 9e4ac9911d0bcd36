import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { alignmentOf, MAX_LISTED, type RoadmapChange } from './alignment.ts';
import type { ModelInitiative, ModelItem, ModelSprint, PlanningModel } from './planning-model.ts';
import {
  initiative as baseInitiative,
  sprint as baseSprint,
  model,
  item as readyItem,
} from './planning-model-fixtures.ts';

/** These tests read a 1-point task without a description, initiatives in "next" and May sprints. */
const item = (key: string, overrides: Partial<ModelItem> = {}) =>
  readyItem(key, { estimate: 1, description: '', ...overrides });
const initiative = (id: string, overrides: Partial<ModelInitiative> = {}) =>
  baseInitiative(id, { horizon: 'next', ...overrides });
const sprint = (id: string, state: ModelSprint['state']) =>
  baseSprint(id, {
    state,
    startDate: '2024-05-01',
    endDate: '2024-05-14',
    completedPoints: null,
    closedAt: null,
  });

const TODAY = '2024-05-10';
const kindsOf = (m: PlanningModel, changes: readonly RoadmapChange[] = []) =>
  alignmentOf(m, TODAY, changes).drift.map((d) => [d.kind, d.initiativeId, d.itemId]);

describe('alignmentOf coverage', () => {
  const m = model({
    themes: [
      { id: 't1', name: 'Growth' },
      { id: 't2', name: 'Platform' },
    ],
    objectives: [
      { id: 'o1', title: 'Win SMBs' },
      { id: 'o2', title: 'Retain' },
      { id: 'o3', title: 'Unused' },
    ],
    initiatives: [
      initiative('i1', { themeId: 't1', objectiveIds: ['o1', 'o2'] }),
      initiative('i2', { themeId: null, objectiveIds: ['o2'] }),
    ],
    items: [
      item('A-1', { initiativeId: 'i1', estimate: 5 }),
      item('A-2', { initiativeId: 'i1', estimate: null }),
      item('A-3', { initiativeId: 'i2', estimate: 3 }),
      item('A-4', { estimate: 2 }),
      item('A-5', { initiativeId: 'gone', estimate: 10 }),
      item('A-6', { initiativeId: 'i1', estimate: 100, status: 'done' }),
      item('A-7', { estimate: 100, status: 'wont_do' }),
    ],
  });
  const { coverage, orphanItems, orphanTotal } = alignmentOf(m, TODAY, []);

  it('counts open work only: items, and points of estimated items', () => {
    assert.deepEqual(coverage.total, { items: 5, points: 20 });
  });

  it('gives the share of items and of points linked to an initiative', () => {
    assert.deepEqual(coverage.linked, { items: 3, points: 8, itemShare: 0.6, pointShare: 0.4 });
  });

  it('splits linked work by theme, listing every theme and a "No theme" bucket when one is used', () => {
    assert.deepEqual(coverage.byTheme, [
      { themeId: 't1', name: 'Growth', items: 2, points: 5, itemShare: 0.4, pointShare: 0.25 },
      { themeId: 't2', name: 'Platform', items: 0, points: 0, itemShare: 0, pointShare: 0 },
      { themeId: null, name: 'No theme', items: 1, points: 3, itemShare: 0.2, pointShare: 0.15 },
    ]);
  });

  it('leaves the "No theme" bucket out when every linked initiative has a theme', () => {
    const themed = model({
      themes: [{ id: 't1', name: 'Growth' }],
      initiatives: [initiative('i1', { themeId: 't1' }), initiative('i2')],
      items: [
        item('A-1', { initiativeId: 'i1' }),
        item('A-2'),
        item('A-3', { initiativeId: 'i2', status: 'done' }),
      ],
    });
    assert.deepEqual(
      alignmentOf(themed, TODAY, []).coverage.byTheme.map((t) => t.themeId),
      ['t1'],
    );
  });

  it('counts an item toward every objective its initiative serves', () => {
    assert.deepEqual(coverage.byObjective, [
      { objectiveId: 'o1', title: 'Win SMBs', items: 2, points: 5, itemShare: 0.4, pointShare: 0.25 },
      { objectiveId: 'o2', title: 'Retain', items: 3, points: 8, itemShare: 0.6, pointShare: 0.4 },
      { objectiveId: 'o3', title: 'Unused', items: 0, points: 0, itemShare: 0, pointShare: 0 },
    ]);
  });

  it('lists orphans (no initiative, or one no longer there) in rank order', () => {
    assert.deepEqual(orphanItems, [
      { itemId: 'a-4', key: 'A-4', title: 'Title of A-4' },
      { itemId: 'a-5', key: 'A-5', title: 'Title of A-5' },
    ]);
    assert.equal(orphanTotal, 2);
  });

  it('rounds shares to three decimals and gives 0 when there is no open work or no points', () => {
    const thirds = model({
      initiatives: [initiative('i1')],
      items: [item('A-1', { initiativeId: 'i1' }), item('A-2'), item('A-3')],
    });
    assert.equal(alignmentOf(thirds, TODAY, []).coverage.linked.itemShare, 0.333);
    const empty = alignmentOf(model({ initiatives: [initiative('i1')] }), TODAY, []).coverage;
    assert.deepEqual(empty.linked, { items: 0, points: 0, itemShare: 0, pointShare: 0 });
    const unestimated = model({
      initiatives: [initiative('i1')],
      items: [item('A-1', { initiativeId: 'i1', estimate: null })],
    });
    assert.deepEqual(alignmentOf(unestimated, TODAY, []).coverage.linked, {
      items: 1,
      points: 0,
      itemShare: 1,
      pointShare: 0,
    });
  });

  it(`lists at most ${MAX_LISTED} orphans and still counts them all`, () => {
    const many = Array.from({ length: MAX_LISTED + 37 }, (_, i) => item(`O-${String(i).padStart(4, '0')}`));
    const result = alignmentOf(model({ items: many }), TODAY, []);
    assert.equal(result.orphanItems.length, MAX_LISTED);
    assert.equal(result.orphanTotal, MAX_LISTED + 37);
    assert.equal(result.orphanItems[0]?.key, 'O-0000');
    assert.equal(result.orphanItems.at(-1)?.key, `O-${String(MAX_LISTED - 1).padStart(4, '0')}`);
  });

  // Trashing a theme leaves initiatives pointing at it (load-planning-model.ts reads live themes only):
  // their work is linked but falls into no theme row, not even "No theme".
  it('puts the work of an initiative whose theme is in the trash under "No theme"', () => {
    const trashedTheme = model({
      themes: [],
      initiatives: [initiative('i1', { themeId: 't-trashed' })],
      items: [item('A-1', { initiativeId: 'i1' })],
    });
    const { coverage } = alignmentOf(trashedTheme, TODAY, []);
    assert.equal(coverage.linked.items, 1);
    // Today: byTheme is [], so the item is linked yet counted under no theme.
    assert.deepEqual(
      coverage.byTheme.map((t) => [t.themeId, t.items]),
      [[null, 1]],
    );
  });
});

describe('alignmentOf initiativesWithoutWork', () => {
  it('lists open initiatives in "now" or "next" with no open item', () => {
    const m = model({
      initiatives: [
        initiative('now-empty', { horizon: 'now' }),
        initiative('next-only-done', { horizon: 'next', status: 'proposed' }),
        initiative('next-busy', { horizon: 'next' }),
        initiative('later-empty', { horizon: 'later' }),
        initiative('now-done', { horizon: 'now', status: 'done' }),
        initiative('now-dropped', { horizon: 'now', status: 'dropped' }),
      ],
      items: [
        item('A-1', { initiativeId: 'next-only-done', status: 'done' }),
        item('A-2', { initiativeId: 'next-busy' }),
      ],
    });
    assert.deepEqual(alignmentOf(m, TODAY, []).initiativesWithoutWork, [
      { initiativeId: 'now-empty', title: 'Initiative now-empty', horizon: 'now' },
      { initiativeId: 'next-only-done', title: 'Initiative next-only-done', horizon: 'next' },
    ]);
  });
});

describe('alignmentOf drift', () => {
  const sprints = [sprint('active', 'active'), sprint('planned', 'planned'), sprint('closed', 'closed')];

  it('flags a "now" initiative with nothing in progress, in review or in the active sprint', () => {
    const m = model({
      sprints,
      initiatives: [
        initiative('idle', { horizon: 'now', title: 'Idle' }),
        initiative('in-planned-sprint', { horizon: 'now' }),
        initiative('working', { horizon: 'now' }),
        initiative('reviewing', { horizon: 'now' }),
        initiative('sprinting', { horizon: 'now' }),
        initiative('finished', { horizon: 'now', status: 'done' }),
        initiative('next', { horizon: 'next' }),
      ],
      items: [
        item('A-1', { initiativeId: 'idle' }),
        item('A-2', { initiativeId: 'idle', status: 'done' }),
        item('A-3', { initiativeId: 'in-planned-sprint', sprintId: 'planned' }),
        item('A-4', { initiativeId: 'working', status: 'in_progress' }),
        item('A-5', { initiativeId: 'reviewing', status: 'in_review' }),
        item('A-6', { initiativeId: 'sprinting', sprintId: 'active' }),
      ],
    });
    const { drift } = alignmentOf(m, TODAY, []);
    assert.deepEqual(
      drift.map((d) => [d.kind, d.initiativeId]),
      [
        ['now_without_progress', 'idle'],
        ['now_without_progress', 'in-planned-sprint'],
      ],
    );
    assert.equal(
      drift[0]?.message,
      '"Idle" is in "now" but nothing of it is in progress or in the active sprint',
    );
  });

  it('flags active-sprint work that serves a "later" initiative', () => {
    const m = model({
      sprints,
      initiatives: [initiative('later', { horizon: 'later', title: 'Someday' })],
      items: [
        item('A-1', { initiativeId: 'later', sprintId: 'active' }),
        item('A-2', { initiativeId: 'later', sprintId: 'planned' }),
        item('A-3', { initiativeId: 'later', sprintId: 'active', status: 'done' }),
      ],
    });
    const { drift } = alignmentOf(m, TODAY, []);
    assert.deepEqual(drift, [
      {
        kind: 'sprint_work_for_later',
        initiativeId: 'later',
        itemId: 'a-1',
        message: 'A-1 is in the active sprint but serves "Someday", which is planned for later',
      },
    ]);
  });

  it('flags active-sprint work that serves a done or dropped initiative', () => {
    const m = model({
      sprints,
      initiatives: [
        initiative('shipped', { status: 'done', horizon: 'later', title: 'Shipped' }),
        initiative('dropped', { status: 'dropped', horizon: 'now' }),
      ],
      items: [
        item('A-1', { initiativeId: 'shipped', sprintId: 'active' }),
        item('A-2', { initiativeId: 'dropped', sprintId: 'active' }),
        item('A-3', { initiativeId: 'dropped', sprintId: 'closed' }),
      ],
    });
    const { drift } = alignmentOf(m, TODAY, []);
    assert.deepEqual(
      drift.map((d) => [d.kind, d.initiativeId, d.itemId]),
      [
        ['sprint_work_for_closed_initiative', 'shipped', 'a-1'],
        ['sprint_work_for_closed_initiative', 'dropped', 'a-2'],
      ],
    );
    assert.equal(drift[0]?.message, 'A-1 is in the active sprint but serves "Shipped", which is done');
  });

  it('flags an open initiative past its target date that still has open work', () => {
    const m = model({
      initiatives: [
        initiative('late', { targetDate: '2024-05-09', title: 'Late' }),
        initiative('late-one', { targetDate: '2024-01-01', title: 'One' }),
        initiative('due-today', { targetDate: TODAY }),
        initiative('late-but-finished-work', { targetDate: '2024-05-01' }),
        initiative('late-and-closed', { targetDate: '2024-05-01', status: 'done' }),
        initiative('no-target'),
      ],
      items: [
        item('A-1', { initiativeId: 'late' }),
        item('A-2', { initiativeId: 'late', status: 'in_progress' }),
        item('A-3', { initiativeId: 'late-one' }),
        item('A-4', { initiativeId: 'due-today' }),
        item('A-5', { initiativeId: 'late-but-finished-work', status: 'done' }),
        item('A-6', { initiativeId: 'late-and-closed' }),
        item('A-7', { initiativeId: 'no-target' }),
      ],
    });
    const { drift } = alignmentOf(m, TODAY, []);
    assert.deepEqual(
      drift.map((d) => [d.kind, d.initiativeId, d.message]),
      [
        ['past_target_with_open_work', 'late', '"Late" was due 2024-05-09 and still has 2 open items'],
        ['past_target_with_open_work', 'late-one', '"One" was due 2024-01-01 and still has 1 open item'],
      ],
    );
  });

  it('reports each roadmap change since the last review, naming a removed initiative', () => {
    const m = model({ initiatives: [initiative('i1', { title: 'Billing', horizon: 'next' })] });
    const base = { initiativeId: 'i1', at: '2024-05-02T10:00:00Z', actorId: 'u1' };
    const changes: RoadmapChange[] = [
      { ...base, field: 'created', before: null, after: null },
      { ...base, field: 'horizon', before: 'later', after: 'next' },
      { ...base, field: 'status', before: 'proposed', after: 'active' },
      { ...base, field: 'targetDate', before: null, after: '2024-06-30' },
      { ...base, field: 'startDate', before: '2024-05-01', after: null },
      { ...base, initiativeId: 'i9', field: 'deleted', before: null, after: null },
    ];
    const { drift } = alignmentOf(m, TODAY, changes);
    assert.ok(drift.every((d) => d.kind === 'roadmap_changed' && d.itemId === undefined));
    assert.deepEqual(
      drift.map((d) => [d.initiativeId, d.message]),
      [
        ['i1', 'Since the last review: "Billing" was added to the roadmap'],
        ['i1', 'Since the last review: "Billing" moved from later to next'],
        ['i1', 'Since the last review: "Billing" went from proposed to active'],
        ['i1', `Since the last review: "Billing"'s target date changed from none to 2024-06-30`],
        ['i1', `Since the last review: "Billing"'s start date changed from 2024-05-01 to none`],
        ['i9', 'Since the last review: an initiative now in the trash was removed from the roadmap'],
      ],
    );
  });

  it('reports nothing for a plan that matches the roadmap', () => {
    const m = model({
      sprints,
      initiatives: [initiative('now', { horizon: 'now', targetDate: '2024-06-01' })],
      items: [item('A-1', { initiativeId: 'now', sprintId: 'active' })],
    });
    assert.deepEqual(kindsOf(m), []);
  });
});
describe('alignmentOf properties', () => {
  const initiativeIds = ['i1', 'i2', 'i3'];
  const modelArb = fc
    .record({
      initiatives: fc.array(
        fc.record({
          themeId: fc.constantFrom(null, 't1', 't2'),
          objectiveIds: fc.subarray(['o1', 'o2']),
          horizon: fc.constantFrom('now' as const, 'next' as const, 'later' as const),
          status: fc.constantFrom(
            'proposed' as const,
            'active' as const,
            'done' as const,
            'dropped' as const,
          ),
        }),
        { maxLength: initiativeIds.length },
      ),
      items: fc.array(
        fc.record({
          initiativeId: fc.constantFrom(null, ...initiativeIds, 'missing'),
          estimate: fc.option(fc.integer({ min: 0, max: 13 })),
          status: fc.constantFrom(
            'backlog' as const,
            'in_progress' as const,
            'done' as const,
            'wont_do' as const,
          ),
        }),
        { maxLength: 30 },
      ),
    })
    .map(({ initiatives, items }) =>
      model({
        themes: [
          { id: 't1', name: 'One' },
          { id: 't2', name: 'Two' },
        ],
        objectives: [
          { id: 'o1', title: 'One' },
          { id: 'o2', title: 'Two' },
        ],
        initiatives: initiatives.map((fields, i) => initiative(initiativeIds[i]!, fields)),
        items: items.map((fields, i) => item(`P-${i}`, fields)),
      }),
    );

  it('splits open work into linked and orphaned, with every share between 0 and 1', () => {
    fc.assert(
      fc.property(modelArb, (m) => {
        const { coverage, orphanTotal, orphanItems } = alignmentOf(m, TODAY, []);
        assert.equal(coverage.linked.items + orphanTotal, coverage.total.items);
        assert.equal(orphanItems.length, Math.min(orphanTotal, MAX_LISTED));
        const themed = coverage.byTheme.reduce((sum, t) => sum + t.items, 0);
        assert.equal(themed, coverage.linked.items, 'every linked item sits in one theme row');
        for (const share of [coverage.linked, ...coverage.byTheme, ...coverage.byObjective]) {
          for (const value of [share.itemShare, share.pointShare])
            assert.ok(value >= 0 && value <= 1, `${value}`);
          assert.ok(share.items <= coverage.total.items && share.points <= coverage.total.points);
        }
      }),
    );
  });
});
