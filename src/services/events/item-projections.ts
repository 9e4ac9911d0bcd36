/**
 * Writes and rebuilds the charts' projections of item events (domain/item-projection.ts): the replayed
 * fields of the events of items that were ever in a sprint, and each product's flow moves per 15-minute
 * slot. recordEvent and insertEvents write them in the transaction that writes the events (prepare, then
 * write once the ids are known), noteSprintScope projects an item's earlier history when it joins its
 * first sprint, and rebuildItemProjections recomputes both from the log alone. Title edits that a later
 * event of the same item supersedes are not kept (write-replay-rows.ts).
 */
import type { Insertable, QueryCreator, Selectable } from 'kysely';
import type { Changes } from '../../domain/changes.ts';
import { countMove, type FlowMove, flowMove, type SlotCounts } from '../../domain/item-projection.ts';
import type { Status } from '../../domain/item-replay.ts';
import { chunked, insertBatches } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import { reusableQuery, reusableRecordQuery } from '../../store/reusable-query.ts';
import type { ItemFlowSlotsTable, ItemReplayEventsTable, Tables } from '../../store/tables.ts';
import { FLOW_FIELDS, REPLAYED_FIELDS, readItemChanges } from '../charts/read-item-changes.ts';
import { writeReplayRows } from './write-replay-rows.ts';

/** An event as stored (its id given by the database). */
export interface StoredEvent {
  id: number;
  product_id: string | null;
  at: string;
  entity_type: string;
  entity_id: string;
  action: string;
  changes: string;
}

type ReplayRow = Insertable<ItemReplayEventsTable>;
type Slots = Map<string, { productId: string; slot: number; counts: SlotCounts }>;

/** The replayed fields of an event as a row: bit i of `fields` says REPLAYED_FIELDS[i] is set (key 1, title 2,
 *  sprintId 4, estimate 8, status 16, deletedAt 32). */
function replayRow(event: StoredEvent, changes: Changes): ReplayRow {
  let fields = 0;
  REPLAYED_FIELDS.forEach((field, i) => {
    if (changes[field]) fields |= 1 << i;
  });
  const after = (field: string) => changes[field]?.[1] ?? null;
  return {
    item_id: event.entity_id,
    event_id: event.id,
    at: event.at,
    action: event.action,
    fields,
    key: after('key') as string | null,
    title: after('title') as string | null,
    sprint_id: after('sprintId') as string | null,
    estimate: after('estimate') as number | null,
    status: after('status') as string | null,
    deleted_at: after('deletedAt') as string | null,
  };
}

/** The replayed fields of a projection row as the change set the replay reads ([null, after] each). */
export function changesOfRow(
  row: Omit<ItemReplayEventsTable, 'item_id' | 'event_id' | 'at' | 'action'>,
): Changes {
  // Written out field by field: a sprint's first burndown turns some ten thousand rows into change sets.
  const changes: Changes = {};
  const fields = row.fields;
  if (fields & 1) changes.key = [null, row.key];
  if (fields & 2) changes.title = [null, row.title];
  if (fields & 4) changes.sprintId = [null, row.sprint_id];
  if (fields & 8) changes.estimate = [null, row.estimate];
  if (fields & 16) changes.status = [null, row.status];
  if (fields & 32) changes.deletedAt = [null, row.deleted_at];
  return changes;
}

/** The flow-slot rows of `slots`, one per product and slot. */
export function slotRowsOf(slots: Slots): Insertable<ItemFlowSlotsTable>[] {
  return [...slots.values()].map((entry) => ({
    product_id: entry.productId,
    slot: entry.slot,
    ...entry.counts,
  }));
}

