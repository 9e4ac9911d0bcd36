/** Appends one event to the log; call it inside the transaction that made the change. */

import {
  type Compilable,
  type CompiledQuery,
  type Insertable,
  type OperationNodeSource,
  type QueryCreator,
  sql,
} from 'kysely';
import type { Changes } from '../../domain/changes.ts';
import { insertBatches } from '../../store/batches.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import { insertRows, insertStatements, runStatements } from '../../store/insert-rows.ts';
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
    | 'release'
    | 'review'
    | 'view'
    | 'vision'
    | 'prd'
    | 'story_map'
    | 'roadmap_baseline'
    | 'share_link'
    | 'comment'
    | 'webhook'
    | 'import';
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
  const values = eventValues(event);
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
    const flow = await flowRowsOf(db, event, values);
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
    await afterRecorded(db, event, values, recorded.id, Boolean(recorded.scoped));
    return;
  }
  if (event.entityType === 'item') {
    const prepared = await prepareItemProjections(db, [values], scope);
    await writeItemProjections(db, [values], prepared, [id]);
  }
  await writeEventItems(db, [{ id, entityType: event.entityType, changes: event.changes }]);
}

/** An item event's move between statuses, as flow-slot rows (none for other events). */
async function flowRowsOf(db: Db, event: EventInput, values: StoredValues) {
  return event.entityType === 'item'
    ? slotRowsOf((await prepareItemProjections(db, [values], NO_SCOPE)).slots)
    : [];
}

/** What follows a PostgreSQL event row (its flow slots written already): replayed fields and links. */
async function afterRecorded(
  db: Db,
  event: EventInput,
  values: StoredValues,
  id: number,
  scoped: boolean,
): Promise<void> {
  if (event.entityType === 'item' && scoped) {
    const prepared = await prepareItemProjections(db, [values], new Set([event.entityId]));
    await writeItemProjections(db, [values], { ...prepared, slots: new Map() }, [id]);
  }
  await writeEventItems(db, [{ id, entityType: event.entityType, changes: event.changes }]);
}

type StoredValues = ReturnType<typeof eventValues>;

function eventValues(event: EventInput) {
  return {
    product_id: event.productId,
    actor_id: event.actorId,
    at: event.at,
    entity_type: event.entityType,
    entity_id: event.entityId,
    action: event.action,
    changes: JSON.stringify(event.changes),
  };
}

/**
 * Runs `write` (an UPDATE … RETURNING * of the event's object, guarded by its version) and, when it
 * wrote a row, records `event` — on PostgreSQL in the same statement, one round trip: the event's INSERT
 * selects from the write's rows, so a write that matched none records nothing. Elsewhere (or for an
 * event without a product) one after the other, through recordEvent.
 */
export async function writeAndRecord<Row extends object>(
  db: Db,
  write: Compilable<Row> & OperationNodeSource,
  event: EventInput,
): Promise<Row | undefined> {
  if (event.productId === null || dialectOf(db) !== 'postgres') {
    const row = await db.executeQuery(write.compile()).then((result) => result.rows[0]);
    if (row) await recordEvent(db, event);
    return row;
  }
  const values = eventValues(event);
  const { rows } = await sql<
    Row & { cairn_event_id: number; cairn_notified: unknown; cairn_scoped: boolean }
  >`
    with written as (${write}),
    recorded as (
      insert into events (product_id, actor_id, at, entity_type, entity_id, action, changes)
      select ${values.product_id}, ${values.actor_id}, ${values.at}, ${values.entity_type},
        ${values.entity_id}, ${values.action}, ${values.changes}
      from written
      returning id, product_id
    )
    select written.*, recorded.id as cairn_event_id,
      pg_notify(${EVENTS_CHANNEL}, recorded.product_id) as cairn_notified,
      exists (select 1 from sprint_scope_items where item_id = ${event.entityId}) as cairn_scoped
    from written cross join recorded`.execute(db);
  const [first] = rows;
  if (!first) return undefined;
  const { cairn_event_id: id, cairn_notified: _notified, cairn_scoped: scoped, ...row } = first;
  // A move between statuses: its flow slots in a statement of their own, so that a write that matched
  // no row (and is then worked out again) never counted one.
  const flow = await flowRowsOf(db, event, values);
  if (flow.length > 0) await addToFlowSlots(db, flow).execute();
  await afterRecorded(db, event, values, id, scoped);
  return row as unknown as Row;
}

