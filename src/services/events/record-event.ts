/** Appends one event to the log; call it inside the transaction that made the change. */

import { type Insertable, type QueryCreator, sql } from 'kysely';
import type { Changes } from '../../domain/changes.ts';
import { insertBatches } from '../../store/batches.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import { insertRows } from '../../store/insert-rows.ts';
import { reusableRecordQuery } from '../../store/reusable-query.ts';
import type { EventsTable, Tables } from '../../store/tables.ts';
import { linkedItemIds, writeEventItems } from './event-items.ts';
import {
  addToFlowSlots,
  prepareItemProjections,
  slotRowsOf,
  writeItemProjections,
} from './item-projections.ts';

/** No item in any sprint's scope: enough to work out flow moves, which do not depend on it. */
const NO_SCOPE: ReadonlySet<string> = new Set();

/** One event row, inserted by a statement compiled once (every write records an event). */
const insertEventRow = reusableRecordQuery(
  ['product_id', 'actor_id', 'at', 'entity_type', 'entity_id', 'action', 'changes'],
  (db, row: { [Column in Exclude<keyof EventsTable, 'id'>]: EventsTable[Column] }) =>
    db.insertInto('events').values(row).returning('id'),
);

/** The PostgreSQL NOTIFY channel that carries the id of a product with new events (see services/live). */
export const EVENTS_CHANNEL = 'cairn_events';

export interface EventInput {
  productId: string | null;
  actorId: string | null;
  at: string;
  entityType:
    | 'product'
    | 'objective'
    | 'theme'
    | 'initiative'
    | 'item'
    | 'dependency'
    | 'external_dependency'
    | 'user'
    | 'token'
    | 'team'
    | 'sprint'
    | 'release';
  entityId: string;
  action: string;
  changes: Changes;
}

/**
 * `knownScope`: for an item event, which items were ever in a sprint when the caller knows already (a
 * new item placed in no sprint: none), sparing the query that asks.
 */
export async function recordEvent(
  db: Db,
  event: EventInput,
  knownScope?: ReadonlySet<string>,
): Promise<void> {
  const values = {
    product_id: event.productId,
    actor_id: event.actorId,
    at: event.at,
    entity_type: event.entityType,
    entity_id: event.entityId,
    action: event.action,
    changes: JSON.stringify(event.changes),
  };
  let id: number;
  const scope = knownScope;
  if (event.productId === null || dialectOf(db) !== 'postgres') {
    const [row] = await insertEventRow(db, values);
    if (!row) throw new Error('the new event was not returned');
    ({ id } = row);
  } else {
    // Insert and NOTIFY in one statement (one round trip). PostgreSQL delivers a notification only when
    // the transaction commits, and folds repeats of the same payload within it, so a listener never
    // reads ahead of the commit and a transaction of many events wakes it once. The same statement asks
    // whether the item was ever in a sprint (for its chart projections) and adds an item event's move to
    // the flow slots (which do not depend on that), sparing two more round trips.
    const flow =
      event.entityType === 'item'
        ? slotRowsOf((await prepareItemProjections(db, [values], NO_SCOPE)).slots)
        : [];
    const base = db.with('recorded', (q) =>
      q.insertInto('events').values(values).returning(['id', 'product_id']),
    );
    // The extra CTE is selected from by nobody (PostgreSQL runs a data-modifying CTE regardless), so the
    // builder's type stays that of the base.
    const statement =
      flow.length === 0
        ? base
        : (base.with('moved', (q) =>
            addToFlowSlots(q as unknown as QueryCreator<Tables>, flow).returning('slot'),
          ) as unknown as typeof base);
    const recorded = await statement
      .selectFrom('recorded')
      .select((eb) => [
        'recorded.id',
        sql<string>`pg_notify(${EVENTS_CHANNEL}, recorded.product_id)`.as('notified'),
        eb
          .exists(eb.selectFrom('sprint_scope_items').select('item_id').where('item_id', '=', event.entityId))
          .as('scoped'),
      ])
      .executeTakeFirstOrThrow();
    id = recorded.id;
    if (event.entityType === 'item' && recorded.scoped) {
      // The flow slots are written: only the replayed fields are left.
      const prepared = await prepareItemProjections(db, [values], new Set([event.entityId]));
      await writeItemProjections(db, [values], { ...prepared, slots: new Map() }, [id]);
    }
    await writeEventItems(db, [{ id, entityType: event.entityType, changes: event.changes }]);
    return;
  }
  if (event.entityType === 'item') {
    const prepared = await prepareItemProjections(db, [values], scope);
    await writeItemProjections(db, [values], prepared, [id]);
  }
  await writeEventItems(db, [{ id, entityType: event.entityType, changes: event.changes }]);
}

/** The columns of an event row, in the order insertEvents writes them. */
const EVENT_COLUMNS = [
  'product_id',
  'actor_id',
  'at',
  'entity_type',
  'entity_id',
  'action',
  'changes',
] as const;

/**
 * Appends many events (in as few statements as the database allows) and their chart projections; call
 * it inside the transaction that made the changes, then notifyProductEvents. `knownScope`: which of the
 * events' items were ever in a sprint, when the caller knows (an import of new items: none).
 */
export async function insertEvents(
  db: Db,
  rows: readonly Insertable<EventsTable>[],
  knownScope?: ReadonlySet<string>,
): Promise<void> {
  for (const batch of insertBatches(db, rows)) {
    const events = batch.map((row) => ({ ...row, product_id: row.product_id ?? null }));
    const prepared = await prepareItemProjections(db, events, knownScope);
    let ids: number[] = [];
    // Only a dependency's events link other items; the others' change sets need no parsing here.
    const changes = batch.map((row) =>
      row.entity_type === 'dependency' ? (JSON.parse(row.changes) as Changes) : null,
    );
    const linking = batch.some((row, i) => linkedItemIds(row.entity_type, changes[i] ?? {}).length > 0);
    if (prepared.replay.length === 0 && !linking) {
      await insertRows(db, 'events', EVENT_COLUMNS, events);
    } else {
      const inserted = await db.insertInto('events').values(batch).returning(['id', 'entity_id']).execute();
      // Ids are handed out in the order of the rows; the order RETURNING lists them in is not promised.
      inserted.sort((a, b) => a.id - b.id);
      ids = inserted.map((row, i) => {
        if (row.entity_id !== batch[i]?.entity_id)
          throw new Error('events were not numbered in the order written');
        return row.id;
      });
    }
    await writeItemProjections(db, events, prepared, ids);
    if (linking) {
      await writeEventItems(
        db,
        batch.map((row, i) => ({ id: ids[i] ?? 0, entityType: row.entity_type, changes: changes[i] ?? {} })),
      );
    }
  }
}

/** For writers that insert events in bulk: wakes live listeners of the product once, on commit. */
export async function notifyProductEvents(db: Db, productId: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${productId})`.execute(db);
}