/** The statement adding `rows` to the product's flow slots (an upsert that sums the counts). */
export function addToFlowSlots(db: QueryCreator<Tables>, rows: readonly Insertable<ItemFlowSlotsTable>[]) {
  return db
    .insertInto('item_flow_slots')
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(['product_id', 'slot']).doUpdateSet((eb) => ({
        backlog: eb('item_flow_slots.backlog', '+', eb.ref('excluded.backlog')),
        ready: eb('item_flow_slots.ready', '+', eb.ref('excluded.ready')),
        in_progress: eb('item_flow_slots.in_progress', '+', eb.ref('excluded.in_progress')),
        in_review: eb('item_flow_slots.in_review', '+', eb.ref('excluded.in_review')),
        done: eb('item_flow_slots.done', '+', eb.ref('excluded.done')),
        wont_do: eb('item_flow_slots.wont_do', '+', eb.ref('excluded.wont_do')),
      })),
    );
}

/** A single event's flow move (most writes make one): compiled once. */
const addOneToFlowSlots = reusableRecordQuery(
  ['product_id', 'slot', 'backlog', 'ready', 'in_progress', 'in_review', 'done', 'wont_do'],
  (db, row: Selectable<ItemFlowSlotsTable>) => addToFlowSlots(db, [row]),
);

async function writeRows(db: Db, replay: readonly ReplayRow[], slots: Slots): Promise<void> {
  await writeReplayRows(db, replay);
  const slotRows = slotRowsOf(slots);
  const [only] = slotRows;
  if (slotRows.length === 1 && only) {
    await addOneToFlowSlots(db, only);
    return;
  }
  for (const batch of insertBatches(db, slotRows)) {
    await addToFlowSlots(db, batch).execute();
  }
}

/** Whether one item was ever in a sprint (every single-item write asks): compiled once. */
const everInSprint = reusableQuery((db, itemId: string) =>
  db.selectFrom('sprint_scope_items').select('item_id').where('item_id', '=', itemId).limit(1),
);

/** Which of `itemIds` were ever in a sprint: only their events are kept in item_replay_events. */
async function inSprintScope(db: Db, itemIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const [only] = itemIds;
  if (itemIds.length === 1 && only !== undefined) {
    if ((await everInSprint(db, only)).length > 0) found.add(only);
    return found;
  }
  for (const ids of chunked([...new Set(itemIds)], 10_000)) {
    const rows = await db
      .selectFrom('sprint_scope_items')
      .select('item_id')
      .distinct()
      .where('item_id', 'in', ids)
      .execute();
    for (const row of rows) found.add(row.item_id);
  }
  return found;
}

/** An event about to be stored, or stored (its id then known). */
export type EventToProject = Omit<StoredEvent, 'id'> & { id?: number };

/** What events will add to the projections, worked out before they are stored. */
export interface PreparedProjection {
  slots: Slots;
  /** Positions (in the events given) of events whose replayed fields are kept, with those fields. */
  replay: { position: number; changes: Changes }[];
}

/**
 * Works out the flow moves of new events (every item's) and which of them have replayed fields to keep
 * (those of items that were ever in a sprint; an item joining its first sprint gets its history
 * projected then, by projectSprintItemHistories). Call it in the transaction that writes the events.
 */
export async function prepareItemProjections(
  db: Db,
  events: readonly EventToProject[],
  /** Which of the events' items were ever in a sprint, when the caller already asked. */
  knownScope?: ReadonlySet<string>,
): Promise<PreparedProjection> {
  const slots: Slots = new Map();
  const replay: PreparedProjection['replay'] = [];
  const itemIds: string[] = [];
  for (const event of events) if (event.entity_type === 'item') itemIds.push(event.entity_id);
  if (itemIds.length === 0) return { slots, replay };
  const scoped = knownScope ?? (await inSprintScope(db, itemIds));
  // Trashed or restored without a status change: the move is from or to the item's status.
  const trashMoves: { event: EventToProject; changes: Changes }[] = [];
  events.forEach((event, position) => {
    if (event.entity_type !== 'item') return;
    const kept = scoped.has(event.entity_id);
    // Only what the flow reads of the change sets of items never in a sprint (most of an import).
    const changes = readItemChanges(event.changes, kept ? REPLAYED_FIELDS : FLOW_FIELDS);
    if (!changes) return;
    if (kept) replay.push({ position, changes });
    if (event.product_id === null) return;
    if (changes.deletedAt && !changes.status) trashMoves.push({ event, changes });
    else {
      const move = flowMove(changes, null);
      if (move) countMove(slots, event.product_id, event.at, move);
    }
  });
  if (trashMoves.length > 0) {
    const statusOf = new Map<string, Status>();
    for (const ids of chunked([...new Set(trashMoves.map(({ event }) => event.entity_id))], 10_000)) {
      const rows = await db.selectFrom('items').select(['id', 'status']).where('id', 'in', ids).execute();
      for (const row of rows) statusOf.set(row.id, row.status as Status);
    }
    for (const { event, changes } of trashMoves) {
      const move = flowMove(changes, statusOf.get(event.entity_id) ?? null);
      if (move) countMove(slots, event.product_id as string, event.at, move);
    }
  }
  return { slots, replay };
}

