import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeBurndown } from './burndown.ts';
import type { Changes } from './changes.ts';
import type { ItemEvent } from './item-replay.ts';
import { computeSprintOutcome, type SprintOutcome } from './sprint-outcome.ts';

const SPRINT = 'sprint-1';
const OTHER = 'sprint-2';
const STARTED = '2026-03-02T09:00:00.000Z';
const CLOSED = '2026-03-13T17:00:00.000Z';

/** An event log built in the order written; ids count up. */
function history() {
  const events: ItemEvent[] = [];
  const add = (itemId: string, at: string, changes: Changes, action = 'updated') =>
    events.push({ id: events.length + 1, itemId, at, action, changes });
  return {
    events,
    create: (
      itemId: string,
      at: string,
      fields: { estimate?: number | null; status?: string; sprintId?: string | null } = {},
    ) =>
      add(
        itemId,
        at,
        {
          key: [null, `CHK-${itemId}`],
          title: [null, `Item ${itemId}`],
          estimate: [null, fields.estimate ?? null],
          status: [null, fields.status ?? 'backlog'],
          sprintId: [null, fields.sprintId === undefined ? SPRINT : fields.sprintId],
        },
        'created',
      ),
    update: (itemId: string, at: string, changes: Changes) => add(itemId, at, changes),
  };
}

const keys = (items: { key: string }[]) => items.map((item) => item.key).sort();
const outcome = (events: ItemEvent[], until = CLOSED): SprintOutcome =>
  computeSprintOutcome({ id: SPRINT, startedAt: STARTED }, events, until);