/**
 * PostgreSQL only: runs `write` (an INSERT … RETURNING * of a new object), the statements in `also` (rows
 * written with it, such as its labels) and the recording of its creation `event`, with the event's flow
 * move and NOTIFY, in one statement (one round trip); returns the inserted row. For an object that was
 * never in a sprint (a new item placed in none): no replayed fields are kept for its event.
 */
export async function insertAndRecord<Row extends object>(
  db: Db,
  write: Compilable<Row> & OperationNodeSource,
  also: readonly OperationNodeSource[],
  event: EventInput,
): Promise<Row> {
  const values = eventValues(event);
  const flow = await flowRowsOf(db, event, values);
  const ctes = [
    sql`written as (${write})`,
    ...also.map((statement, i) => sql`${sql.raw(`also_${i}`)} as (${statement})`),
    sql`recorded as (${db.insertInto('events').values(values).returning(['id', 'product_id'])})`,
    ...(flow.length === 0 ? [] : [sql`moved as (${addToFlowSlots(db, flow)})`]),
  ];
  const { rows } = await sql<Row & { cairn_event_id: number; cairn_notified: unknown }>`
    with ${sql.join(ctes)}
    select written.*, recorded.id as cairn_event_id,
      pg_notify(${EVENTS_CHANNEL}, recorded.product_id) as cairn_notified
    from written cross join recorded`.execute(db);
  const [first] = rows;
  if (!first) throw new Error('the insert returned no row');
  const { cairn_event_id: id, cairn_notified: _notified, ...row } = first;
  await afterRecorded(db, event, values, id, false);
  return row as unknown as Row;
}

/** The columns of an event row, in the order insertEvents writes them. */
export const EVENT_COLUMNS = [
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

/** A batch of events made ready by a bulk event writer's `prepare`. */
export interface PreparedEvents {
  rows: readonly Insertable<EventsTable>[];
  events: (Insertable<EventsTable> & { product_id: string | null })[];
  projection: Awaited<ReturnType<typeof prepareItemProjections>>;
  /** The INSERTs, or null when the batch needs the events' ids (insertEvents then writes it). */
  statements: CompiledQuery[] | null;
}

/**
 * insertEvents in two steps for a bulk writer that knows which of its items were ever in a sprint (an
 * import of new items: none): `prepare` works out a batch's projections and encodes its INSERTs without
 * waiting on the database, so it can run while the database writes the batch before; `write` writes
 * them. A batch whose projections or links need the events' ids goes through insertEvents as it is.
 */
export async function bulkEventWriter(db: Db, knownScope: ReadonlySet<string>) {
  const statementsOf = await insertStatements(db, 'events', EVENT_COLUMNS);
  return {
    async prepare(rows: readonly Insertable<EventsTable>[]): Promise<PreparedEvents> {
      const events = rows.map((row) => ({ ...row, product_id: row.product_id ?? null }));
      const projection = await prepareItemProjections(db, events, knownScope);
      const plain = projection.replay.length === 0 && rows.every((row) => row.entity_type !== 'dependency');
      return { rows, events, projection, statements: plain ? statementsOf(events) : null };
    },
    async write(batch: PreparedEvents): Promise<void> {
      if (batch.statements === null) {
        await insertEvents(db, batch.rows, knownScope);
        return;
      }
      await runStatements(db, batch.statements);
      await writeItemProjections(db, batch.events, batch.projection, []);
    },
  };
}

/** For writers that insert events in bulk: wakes live listeners of the product once, on commit. */
export async function notifyProductEvents(db: Db, productId: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${productId})`.execute(db);
}
