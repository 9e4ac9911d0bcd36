import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_DEFINITION_OF_READY, type DefinitionOfReady } from './definition-of-ready.ts';
import { groomingReport, MAX_GROOMING_LIST } from './grooming.ts';
import { isOpen, type ModelItem, type PlanningModel } from './planning-model.ts';
import { initiative, item, model, sprint } from './planning-model-fixtures.ts';
import { assessReadiness } from './readiness-report.ts';

const NOW = '2024-03-01T00:00:00Z';

function report(
  m: PlanningModel,
  options: { now?: string; staleDays?: number; definition?: DefinitionOfReady } = {},
) {
  const definition = options.definition ?? DEFAULT_DEFINITION_OF_READY;
  return groomingReport(m, assessReadiness(m, definition), definition, {
    now: options.now ?? NOW,
    ...(options.staleDays === undefined ? {} : { staleDays: options.staleDays }),
  });
}

/** Keys G-01, G-02, … so that rank order is key order. */
const key = (n: number) => `G-${String(n).padStart(3, '0')}`;
/** Items with distinct titles, so that none reads as a duplicate of another. */
const numbered = (count: number, overrides: (n: number) => Partial<ModelItem> = () => ({})) =>
  Array.from({ length: count }, (_, i) =>
    item(key(i + 1), { title: `Unique ${'x'.repeat(i + 1)}`, ...overrides(i + 1) }),
  );
const keys = (list: readonly { key: string }[]) => list.map((entry) => entry.key);

describe('groomingReport near the top', () => {
  it('without velocity reaches the first 20 open items and lists only those not ready, with reasons', () => {
    const m = model({
      items: numbered(25, (n) => (n === 3 || n === 22 ? { estimate: null } : {})),
    });
    const near = report(m).notReadyNearTop;
    assert.equal(near.reach, 20);
    assert.deepEqual(keys(near.items), [key(3)]);
    assert.equal(near.total, 1);
    assert.deepEqual(
      near.items[0]?.reasons.map((reason) => reason.code),
      ['no_estimate'],
    );
    assert.equal(near.items[0]?.estimate, null);
  });

  it('with velocity walks down the rank until two sprints of velocity, skipping closed work', () => {
    // Velocity 6: the top reaches 12 points, four open 3-point items.
    const m = model({
      sprints: [sprint('s1', { completedPoints: 6 })],
      items: [
        item('A-0', { status: 'done', criteriaTotal: 0 }),
        item('A-1'),
        item('A-2', { criteriaTotal: 0 }),
        item('A-3', { sprintId: 's1', status: 'in_progress', criteriaTotal: 0 }),
        item('A-4'),
        item('A-5', { criteriaTotal: 0 }),
        item('A-6', { criteriaTotal: 0 }),
      ],
    });
    const r = report(m);
    assert.equal(r.velocity, 6);
    assert.equal(r.notReadyNearTop.reach, 4);
    assert.deepEqual(keys(r.notReadyNearTop.items), ['A-2', 'A-5']);
    assert.deepEqual(
      r.notReadyNearTop.items.map((entry) => entry.reasons.map((reason) => reason.code)),
      [['no_acceptance_criteria'], ['no_acceptance_criteria']],
    );
  });
});

describe('groomingReport stale items', () => {
  const m = model({
    items: [
      item('S-1', { title: 'One', updatedAt: '2024-01-10T12:00:00Z' }),
      item('S-2', { title: 'Two', updatedAt: '2023-12-01T00:00:00Z' }),
      item('S-3', { title: 'Three', updatedAt: '2024-02-15T00:00:00Z' }),
      item('S-4', { title: 'Four', updatedAt: '2023-01-01T00:00:00Z', status: 'done' }),
      item('S-5', { title: 'Five', updatedAt: '2023-01-01T00:00:00Z', status: 'wont_do' }),
    ],
  });

  it('lists open items not updated for staleDays, oldest first, with whole days since', () => {
    const stale = report(m).stale;
    assert.equal(stale.staleDays, 30);
    assert.deepEqual(
      stale.items.map((entry) => [entry.key, entry.updatedAt, entry.days]),
      [
        ['S-2', '2023-12-01T00:00:00Z', 91],
        ['S-1', '2024-01-10T12:00:00Z', 50],
      ],
    );
    assert.equal(stale.total, 2);
  });

  it('reads staleDays from the options', () => {
    const stale = report(m, { staleDays: 60 }).stale;
    assert.equal(stale.staleDays, 60);
    assert.deepEqual(keys(stale.items), ['S-2']);
    assert.deepEqual(keys(report(m, { staleDays: 10 }).stale.items), ['S-2', 'S-1', 'S-3']);
  });
});

