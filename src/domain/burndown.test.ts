import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  type BurndownDay,
  BurndownReplay,
  computeBurndown,
  MAX_BURNDOWN_DAYS,
  type SprintTimes,
} from './burndown.ts';
import type { Changes } from './changes.ts';
import type { ItemEvent } from './item-replay.ts';

const SPRINT = 'sprint-1';
const OTHER = 'sprint-2';

/** A little event log: items are created into the sprint (or not) and changed, in the order written. */
function history() {
  const events: ItemEvent[] = [];
  const add = (itemId: string, at: string, changes: Changes, action = 'updated') =>
    events.push({ id: events.length + 1, itemId, at, action, changes });
  return {
    events,
    create(
      itemId: string,
      at: string,
      fields: { estimate?: number | null; status?: string; sprintId?: string | null },
    ) {
      add(
        itemId,
        at,
        {
          key: [null, `CHK-${itemId}`],
          title: [null, `Item ${itemId}`],
          description: [null, 'not read by the replay'],
          estimate: [null, fields.estimate ?? null],
          status: [null, fields.status ?? 'backlog'],
          sprintId: [null, fields.sprintId === undefined ? SPRINT : fields.sprintId],
          rank: [null, 'a0'],
        },
        'created',
      );
    },
    update: (itemId: string, at: string, changes: Changes) => add(itemId, at, changes),
    trash: (itemId: string, at: string) => add(itemId, at, { deletedAt: [null, at] }, 'deleted'),
    restore: (itemId: string, at: string, was: string) =>
      add(itemId, at, { deletedAt: [was, null] }, 'restored'),
  };
}

const sprint = (overrides: Partial<SprintTimes> = {}): SprintTimes => ({
  id: SPRINT,
  startDate: '2026-03-02',
  endDate: '2026-03-06',
  timezone: 'UTC',
  startedAt: '2026-03-02T09:00:00.000Z',
  closedAt: null,
  ...overrides,
});

/** The ideal line on day `i` of `days` planned days, from `remaining` points. */
const tidyIdeal = (remaining: number, days: number, i: number) =>
  Number(((remaining * (days - i - 1)) / days).toPrecision(15));

const column = (days: BurndownDay[], field: keyof BurndownDay) => days.map((day) => day[field]);