describe('sprint outcome', () => {
  it('commits to the points in the sprint at the start and completes the done ones', () => {
    const h = history();
    h.create('1', '2026-02-27T10:00:00.000Z', { estimate: 3 });
    h.create('2', '2026-02-27T10:01:00.000Z', { estimate: 5 });
    h.create('3', '2026-02-27T10:02:00.000Z', { estimate: 8, sprintId: null });
    h.update('1', '2026-03-05T10:00:00.000Z', { status: ['backlog', 'done'] });
    const result = outcome(h.events);
    assert.equal(result.committedPoints, 8);
    assert.equal(result.completedPoints, 3);
    assert.deepEqual(keys(result.completed), ['CHK-1']);
    assert.deepEqual(keys(result.notCompleted), ['CHK-2']);
    assert.deepEqual(result.addedAfterStart, []);
    assert.deepEqual(result.removed, []);
  });

  it('lists items added after the start, and counts their points when done but not in the commitment', () => {
    const h = history();
    h.create('1', '2026-02-27T10:00:00.000Z', { estimate: 3 });
    h.create('2', '2026-03-03T10:00:00.000Z', { estimate: 2 });
    h.create('3', '2026-02-27T10:00:00.000Z', { estimate: 1, sprintId: null });
    h.update('3', '2026-03-04T10:00:00.000Z', { sprintId: [null, SPRINT] });
    h.update('2', '2026-03-06T10:00:00.000Z', { status: ['backlog', 'done'] });
    const result = outcome(h.events);
    assert.equal(result.committedPoints, 3);
    assert.equal(result.completedPoints, 2);
    assert.deepEqual(keys(result.addedAfterStart), ['CHK-2', 'CHK-3']);
    assert.deepEqual(keys(result.completed), ['CHK-2']);
    assert.deepEqual(keys(result.notCompleted), ['CHK-1', 'CHK-3']);
  });

  it('lists as removed the items moved out, trashed or dropped as won’t do', () => {
    const h = history();
    for (const id of ['1', '2', '3', '4']) h.create(id, '2026-02-27T10:00:00.000Z', { estimate: 1 });
    h.update('1', '2026-03-03T10:00:00.000Z', { sprintId: [SPRINT, OTHER] });
    h.update('2', '2026-03-03T11:00:00.000Z', { deletedAt: [null, '2026-03-03T11:00:00.000Z'] });
    h.update('3', '2026-03-03T12:00:00.000Z', { status: ['backlog', 'wont_do'] });
    const result = outcome(h.events);
    assert.equal(result.committedPoints, 4);
    assert.deepEqual(keys(result.removed), ['CHK-1', 'CHK-2', 'CHK-3']);
    assert.deepEqual(keys(result.notCompleted), ['CHK-4']);
    assert.equal(result.completedPoints, 0);
  });

  it('lists an item added after the start and taken out again as both added and removed', () => {
    const h = history();
    h.create('1', '2026-03-03T10:00:00.000Z', { estimate: 2 });
    h.update('1', '2026-03-04T10:00:00.000Z', { sprintId: [SPRINT, null] });
    const result = outcome(h.events);
    assert.deepEqual(keys(result.addedAfterStart), ['CHK-1']);
    assert.deepEqual(keys(result.removed), ['CHK-1']);
    assert.equal(result.committedPoints, 0);
  });

  it('leaves out the events from `until` on: the close’s own moves are not part of the sprint', () => {
    const h = history();
    h.create('1', '2026-02-27T10:00:00.000Z', { estimate: 3 });
    h.update('1', CLOSED, { sprintId: [SPRINT, OTHER] });
    const result = outcome(h.events);
    assert.deepEqual(keys(result.notCompleted), ['CHK-1']);
    assert.deepEqual(result.removed, []);
  });

  it('counts events at the start instant in the commitment', () => {
    const h = history();
    h.create('1', STARTED, { estimate: 3 });
    assert.equal(outcome(h.events).committedPoints, 3);
    assert.deepEqual(outcome(h.events).addedAfterStart, []);
  });

  it('commits to everything when nothing happened after the start', () => {
    const h = history();
    h.create('1', '2026-02-27T10:00:00.000Z', { estimate: 3, status: 'done' });
    const result = outcome(h.events);
    assert.equal(result.committedPoints, 3);
    assert.equal(result.completedPoints, 3);
  });

  describe('over any history', () => {
    const MINUTE = 60_000;
    const base = Date.parse('2026-03-01T00:00:00.000Z');
    const at = (minutes: number) => new Date(base + minutes * MINUTE).toISOString();
    /** Minutes from `base` to CLOSED; events run on two days past it. */
    const closedMinute = 12 * 24 * 60 + 17 * 60;

    const change = fc.record(
      {
        sprintId: fc.constantFrom(SPRINT, OTHER, null).map((v): [unknown, unknown] => [null, v]),
        status: fc
          .constantFrom('backlog', 'ready', 'in_progress', 'done', 'wont_do')
          .map((v): [unknown, unknown] => [null, v]),
        estimate: fc.constantFrom(null, 1, 2, 3, 5, 8).map((v): [unknown, unknown] => [null, v]),
        deletedAt: fc.constantFrom(null, 'trashed').map((v): [unknown, unknown] => [null, v]),
      },
      { requiredKeys: [] },
    );
    const step = fc.record({
      item: fc.constantFrom('1', '2', '3', '4'),
      minute: fc.integer({ min: 0, max: closedMinute + 2 * 24 * 60 }),
      changes: change,
    });

    /** Each item's first event (in time) creates it; ids follow the order generated. */
    function log(steps: { item: string; minute: number; changes: Changes }[]): ItemEvent[] {
      const ordered = steps
        .map((s, i) => ({ ...s, id: i + 1 }))
        .sort((a, b) => a.minute - b.minute || a.id - b.id);
      const seen = new Set<string>();
      return ordered.map((s) => {
        const first = !seen.has(s.item);
        seen.add(s.item);
        const changes: Changes = first
          ? { key: [null, `CHK-${s.item}`], title: [null, `Item ${s.item}`], ...s.changes }
          : s.changes;
        return { id: s.id, itemId: s.item, at: at(s.minute), action: first ? 'created' : 'updated', changes };
      });
    }

    it('sorts every item ever in scope into exactly one of completed, not completed and removed', () => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
          const result = outcome(log(steps));
          const all = [...result.completed, ...result.notCompleted, ...result.removed].map((i) => i.id);
          assert.equal(new Set(all).size, all.length, 'no item is listed twice');
          for (const added of result.addedAfterStart) assert.ok(all.includes(added.id));
          assert.ok(result.completed.every((item) => item.status === 'done'));
          assert.ok(result.notCompleted.every((item) => item.status !== 'done'));
          const sum = result.completed.reduce((total, item) => total + (item.estimate ?? 0), 0);
          assert.equal(result.completedPoints, sum);
        }),
      );
    });

    it('gives the same outcome whatever order the events come in', () => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 30 }), fc.infiniteStream(fc.nat()), (steps, seeds) => {
          const events = log(steps);
          const shuffled = events
            .map((event) => ({ event, key: seeds.next().value as number }))
            .sort((a, b) => a.key - b.key)
            .map(({ event }) => event);
          assert.deepEqual(outcome(shuffled), outcome(events));
        }),
      );
    });

    it('commits to the same points as the burndown', () => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
          const events = log(steps);
          const burndown = computeBurndown(
            {
              id: SPRINT,
              startDate: '2026-03-02',
              endDate: '2026-03-13',
              timezone: 'UTC',
              startedAt: STARTED,
              closedAt: CLOSED,
            },
            events,
            CLOSED,
          );
          assert.equal(outcome(events).committedPoints, burndown.committed);
        }),
      );
    });
  });
});