describe('groomingReport oversized items', () => {
  const items = [
    item('O-1', { title: 'One', estimate: 13 }),
    item('O-2', { title: 'Two', estimate: 14 }),
    item('O-3', { title: 'Three', estimate: null }),
    item('O-4', { title: 'Four', estimate: 11 }),
    item('O-5', { title: 'Five', estimate: 40, status: 'done' }),
  ];

  it('without velocity uses the fixed limit (13)', () => {
    const oversized = report(model({ items })).oversized;
    assert.deepEqual(
      oversized.items.map((entry) => [entry.key, entry.limit]),
      [['O-2', 13]],
    );
    assert.equal(oversized.total, 1);
  });

  it('with velocity uses its share (0.5 × 20 = 10)', () => {
    const oversized = report(model({ items, sprints: [sprint('s1', { completedPoints: 20 })] })).oversized;
    assert.deepEqual(
      oversized.items.map((entry) => [entry.key, entry.limit]),
      [
        ['O-1', 10],
        ['O-2', 10],
        ['O-4', 10],
      ],
    );
  });
});

describe('groomingReport undersized groups', () => {
  it('groups three or more open items of at most one point per initiative, largest group first', () => {
    const m = model({
      initiatives: [
        initiative('i1', { title: 'One' }),
        initiative('i2', { title: 'Two' }),
        initiative('i3', { title: 'Three' }),
      ],
      items: [
        ...numbered(3, () => ({ initiativeId: 'i1', estimate: 1 })),
        item('B-1', { title: 'Big', initiativeId: 'i1', estimate: 2 }),
        item('B-2', { title: 'Done tiny', initiativeId: 'i1', estimate: 1, status: 'done' }),
        item('B-3', { title: 'Unestimated', initiativeId: 'i1', estimate: null }),
        item('T-1', { title: 'Two a', initiativeId: 'i2', estimate: 1 }),
        item('T-2', { title: 'Two b', initiativeId: 'i2', estimate: 0 }),
        item('H-1', { title: 'Three a', initiativeId: 'i3', estimate: 0 }),
        item('H-2', { title: 'Three b', initiativeId: 'i3', estimate: 1 }),
        item('H-3', { title: 'Three c', initiativeId: 'i3', estimate: 1 }),
        item('H-4', { title: 'Three d', initiativeId: 'i3', estimate: 0.5 }),
        item('M-1', { title: 'Missing a', initiativeId: 'gone', estimate: 1 }),
        item('M-2', { title: 'Missing b', initiativeId: 'gone', estimate: 1 }),
        item('M-3', { title: 'Missing c', initiativeId: 'gone', estimate: 1 }),
      ],
    });
    assert.deepEqual(
      report(m).undersized.map((group) => [group.initiativeId, group.title, keys(group.items), group.points]),
      [
        ['i3', 'Three', ['H-1', 'H-2', 'H-3', 'H-4'], 2.5],
        ['i1', 'One', [key(1), key(2), key(3)], 3],
      ],
    );
  });
});

describe('groomingReport duplicates', () => {
  it('puts the higher-ranked item first and leaves closed items out', () => {
    const title = 'Export monthly invoices as PDF files';
    const m = model({
      items: [
        item('B-1', { title, rank: 'a1' }),
        item('C-1', { title: 'Something else entirely', rank: 'a2' }),
        item('A-1', { title, rank: 'a3' }),
        item('D-1', { title, rank: 'a4', status: 'done' }),
        item('E-1', { title, rank: 'a5', status: 'wont_do' }),
      ],
    });
    const duplicates = report(m).duplicates;
    assert.deepEqual(
      duplicates.map((pair) => [pair.itemIds, keys(pair.items)]),
      [
        [
          ['b-1', 'a-1'],
          ['B-1', 'A-1'],
        ],
      ],
    );
    assert.equal(duplicates[0]?.score, 1);
  });
});

describe('groomingReport work serving closed initiatives', () => {
  it('lists open items of done and dropped initiatives', () => {
    const m = model({
      initiatives: [
        initiative('done', { status: 'done' }),
        initiative('dropped', { status: 'dropped' }),
        initiative('active'),
        initiative('proposed', { status: 'proposed' }),
      ],
      items: [
        item('K-1', { title: 'One', initiativeId: 'done' }),
        item('K-2', { title: 'Two', initiativeId: 'done', status: 'done' }),
        item('K-3', { title: 'Three', initiativeId: 'dropped' }),
        item('K-4', { title: 'Four', initiativeId: 'active' }),
        item('K-5', { title: 'Five', initiativeId: 'proposed' }),
        item('K-6', { title: 'Six', initiativeId: null }),
      ],
    });
    const serving = report(m).servingClosedInitiatives;
    assert.deepEqual(
      serving.items.map((entry) => [entry.key, entry.initiativeId, entry.initiativeStatus]),
      [
        ['K-1', 'done', 'done'],
        ['K-3', 'dropped', 'dropped'],
      ],
    );
    assert.equal(serving.total, 2);
  });
});