/** Writes what prepareItemProjections found, once the events are stored: `ids` are theirs, in order. */
export async function writeItemProjections(
  db: Db,
  events: readonly EventToProject[],
  prepared: PreparedProjection,
  ids: readonly number[],
): Promise<void> {
  const replay = prepared.replay.map(({ position, changes }) => {
    const event = events[position] as EventToProject;
    return replayRow({ ...event, id: ids[position] as number }, changes);
  });
  await writeRows(db, replay, prepared.slots);
}

/**
 * Projects the history of items that have just joined a sprint (noteSprintScope calls it after adding
 * them to sprint_scope_items): all of it for an item in its first sprint (one without rows in
 * item_replay_events: an item's creation always has some), none for one that was already in a sprint,
 * whose events have been projected as they were written.
 */
export async function projectSprintItemHistories(db: Db, itemIds: readonly string[]): Promise<void> {
  for (const chunk of chunked([...new Set(itemIds)], 10_000)) {
    const projected = new Set(
      (
        await db
          .selectFrom('item_replay_events')
          .select('item_id')
          .distinct()
          .where('item_id', 'in', chunk)
          .execute()
      ).map((row) => row.item_id),
    );
    const ids = chunk.filter((id) => !projected.has(id));
    if (ids.length === 0) continue;
    const events = await db
      .selectFrom('events')
      .select(['id', 'product_id', 'at', 'entity_type', 'entity_id', 'action', 'changes'])
      .where('entity_id', 'in', ids)
      .where('entity_type', '=', 'item')
      .orderBy('id')
      .execute();
    const replay: ReplayRow[] = [];
    for (const event of events) {
      const changes = readItemChanges(event.changes);
      if (changes) replay.push(replayRow(event, changes));
    }
    await writeRows(db, replay, new Map());
  }
}

const PAGE = 5_000;

/**
 * Recomputes both projections from the event log alone (the migration that adds them runs it; so can
 * anyone who doubts them). Call it inside a transaction: it empties the tables first.
 */
export async function rebuildItemProjections(db: Db): Promise<{ events: number }> {
  await db.deleteFrom('item_replay_events').execute();
  await db.deleteFrom('item_flow_slots').execute();
  const scoped = new Set(
    (await db.selectFrom('sprint_scope_items').select('item_id').distinct().execute()).map(
      (row) => row.item_id,
    ),
  );
  const statusOf = new Map<string, Status>();
  const slots: Slots = new Map();
  let after = 0;
  let projected = 0;
  for (;;) {
    const page = await db
      .selectFrom('events')
      .select(['id', 'product_id', 'at', 'entity_type', 'entity_id', 'action', 'changes'])
      .where('entity_type', '=', 'item')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) break;
    const replay: ReplayRow[] = [];
    for (const event of page) {
      const changes = readItemChanges(event.changes);
      if (!changes) continue;
      if (scoped.has(event.entity_id)) replay.push(replayRow(event, changes));
      const move: FlowMove | null = flowMove(changes, statusOf.get(event.entity_id) ?? null);
      if (changes.status) statusOf.set(event.entity_id, changes.status[1] as Status);
      if (move && event.product_id !== null) countMove(slots, event.product_id, event.at, move);
    }
    await writeRows(db, replay, new Map());
    projected += replay.length;
    after = (page.at(-1) as StoredEvent).id;
  }
  await writeRows(db, [], slots);
  return { events: projected };
}
