import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from './calendar.ts';
import type { ModelItem, PlanningModel } from './planning-model.ts';
import { initiative, item, model, sprint } from './planning-model-fixtures.ts';
import { type CompletedItem, PRODUCT_STREAM, productForecast } from './product-forecast.ts';

const TODAY = '2024-06-01';
const TRIALS = 500;

/**
 * `days` done items completed one a day up to yesterday: a constant pace of one item a day, with which
 * every trial is the same and k items ahead finish exactly k days after today.
 */
function history(prefix: string, days: number, overrides: Partial<ModelItem> = {}) {
  const items = Array.from({ length: days }, (_, i) =>
    item(`${prefix}-${i + 1}`, { status: 'done', rank: `z${prefix}${i}`, ...overrides }),
  );
  const completed: CompletedItem[] = items.map((done, i) => ({
    itemId: done.id,
    day: addDays(TODAY, i - days),
  }));
  return { items, completed };
}

const day = (n: number) => addDays(TODAY, n);
const run = (m: PlanningModel, completed: readonly CompletedItem[]) =>
  productForecast(m, completed, { today: TODAY, trials: TRIALS });

describe('productForecast history', () => {
  it('ignores completions of items that are not done now', () => {
    const past = history('P', 30);
    const m = model({
      items: [item('A-1', { initiativeId: 'i1' }), item('A-2', { status: 'wont_do' }), ...past.items],
      initiatives: [initiative('i1')],
    });
    const completed = [
      ...past.completed,
      { itemId: 'a-1', day: day(-3) },
      { itemId: 'a-2', day: day(-3) },
      { itemId: 'unknown', day: day(-3) },
    ];
    const result = run(m, completed);
    const product = result.streams.find((s) => s.streamId === PRODUCT_STREAM);
    assert.equal(product?.completed, 30);
    assert.deepEqual(product?.daily, Array(30).fill(1));
    assert.equal(result.initiatives[0]?.p50, day(1));
  });

  it("forecasts a team's item in the team's stream and counts its completions for the team and the product", () => {
    const red = history('R', 30, { sprintId: 's-red' });
    const none = history('P', 30);
    const m = model({
      sprints: [sprint('s-red', { teamId: 'red' }), sprint('s-next', { teamId: 'red', state: 'active' })],
      teams: [{ id: 'red', name: 'Red' }],
      initiatives: [initiative('i-red'), initiative('i-product')],
      items: [
        item('A-1', { initiativeId: 'i-product' }),
        item('A-2', { initiativeId: 'i-product' }),
        item('A-3', { initiativeId: 'i-product' }),
        item('A-4', { initiativeId: 'i-product' }),
        item('B-1', { initiativeId: 'i-red', sprintId: 's-next' }),
        item('B-2', { initiativeId: 'i-red', sprintId: 's-next' }),
        ...red.items,
        ...none.items,
      ],
    });
    const result = run(m, [...red.completed, ...none.completed]);
    const completedBy = Object.fromEntries(result.streams.map((s) => [s.streamId, s.completed]));
    assert.deepEqual(completedBy, { product: 60, red: 30 });
    const [teamWork, productWork] = result.initiatives;
    assert.deepEqual(teamWork?.streamIds, ['red']);
    // Red does one item a day: its second item is done the day after tomorrow.
    assert.equal(teamWork?.p50, day(2));
    assert.deepEqual(productWork?.streamIds, [PRODUCT_STREAM]);
    // The product does two a day: four items in two days, though B-* rank after them in another stream.
    assert.equal(productWork?.p50, day(2));
    assert.equal(productWork?.p95, day(2));
  });
});