describe('burndown', () => {
  it('burns down to zero along the ideal line from the points at the start', () => {
    const h = history();
    h.create('1', '2026-02-27T10:00:00.000Z', { estimate: 3 });
    h.create('2', '2026-02-27T10:01:00.000Z', { estimate: 5 });
    h.create('3', '2026-02-27T10:02:00.000Z', { estimate: 2, sprintId: null });
    h.update('1', '2026-03-03T15:00:00.000Z', { status: ['backlog', 'done'] });
    h.update('2', '2026-03-05T11:00:00.000Z', { status: ['backlog', 'in_progress'] });
    h.update('2', '2026-03-06T16:00:00.000Z', { status: ['in_progress', 'done'] });
    h.update('3', '2026-03-04T10:00:00.000Z', { status: ['backlog', 'done'] });

    const result = computeBurndown(sprint(), h.events, '2026-03-10T12:00:00.000Z');
    assert.equal(result.committed, 8);
    assert.equal(result.remainingAtStart, 8);
    assert.deepEqual(column(result.days, 'date'), [
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    // Still open four days after its end: those days are shown, marked, with the ideal at zero.
    assert.deepEqual(column(result.days, 'afterEnd'), [
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
    assert.deepEqual(column(result.days, 'ideal'), [6.4, 4.8, 3.2, 1.6, 0, 0, 0, 0, 0]);
    assert.deepEqual(column(result.days, 'remaining'), [8, 5, 5, 5, 0, 0, 0, 0, 0]);
    assert.deepEqual(column(result.days, 'done'), [0, 3, 3, 3, 8, 8, 8, 8, 8]);
    assert.deepEqual(column(result.days, 'scope'), [8, 8, 8, 8, 8, 8, 8, 8, 8]);
    assert.deepEqual(result.scopeChanges, [], 'no item entered or left after the start');
  });

  it('shows days to come as null and today as of now', () => {
    const h = history();
    h.create('1', '2026-03-01T10:00:00.000Z', { estimate: 3 });
    h.create('2', '2026-03-01T10:00:00.000Z', { estimate: 1 });
    h.update('1', '2026-03-03T08:00:00.000Z', { status: ['backlog', 'done'] });
    h.update('2', '2026-03-03T20:00:00.000Z', { status: ['backlog', 'done'] });

    const result = computeBurndown(sprint(), h.events, '2026-03-03T12:00:00.000Z');
    assert.deepEqual(column(result.days, 'remaining'), [4, 1, null, null, null]);
    assert.deepEqual(column(result.days, 'scope'), [4, 4, null, null, null]);
    assert.equal(result.days.length, 5, 'the planned days, no more');
  });

  it('shows no values for days that ended before a late start', () => {
    const h = history();
    h.create('1', '2026-03-01T10:00:00.000Z', { estimate: 3 });
    h.create('2', '2026-03-03T10:00:00.000Z', { estimate: 5 });
    const late = sprint({ startedAt: '2026-03-04T00:00:00.000Z' });
    const result = computeBurndown(late, h.events, '2026-03-04T12:00:00.000Z');
    assert.deepEqual(column(result.days, 'remaining'), [null, null, 8, null, null]);
    assert.equal(result.committed, 8);
    assert.deepEqual(result.scopeChanges, [], 'planning before the start is not a scope change');
  });

  it('lists scope changes apart: added, removed, re-estimated, reopened, won’t do and trash', () => {
    const h = history();
    h.create('1', '2026-03-01T10:00:00.000Z', { estimate: 3 });
    h.create('2', '2026-03-01T10:00:00.000Z', { estimate: 5 });
    h.create('3', '2026-03-01T10:00:00.000Z', { estimate: 8 });
    h.create('4', '2026-03-01T10:00:00.000Z', { estimate: 2 });
    h.create('5', '2026-03-01T10:00:00.000Z', { estimate: 1 });
    h.create('6', '2026-03-01T10:00:00.000Z', { estimate: 13, sprintId: null });
    // Changes before the start are planning, not scope changes.
    h.update('5', '2026-03-02T08:59:59.999Z', { estimate: [1, 2] });
    // Day 1: item 1 is done; item 6 is added.
    h.update('1', '2026-03-02T10:00:00.000Z', { status: ['backlog', 'done'] });
    h.update('6', '2026-03-02T11:00:00.000Z', { sprintId: [null, SPRINT] });
    // Day 2: item 2 re-estimated 5 → 3; item 1 reopened; item 3 moved to another sprint.
    h.update('2', '2026-03-03T09:00:00.000Z', { estimate: [5, 3] });
    h.update('1', '2026-03-03T10:00:00.000Z', { status: ['done', 'in_progress'] });
    h.update('3', '2026-03-03T11:00:00.000Z', { sprintId: [SPRINT, OTHER] });
    // Day 3: item 4 dropped as won't do; item 5 trashed, then restored.
    h.update('4', '2026-03-04T09:00:00.000Z', { status: ['backlog', 'wont_do'] });
    h.trash('5', '2026-03-04T10:00:00.000Z');
    h.restore('5', '2026-03-04T12:00:00.000Z', '2026-03-04T10:00:00.000Z');
    // Day 4: item 1 done again, then re-estimated while done.
    h.update('1', '2026-03-05T08:00:00.000Z', { status: ['in_progress', 'done'] });
    h.update('1', '2026-03-05T09:00:00.000Z', { estimate: [3, 4] });
    // An item of another sprint changes: not this sprint's business.
    h.create('7', '2026-03-05T10:00:00.000Z', { estimate: 20, sprintId: OTHER });

    const result = computeBurndown(sprint(), h.events, '2026-03-06T23:00:00.000Z');
    assert.equal(result.committed, 3 + 5 + 8 + 2 + 2);
    assert.deepEqual(
      result.scopeChanges.map((c) => [c.date, c.key, c.kind, c.points]),
      [
        ['2026-03-02', 'CHK-6', 'added', 13],
        ['2026-03-03', 'CHK-2', 'reestimated', -2],
        ['2026-03-03', 'CHK-1', 'reopened', 3],
        ['2026-03-03', 'CHK-3', 'removed', -8],
        ['2026-03-04', 'CHK-4', 'removed', -2],
        ['2026-03-04', 'CHK-5', 'removed', -2],
        ['2026-03-04', 'CHK-5', 'added', 2],
        ['2026-03-05', 'CHK-1', 'reestimated', 1],
      ],
    );
    assert.deepEqual(result.scopeChanges[0], {
      at: '2026-03-02T11:00:00.000Z',
      date: '2026-03-02',
      itemId: '6',
      key: 'CHK-6',
      title: 'Item 6',
      kind: 'added',
      points: 13,
    });
    const days = result.days;
    assert.deepEqual(column(days, 'added'), [13, 0, 2, 0, 0]);
    assert.deepEqual(column(days, 'removed'), [0, 8, 4, 0, 0], 'removed points are positive');
    assert.deepEqual(column(days, 'reestimated'), [0, -2, 0, 1, 0]);
    assert.deepEqual(column(days, 'reopened'), [0, 3, 0, 0, 0]);
    // scope: 20 +13 | −2 −8 | −2 −2 +2 | +1
    assert.deepEqual(column(days, 'scope'), [33, 23, 21, 22, 22]);
    assert.deepEqual(column(days, 'done'), [3, 0, 0, 4, 4]);
    assert.deepEqual(column(days, 'remaining'), [30, 23, 21, 18, 18]);
  });

  it('ends days at local midnight in the sprint’s time zone, across a daylight-saving change', () => {
    // Berlin moves its clocks forward on Sunday 29 March 2026 at 02:00 (UTC+1 → UTC+2).
    const berlin = sprint({
      startDate: '2026-03-27',
      endDate: '2026-04-02',
      timezone: 'Europe/Berlin',
      startedAt: '2026-03-27T08:00:00.000Z',
    });
    const h = history();
    for (const id of ['1', '2', '3', '4', '5']) h.create(id, '2026-03-26T12:00:00.000Z', { estimate: 1 });
    h.update('1', '2026-03-27T22:59:59.999Z', { status: ['backlog', 'done'] }); // 23:59:59 on the 27th
    h.update('2', '2026-03-27T23:00:00.000Z', { status: ['backlog', 'done'] }); // 00:00 on the 28th
    h.update('3', '2026-03-28T23:30:00.000Z', { status: ['backlog', 'done'] }); // 00:30 CET on the 29th
    h.update('4', '2026-03-29T21:59:59.000Z', { status: ['backlog', 'done'] }); // 23:59:59 CEST on the 29th
    h.update('5', '2026-03-29T22:00:00.000Z', { status: ['backlog', 'done'] }); // 00:00 CEST on the 30th
    h.create('6', '2026-03-29T22:30:00.000Z', { estimate: 2 }); // added 00:30 on the 30th

    const result = computeBurndown(berlin, h.events, '2026-04-05T00:00:00.000Z');
    assert.deepEqual(column(result.days, 'date').slice(0, 4), [
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
    assert.deepEqual(column(result.days, 'remaining').slice(0, 4), [4, 3, 1, 2]);
    assert.deepEqual(column(result.days, 'added').slice(0, 4), [0, 0, 0, 2]);
    assert.equal(result.scopeChanges[0]?.date, '2026-03-30');
  });

  it('reads a closed sprint just before it closed: the close’s own moves are not burned', () => {
    const h = history();
    h.create('1', '2026-03-01T10:00:00.000Z', { estimate: 3 });
    h.create('2', '2026-03-01T10:00:00.000Z', { estimate: 5 });
    h.update('1', '2026-03-04T10:00:00.000Z', { status: ['backlog', 'done'] });
    const closedAt = '2026-03-05T16:00:00.000Z';
    // Closing moves the unfinished item to the next sprint at the instant of the close.
    h.update('2', closedAt, { sprintId: [SPRINT, OTHER], rank: ['a0', 'Zz'] });
    h.update('2', '2026-03-05T17:00:00.000Z', { status: ['backlog', 'done'] });

    const result = computeBurndown(sprint({ closedAt }), h.events, '2026-03-20T00:00:00.000Z');
    // Closed a day early: the last day shows the state it closed with.
    assert.deepEqual(column(result.days, 'remaining'), [8, 8, 5, 5, 5]);
    assert.deepEqual(result.scopeChanges, []);
    assert.equal(result.days.length, 5);

    // Closed after its end date: the days run to the day it closed.
    const late = computeBurndown(
      sprint({ closedAt: '2026-03-08T10:00:00.000Z' }),
      h.events.slice(0, 3),
      '2026-03-20T00:00:00.000Z',
    );
    assert.deepEqual(column(late.days, 'date').slice(-3), ['2026-03-06', '2026-03-07', '2026-03-08']);
    assert.deepEqual(column(late.days, 'afterEnd').slice(-3), [false, true, true]);
    assert.deepEqual(column(late.days, 'remaining').slice(-3), [5, 5, 5]);

    // As of the close, the days after it have not begun: null.
    const atClose = computeBurndown(sprint({ closedAt }), h.events, closedAt);
    assert.deepEqual(column(atClose.days, 'remaining'), [8, 8, 5, 5, null]);

    // As of a moment before it closed, it reads as it was then: open.
    const before = computeBurndown(sprint({ closedAt }), h.events, '2026-03-04T12:00:00.000Z');
    assert.deepEqual(column(before.days, 'remaining'), [8, 8, 5, null, null]);
  });

  it('shows a planned sprint’s days without values, committing what is in it now', () => {
    const h = history();
    h.create('1', '2026-03-01T10:00:00.000Z', { estimate: 3 });
    h.create('2', '2026-03-01T10:00:00.000Z', { estimate: null });
    const result = computeBurndown(sprint({ startedAt: null }), h.events, '2026-03-01T12:00:00.000Z');
    assert.equal(result.committed, 3);
    assert.deepEqual(column(result.days, 'remaining'), [null, null, null, null, null]);
    assert.deepEqual(column(result.days, 'ideal'), [2.4, 1.8, 1.2, 0.6, 0]);
  });

  it('counts events at the start instant in the commitment, and takes events in time order', () => {
    const h = history();
    h.update('1', '2026-03-02T09:00:00.000Z', { estimate: [2, 3] });
    h.create('1', '2026-03-01T10:00:00.000Z', { estimate: 2 });
    const result = computeBurndown(sprint(), h.events, '2026-03-02T12:00:00.000Z');
    assert.equal(result.committed, 3);
    assert.deepEqual(result.scopeChanges, []);
  });

  it('orders events of one instant by id, and instants written another way by the time they name', () => {
    const h = history();
    h.create('1', '2026-03-01T10:00:00.000Z', { estimate: 2 });
    h.update('1', '2026-03-01T10:00:00.000Z', { estimate: [2, 5] });
    // 11:00 in Berlin is 10:00 UTC: the same instant as the two above, written after them.
    h.update('1', '2026-03-01T11:00:00.000+01:00', { estimate: [5, 8] });
    const inOrder = computeBurndown(sprint(), h.events, '2026-03-02T12:00:00.000Z');
    assert.equal(inOrder.committed, 8);
    const reversed = computeBurndown(sprint(), [...h.events].reverse(), '2026-03-02T12:00:00.000Z');
    assert.deepEqual(reversed, inOrder);
  });

  it('keeps sums of fractional estimates tidy', () => {
    const h = history();
    h.create('1', '2026-03-01T10:00:00.000Z', { estimate: 0.1 });
    h.create('2', '2026-03-01T10:00:00.000Z', { estimate: 0.2 });
    const result = computeBurndown(sprint(), h.events, '2026-03-02T12:00:00.000Z');
    assert.equal(result.committed, 0.3);
    assert.equal(result.days[0]?.remaining, 0.3);
  });

  it('reads the same when fed in steps as when replayed from scratch', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(...zones), (seed, timezone) => {
        let state = seed;
        const random = () => {
          state = (state * 48_271) % 2_147_483_647;
          return state / 2_147_483_647;
        };
        const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
        const base = Date.parse('2026-03-26T00:00:00Z');
        const h = history();
        let ms = base;
        const at = () => {
          ms += Math.floor(random() * 6 * 3_600_000);
          return new Date(ms).toISOString();
        };
        for (let i = 1; i <= 6; i++) h.create(String(i), at(), { estimate: pick([null, 0.5, 1, 2, 3, 5]) });
        for (let n = 0; n < 40; n++) {
          const item = String(1 + Math.floor(random() * 6));
          const r = random();
          if (r < 0.4)
            h.update(item, at(), { status: [null, pick(['ready', 'in_progress', 'done', 'wont_do'])] });
          else if (r < 0.6) h.update(item, at(), { estimate: [null, pick([null, 1, 1.5, 8])] });
          else if (r < 0.8) h.update(item, at(), { sprintId: [null, pick([SPRINT, OTHER, null])] });
          else if (r < 0.9) h.trash(item, at());
          else h.restore(item, at(), '');
        }
        const started = new Date(base + 30 * 3_600_000).toISOString();
        const end = new Date(ms).toISOString();
        const closedAt =
          random() < 0.5 ? null : new Date(base + Math.floor(random() * (ms - base))).toISOString();
        const times = sprint({
          startDate: '2026-03-26',
          endDate: '2026-03-30',
          timezone,
          startedAt: started,
          closedAt,
        });
        const split = Math.floor(random() * h.events.length);
        const replay = new BurndownReplay(times);
        for (const event of h.events.slice(0, split)) replay.apply(event);
        const midway = h.events[split]?.at ?? end;
        assert.deepEqual(replay.result(midway), computeBurndown(times, h.events.slice(0, split), midway));
        for (const event of h.events.slice(split)) replay.apply(event);
        const later = new Date(ms + random() * 3 * 86_400_000).toISOString();
        assert.deepEqual(replay.result(later), computeBurndown(times, h.events, later));
      }),
      { numRuns: 200 },
    );
  });

  it('burns down from the day a sprint was started early, with the ideal line to its end date', () => {
    const h = history();
    h.create('1', '2026-02-27T10:00:00.000Z', { estimate: 4 });
    h.update('1', '2026-03-03T15:00:00.000Z', { status: ['backlog', 'done'] });
    const early = sprint({
      startDate: '2026-03-09',
      endDate: '2026-03-12',
      startedAt: '2026-03-02T09:00:00.000Z',
    });
    const result = computeBurndown(early, h.events, '2026-03-04T12:00:00.000Z');
    assert.equal(result.committed, 4);
    assert.equal(result.days[0]?.date, '2026-03-02');
    assert.equal(result.days.at(-1)?.date, '2026-03-12');
    // Started, with work done: the days so far have values, the days to come none.
    assert.deepEqual(column(result.days, 'remaining').slice(0, 4), [4, 0, 0, null]);
    assert.equal(result.days.at(-1)?.ideal, 0);
    assert.equal(result.days[0]?.ideal, tidyIdeal(4, 11, 0));
  });

  it('charts a stored sprint ending in 9999 over at most MAX_BURNDOWN_DAYS days', () => {
    const h = history();
    h.create('1', '2026-02-27T10:00:00.000Z', { estimate: 3 });
    // An event years after the start: the replay stops counting days at the chart's last.
    h.update('1', '2031-06-01T10:00:00.000Z', { status: ['backlog', 'done'] });
    const endless = sprint({ endDate: '9999-12-31' });
    const result = computeBurndown(endless, h.events, '2031-06-02T12:00:00.000Z');
    assert.equal(result.days.length, MAX_BURNDOWN_DAYS);
    assert.equal(result.days[0]?.date, '2026-03-02');
    assert.equal(result.days.at(-1)?.date, '2027-03-02');
    assert.ok(result.days.every((day) => !day.afterEnd && day.remaining === 3));
    // The ideal line keeps the slope of the whole (very long) sprint.
    assert.ok((result.days.at(-1)?.ideal ?? 0) > 2.99);
  });

  it('charts a stored over-long sprint read far in the future over a bounded range', () => {
    const endless = sprint({ startDate: '9999-12-01', endDate: '9999-12-31', startedAt: null });
    const result = computeBurndown(endless, [], '2026-03-02T12:00:00.000Z');
    assert.equal(result.days.length, 31);
    assert.equal(result.days.at(-1)?.date, '9999-12-31');
  });
});