describe('groomingReport depth and backlog', () => {
  const items = [
    item('D-1', { title: 'One', estimate: 3 }),
    item('D-2', { title: 'Two', estimate: 5 }),
    item('D-3', { title: 'Three', sprintId: 'now', status: 'in_progress' }),
    item('D-4', { title: 'Four', criteriaTotal: 0 }),
    item('D-5', { title: 'Five', status: 'done' }),
    item('D-6', { title: 'Six', sprintId: 'old', status: 'in_progress', updatedAt: '2020-01-01T00:00:00Z' }),
    item('D-7', { title: 'Seven', sprintId: 'next' }),
  ];

  it('counts ready open items outside the active sprint and divides by velocity', () => {
    const m = model({
      items,
      sprints: [
        sprint('old', { completedPoints: 20 }),
        sprint('now', { state: 'active', completedPoints: null, closedAt: null }),
        sprint('next', { state: 'planned', completedPoints: null, closedAt: null }),
      ],
    });
    const r = report(m);
    // D-1, D-2 and D-7 (a planned sprint is still to draw from); not D-6, left in a closed sprint.
    assert.deepEqual(r.depth, { readyItems: 3, readyPoints: 11, velocity: 20, sprints: 0.6 });
  });

  it('has no sprint count without velocity', () => {
    const m = model({
      items,
      sprints: [
        sprint('old', { state: 'active', completedPoints: null, closedAt: null }),
        sprint('now', { state: 'active', completedPoints: null, closedAt: null }),
      ],
    });
    const r = report(m);
    assert.equal(r.velocity, null);
    // "old" is active here: D-6 is taken like D-3.
    assert.deepEqual(r.depth, { readyItems: 3, readyPoints: 11, velocity: null, sprints: null });
  });

  it('leaves items of a closed sprint out of every list', () => {
    const r = report(
      model({
        items: [item('L-1', { sprintId: 'old', estimate: 40, updatedAt: '2020-01-01T00:00:00Z' })],
        sprints: [sprint('old')],
      }),
    );
    assert.equal(r.notReadyNearTop.reach, 0);
    assert.equal(r.stale.total, 0);
    assert.equal(r.oversized.total, 0);
    assert.equal(r.depth.readyItems, 0);
  });
});

describe('groomingReport caps', () => {
  it(`lists at most ${MAX_GROOMING_LIST} and gives exact totals`, () => {
    const count = MAX_GROOMING_LIST + 50;
    const m = model({
      initiatives: [initiative('closed', { status: 'done' })],
      items: numbered(count, () => ({ estimate: 20, initiativeId: 'closed' })),
    });
    const r = report(m, { now: '2024-06-01T00:00:00Z' });
    for (const list of [r.stale, r.oversized, r.servingClosedInitiatives]) {
      assert.equal(list.items.length, MAX_GROOMING_LIST);
      assert.equal(list.total, count);
    }
    assert.deepEqual(keys(r.oversized.items).slice(0, 2), [key(1), key(2)]);
  });
});

describe('groomingReport property', () => {
  it('lists only open backlog items and totals at least as long as the lists', () => {
    const words = ['export', 'invoice', 'login', 'report', 'search', 'filter'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            status: fc.constantFrom(
              'backlog' as const,
              'ready' as const,
              'in_progress' as const,
              'done' as const,
              'wont_do' as const,
            ),
            estimate: fc.option(fc.integer({ min: 0, max: 30 })),
            criteriaTotal: fc.integer({ min: 0, max: 2 }),
            initiativeId: fc.constantFrom(null, 'i-active', 'i-done', 'i-dropped', 'missing'),
            sprintId: fc.constantFrom(null, 's-closed', 's-active', 's-planned'),
            title: fc
              .array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 })
              .map((w) => w.join(' ')),
            updatedAt: fc.constantFrom(
              '2023-06-01T00:00:00Z',
              '2024-02-20T00:00:00Z',
              '2024-02-29T00:00:00Z',
            ),
          }),
          { maxLength: 40 },
        ),
        fc.boolean(),
        (fields, withVelocity) => {
          const m = model({
            items: fields.map((f, i) => item(key(i + 1), f)),
            initiatives: [
              initiative('i-active'),
              initiative('i-done', { status: 'done' }),
              initiative('i-dropped', { status: 'dropped' }),
            ],
            sprints: [
              sprint(
                's-closed',
                withVelocity ? {} : { state: 'active', completedPoints: null, closedAt: null },
              ),
              sprint('s-active', { state: 'active', completedPoints: null, closedAt: null }),
              sprint('s-planned', { state: 'planned', completedPoints: null, closedAt: null }),
            ],
          });
          const r = report(m);
          const byId = new Map(m.items.map((entry) => [entry.id, entry]));
          const listed = [
            ...r.notReadyNearTop.items,
            ...r.stale.items,
            ...r.oversized.items,
            ...r.servingClosedInitiatives.items,
            ...r.undersized.flatMap((group) => group.items),
            ...r.duplicates.flatMap((pair) => pair.items),
          ];
          for (const entry of listed) {
            const found = byId.get(entry.itemId);
            assert.ok(found && isOpen(found), `${entry.key} is open`);
            if (withVelocity) assert.notEqual(found.sprintId, 's-closed');
          }
          for (const list of [r.notReadyNearTop, r.stale, r.oversized, r.servingClosedInitiatives]) {
            assert.ok(list.total >= list.items.length);
          }
          assert.ok(r.depth.readyItems <= m.items.filter(isOpen).length);
        },
      ),
    );
  });
});