describe('productForecast queue', () => {
  it("puts a blocker before the item it blocks, so the initiative's date moves later", () => {
    const past = history('P', 30);
    const base = model({
      initiatives: [initiative('i1')],
      items: [
        item('A-1', { initiativeId: 'i1' }),
        item('A-2'),
        item('A-3'),
        item('A-4'),
        item('Z-9', { rank: 'y' }),
        ...past.items,
      ],
    });
    const without = run(base, past.completed).initiatives[0];
    const withEdge = run(
      { ...base, dependencies: [{ from: 'z-9', to: 'a-1', kind: 'technical' }] },
      past.completed,
    ).initiatives[0];
    assert.equal(without?.p50, day(1));
    assert.equal(withEdge?.p50, day(2));
    assert.ok((withEdge?.p85 ?? '') > (without?.p85 ?? ''));
  });

  it('ignores edges from closed items', () => {
    const past = history('P', 30);
    const m = model({
      initiatives: [initiative('i1')],
      items: [item('A-1', { initiativeId: 'i1' }), item('A-2'), ...past.items],
      dependencies: [{ from: past.items[0]!.id, to: 'a-1', kind: 'technical' }],
    });
    assert.equal(run(m, past.completed).initiatives[0]?.p50, day(1));
  });
});

describe('productForecast targets', () => {
  const past = history('P', 30);
  const items = [
    item('A-1', { initiativeId: 'late', releaseId: 'r-planned' }),
    item('A-2', { initiativeId: 'late' }),
    item('A-3', { initiativeId: 'late', releaseId: 'r-planned' }),
    item('A-4', { initiativeId: 'in-time' }),
    item('A-5', { initiativeId: 'undated', releaseId: 'r-released' }),
    item('A-6', { initiativeId: 'finished' }),
    item('A-7', { initiativeId: 'dropped', releaseId: 'r-cancelled' }),
    item('A-8', { initiativeId: 'late', status: 'done' }),
    ...past.items,
  ];
  const m = model({
    items,
    initiatives: [
      initiative('late', { title: 'Late', targetDate: day(2) }),
      initiative('in-time', { title: 'In time', targetDate: day(4), status: 'proposed' }),
      initiative('undated', { title: 'Undated' }),
      initiative('finished', { status: 'done', targetDate: day(1) }),
      initiative('dropped', { status: 'dropped', targetDate: day(1) }),
    ],
    releases: [
      { id: 'r-planned', name: '1.0', targetDate: day(10), state: 'planned' },
      { id: 'r-released', name: '0.9', targetDate: day(1), state: 'released' },
      { id: 'r-cancelled', name: '0.8', targetDate: null, state: 'cancelled' },
      { id: 'r-empty', name: '2.0', targetDate: null, state: 'planned' },
    ],
  });
  const result = run(m, past.completed);

  it('leaves done and dropped initiatives and releases not planned out', () => {
    assert.deepEqual(
      result.initiatives.map((i) => [i.id, i.title, i.targetDate]),
      [
        ['late', 'Late', day(2)],
        ['in-time', 'In time', day(4)],
        ['undated', 'Undated', null],
      ],
    );
    assert.deepEqual(
      result.releases.map((r) => [r.id, r.title]),
      [
        ['r-planned', '1.0'],
        ['r-empty', '2.0'],
      ],
    );
  });

  it('is at risk when the 85 % date is after the target date, never without one', () => {
    const [late, inTime, undated] = result.initiatives;
    assert.deepEqual([late?.p85, late?.atRisk, late?.probabilityOnTime], [day(3), true, 0]);
    assert.deepEqual([inTime?.p85, inTime?.atRisk, inTime?.probabilityOnTime], [day(4), false, 1]);
    assert.equal(undated?.p85, day(5));
    assert.equal(undated?.atRisk, false);
    assert.equal(undated?.probabilityOnTime, null);
  });

  it('gives a release the items that name it', () => {
    const [planned, empty] = result.releases;
    assert.equal(planned?.remainingItems, 2);
    assert.equal(planned?.p50, day(3));
    assert.equal(planned?.atRisk, false);
    assert.equal(empty?.status, 'done');
    assert.equal(empty?.remainingItems, 0);
  });
});
