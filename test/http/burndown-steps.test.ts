/**
 * A burndown is replayed from its sprint's burndown steps (domain/burndown-steps.ts), written with the
 * events: the answer must be exactly the replay of the sprint's items' events, whatever happened —
 * scope added and removed after the start, re-estimates, status back and forth, items moved between
 * sprints, trash and restore, a late start, a time zone across its DST change, a close that moves the
 * leftovers, and an event dated before one already written (its item's steps computed again). The steps
 * written must also equal a rebuild from the log and what migration 008 fills in for an existing database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { computeBurndown, type SprintTimes } from '../../src/domain/burndown.ts';
import { CreateItemInput, UpdateItemInput } from '../../src/schemas/item.ts';
import { CloseSprintInput, CreateSprintInput } from '../../src/schemas/sprint.ts';
import { CreateTeamInput } from '../../src/schemas/team.ts';
import { getBurndown } from '../../src/services/charts/get-burndown.ts';
import { rebuildItemProjections } from '../../src/services/events/item-projections.ts';
import { createItem } from '../../src/services/items/create-item.ts';
import { setItemTrashed } from '../../src/services/items/set-item-trashed.ts';
import { updateItem } from '../../src/services/items/update-item.ts';
import { closeSprint } from '../../src/services/sprints/close-sprint.ts';
import { createSprint } from '../../src/services/sprints/create-sprint.ts';
import { loadSprintItemEvents } from '../../src/services/sprints/sprint-item-events.ts';
import { startSprint } from '../../src/services/sprints/start-sprint.ts';
import { createTeam } from '../../src/services/teams/create-team.ts';
import type { Db } from '../../src/store/database.ts';
import * as burndownSteps from '../../src/store/migrations/008-burndown-steps.ts';
import { buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

async function storedSteps(db: Db) {
  return db
    .selectFrom('sprint_burndown_steps')
    .selectAll()
    .orderBy('sprint_id')
    .orderBy('event_id')
    .execute();
}

async function timesOf(db: Db, id: string): Promise<SprintTimes> {
  const row = await db
    .selectFrom('sprints')
    .select(['start_date', 'end_date', 'timezone', 'started_at', 'closed_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id,
    startDate: row.start_date,
    endDate: row.end_date,
    timezone: row.timezone,
    startedAt: row.started_at,
    closedAt: row.closed_at,
  };
}

for (const dialect of DIALECTS) {
  describe(`a burndown from its sprint's steps (${dialect})`, () => {
    let api: TestApi;
    let productId: string;

    before(async () => {
      api = await createTestApi(dialect);
      productId = (await buildProduct(api)).id;
    });
    after(() => api.close());

    /** The burndown the service answers (from the steps, kept in memory between calls) and the replay of the events. */
    async function compare(sprintId: string, asOf: string): Promise<void> {
      const db = api.database.db;
      const actor = { id: api.ownerId, role: 'owner' as const };
      const { burndown } = await getBurndown({ db, actor, sprintId, asOf });
      const {
        sprintId: _id,
        timezone: _zone,
        startedAt: _started,
        closedAt: _closed,
        asOf: _asOf,
        ...answered
      } = burndown;
      const events = await loadSprintItemEvents(db, sprintId);
      assert.deepEqual(
        answered,
        computeBurndown(await timesOf(db, sprintId), events, asOf),
        `${sprintId} at ${asOf}`,
      );
    }

    it('equals the replay of the events through every kind of change, and a rebuild and the migration agree', async () => {
      const db = api.database.db;
      const actor = { id: api.ownerId, role: 'owner' as const };
      const at = (now: string) => ({ db, actor, now });
      // Two teams, so that both sprints run at once.
      const sprint = async (now: string, name: string, timezone: string) => {
        const team = await createTeam({ ...at(now), productId, input: CreateTeamInput.parse({ name }) });
        const input = { name, teamId: team.id, startDate: '2026-03-25', endDate: '2026-04-02', timezone };
        return (await createSprint({ ...at(now), productId, input: CreateSprintInput.parse(input) })).id;
      };
      const nextOf = async (now: string, sprintId: string) => {
        const { team_id: teamId } = await db
          .selectFrom('sprints')
          .select('team_id')
          .where('id', '=', sprintId)
          .executeTakeFirstOrThrow();
        const input = {
          name: 'A2',
          teamId,
          startDate: '2026-04-03',
          endDate: '2026-04-10',
          timezone: 'Europe/Berlin',
        };
        return (await createSprint({ ...at(now), productId, input: CreateSprintInput.parse(input) })).id;
      };
      const a = await sprint('2026-03-19T09:00:00.000Z', 'A', 'Europe/Berlin');
      const b = await sprint('2026-03-19T09:00:00.000Z', 'B', 'UTC');
      const item = async (now: string, title: string, estimate: number | null, sprintId: string | null) =>
        (
          await createItem({
            ...at(now),
            productId,
            input: CreateItemInput.parse({ title, estimate, status: 'ready', sprintId }),
          })
        ).id;
      const update = (now: string, id: string, input: Record<string, unknown>) =>
        updateItem({ ...at(now), id, input: UpdateItemInput.parse(input) });
      const i1 = await item('2026-03-20T08:00:00.000Z', 'One', 1.5, a);
      const i2 = await item('2026-03-20T08:01:00.000Z', 'Two', 3, a);
      const i3 = await item('2026-03-20T08:02:00.000Z', 'Three', 2, a);
      const i4 = await item('2026-03-20T08:03:00.000Z', 'Four', 5, b);
      const i5 = await item('2026-03-20T08:04:00.000Z', 'Five', 0.3, null);
      const i6 = await item('2026-03-20T08:05:00.000Z', 'Six', null, a);
      // Started a day late (the start date is the 25th).
      await startSprint({ ...at('2026-03-26T10:00:00.000Z'), id: a });
      await startSprint({ ...at('2026-03-26T10:00:00.000Z'), id: b });
      await update('2026-03-26T12:00:00.000Z', i1, { estimate: 2 });
      await update('2026-03-26T12:30:00.000Z', i2, { status: 'done' });
      await update('2026-03-26T13:00:00.000Z', i6, { status: 'in_progress', title: 'Six, renamed' });
      await compare(a, '2026-03-26T23:00:00.000Z');
      await update('2026-03-27T09:00:00.000Z', i2, { status: 'in_progress' });
      await update('2026-03-27T09:30:00.000Z', i4, { sprintId: a });
      await update('2026-03-27T10:00:00.000Z', i5, { sprintId: a });
      await update('2026-03-27T11:00:00.000Z', i6, { estimate: 1 });
      await setItemTrashed({ ...at('2026-03-28T08:00:00.000Z'), id: i3, trashed: true });
      // Restored in the night the clocks go forward in Berlin.
      await setItemTrashed({ ...at('2026-03-29T01:30:00.000Z'), id: i3, trashed: false });
      await update('2026-03-29T09:00:00.000Z', i1, { status: 'wont_do' });
      await update('2026-03-29T10:00:00.000Z', i1, { status: 'backlog', title: 'One again' });
      await update('2026-03-30T09:00:00.000Z', i2, { status: 'done' });
      await update('2026-03-30T10:00:00.000Z', i5, { sprintId: b });
      await update('2026-03-30T11:00:00.000Z', i4, { status: 'done', estimate: 8 });
      for (const asOf of [
        '2026-03-26T10:00:00.000Z',
        '2026-03-28T12:00:00.000Z',
        '2026-03-30T10:30:00.000Z',
      ]) {
        await compare(a, asOf);
        await compare(b, asOf);
      }
      await compare(a, '2026-03-31T00:00:00.000Z');
      await compare(b, '2026-03-31T00:00:00.000Z');

      // Dated before the item's last event (a server whose clock is behind): the item's steps are computed
      // again in time order, and the burndown kept in memory is replayed again.
      await update('2026-03-28T09:00:00.000Z', i2, {
        estimate: 4,
        status: 'in_review',
        title: 'Two, from the past',
      });
      const refolds = await db.selectFrom('sprint_burndown_refolds').select('sprint_id').execute();
      assert.deepEqual(refolds.map((row) => row.sprint_id).sort(), [a].sort());
      await compare(a, '2026-03-31T00:00:00.000Z');
      await compare(a, '2026-03-29T00:00:00.000Z');
      await update('2026-03-31T09:00:00.000Z', i2, { status: 'done' });
      await compare(a, '2026-03-31T12:00:00.000Z');

      const a2 = await nextOf('2026-04-01T09:00:00.000Z', a);
      await closeSprint({
        ...at('2026-04-02T15:00:00.000Z'),
        id: a,
        input: CloseSprintInput.parse({ leftovers: 'next', nextSprintId: a2 }),
      });
      await startSprint({ ...at('2026-04-03T08:00:00.000Z'), id: a2 });
      await update('2026-04-04T09:00:00.000Z', i1, { status: 'done' });
      for (const asOf of [
        '2026-04-02T14:59:59.999Z',
        '2026-04-02T15:00:00.000Z',
        '2026-04-05T00:00:00.000Z',
      ]) {
        await compare(a, asOf);
        await compare(b, asOf);
      }
      await compare(a2, '2026-04-05T00:00:00.000Z');

      const written = await storedSteps(db);
      assert.ok(written.length > 20, `${written.length} steps`);
      await db.transaction().execute((trx) => rebuildItemProjections(trx));
      assert.deepEqual(await storedSteps(db), written, 'a rebuild from the log writes the same steps');
      await burndownSteps.down(db as never);
      await burndownSteps.up(db as never);
      assert.deepEqual(await storedSteps(db), written, 'migration 008 fills in the same steps');
      await compare(a, '2026-04-05T00:00:00.000Z');
      await compare(b, '2026-04-05T00:00:00.000Z');
    });
  });
}
