/** Upgrading a database that already holds history: what a new migration derives from the log is there. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateToLatest } from '../src/store/migrate.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/databases.ts';

const SLOT = 15 * 60_000;
const slotAt = (iso: string) => Math.floor(Date.parse(iso) / SLOT);

for (const dialect of DIALECTS) {
  describe(`migrating a database with history (${dialect})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(dialect, { migrate: false });
    });
    after(() => database.close());

    it('003 projects the item events already in the log for the charts', async () => {
      const db = database.db;
      await migrateTo(db, '002-execution');
      const event = (id: number, at: string, action: string, changes: object) => ({
        product_id: 'p1',
        actor_id: null,
        at,
        entity_type: 'item',
        entity_id: 'i1',
        action,
        changes: JSON.stringify(changes),
        id,
      });
      const rows = [
        event(1, '2026-03-01T09:00:00.000Z', 'created', {
          key: [null, 'CHK-1'],
          title: [null, 'Pay'],
          description: [null, 'long text'],
          status: [null, 'backlog'],
          estimate: [null, 3],
        }),
        event(2, '2026-03-01T09:20:00.000Z', 'updated', { description: ['long text', 'longer'] }),
        event(3, '2026-03-02T10:00:00.000Z', 'updated', { status: ['backlog', 'done'] }),
        event(4, '2026-03-03T10:00:00.000Z', 'deleted', { deletedAt: [null, '2026-03-03T10:00:00.000Z'] }),
        event(5, '2026-03-03T10:20:00.000Z', 'restored', { deletedAt: ['2026-03-03T10:00:00.000Z', null] }),
      ];
      // Plain SQL into the tables as 002 left them; the item was in sprint s1 (foreign keys off: only the
      // log and the sprint index matter here).
      // (SQLite ignores the pragma inside a transaction.)
      if (dialect === 'sqlite') await sql`pragma foreign_keys = off`.execute(db);
      await db.transaction().execute(async (trx) => {
        if (dialect === 'postgres') await sql`set local session_replication_role = replica`.execute(trx);
        for (const row of rows) {
          await sql`insert into events (id, product_id, actor_id, at, entity_type, entity_id, action, changes)
            values (${row.id}, ${row.product_id}, ${row.actor_id}, ${row.at}, ${row.entity_type},
              ${row.entity_id}, ${row.action}, ${row.changes})`.execute(trx);
        }
        await sql`insert into events (id, product_id, actor_id, at, entity_type, entity_id, action, changes)
          values (6, 'p1', null, '2026-03-04T08:00:00.000Z', 'item', 'i2', 'created',
            ${JSON.stringify({ key: [null, 'CHK-2'], status: [null, 'ready'] })})`.execute(trx);
        await sql`insert into sprint_scope_items (sprint_id, item_id) values ('s1', 'i1')`.execute(trx);
      });
      if (dialect === 'sqlite') await sql`pragma foreign_keys = on`.execute(db);

      const said: string[] = [];
      await migrateToLatest(db, (line) => said.push(line));
      assert.deepEqual(
        said.map((line) => line.replace(/ in [\d.]+ s$/, ' in … s')),
        [
          'Migrating the database: 003-chart-projections…',
          'Migrated the database (003-chart-projections) in … s',
        ],
        'an operator sees what a long migration is doing',
      );

      const replay = await db
        .selectFrom('item_replay_events')
        .select(['event_id', 'fields', 'key', 'status', 'estimate', 'deleted_at'])
        .orderBy('event_id')
        .execute();
      assert.deepEqual(replay, [
        {
          event_id: 1,
          fields: 1 | 2 | 8 | 16,
          key: 'CHK-1',
          status: 'backlog',
          estimate: 3,
          deleted_at: null,
        },
        { event_id: 3, fields: 16, key: null, status: 'done', estimate: null, deleted_at: null },
        {
          event_id: 4,
          fields: 32,
          key: null,
          status: null,
          estimate: null,
          deleted_at: '2026-03-03T10:00:00.000Z',
        },
        { event_id: 5, fields: 32, key: null, status: null, estimate: null, deleted_at: null },
      ]);
      const slots = await db
        .selectFrom('item_flow_slots')
        .select(['slot', 'backlog', 'ready', 'done'])
        .where('product_id', '=', 'p1')
        .orderBy('slot')
        .execute();
      assert.deepEqual(slots, [
        { slot: slotAt(rows[0]!.at), backlog: 1, ready: 0, done: 0 },
        { slot: slotAt(rows[2]!.at), backlog: -1, ready: 0, done: 1 },
        // Trashed and restored: out of and back into the status its last change set.
        { slot: slotAt(rows[3]!.at), backlog: 0, ready: 0, done: -1 },
        { slot: slotAt(rows[4]!.at), backlog: 0, ready: 0, done: 1 },
        // i2, never in a sprint: in the flow, but no replayed fields kept.
        { slot: slotAt('2026-03-04T08:00:00.000Z'), backlog: 0, ready: 1, done: 0 },
      ]);
    });
  });
}
