/**
 * The charts' projections of item events (domain/item-projection.ts), filled from the event log:
 * `item_replay_events` holds the replayed fields of the events of each item that was ever in a sprint
 * (the only ones a burndown or sprint report reads), its rows kept together per item
 * (SQLite: a WITHOUT ROWID table ordered by its key), so a sprint's burndown reads a few hundred short
 * runs instead of thousands of events scattered through the log; `item_flow_slots` holds each product's
 * moves between flow columns per 15-minute slot, so a year of cumulative flow sums some thousands of rows
 * instead of half a million events.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { rebuildItemProjections } from '../../services/events/item-projections.ts';
import type { Db } from '../database.ts';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = 'text' as const;
  // SQLite keeps a WITHOUT ROWID table's rows in the order of its primary key.
  const clustered = <T extends { modifyEnd: (end: ReturnType<typeof sql>) => T }>(table: T) =>
    postgres ? table : table.modifyEnd(sql`without rowid`);

  await db.schema
    .createTable('item_replay_events')
    .addColumn('item_id', text, (c) => c.notNull())
    .addColumn('event_id', postgres ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('fields', 'integer', (c) => c.notNull())
    .addColumn('key', text)
    .addColumn('title', text)
    .addColumn('sprint_id', text)
    .addColumn('estimate', 'double precision')
    .addColumn('status', text)
    .addColumn('deleted_at', text)
    .addPrimaryKeyConstraint('item_replay_events_pk', ['item_id', 'event_id'])
    .$call(clustered)
    .execute();

  let slots = db.schema
    .createTable('item_flow_slots')
    .addColumn('product_id', text, (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull());
  for (const column of ['backlog', 'ready', 'in_progress', 'in_review', 'done', 'wont_do']) {
    slots = slots.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await slots
    .addPrimaryKeyConstraint('item_flow_slots_pk', ['product_id', 'slot'])
    .$call(clustered)
    .execute();

  // Which sprints an item was ever in is asked for every item event written.
  await db.schema.createIndex('sprint_scope_items_item').on('sprint_scope_items').column('item_id').execute();

  // Migrations see an untyped handle; the tables rebuildItemProjections uses all exist by now.
  await rebuildItemProjections(db as unknown as Db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('sprint_scope_items_item').execute();
  await db.schema.dropTable('item_flow_slots').execute();
  await db.schema.dropTable('item_replay_events').execute();
}
