/**
 * Writes and rebuilds the charts' projections of item events (domain/item-projection.ts): the replayed
 * fields of each item event, and each product's flow moves per 15-minute slot. Written by insertEvents
 * in the transaction that writes the events; rebuildItemProjections recomputes both from the log alone.
 */
import type { Insertable } from 'kysely';
import type { Changes } from '../../domain/changes.ts';
import { countMove, type FlowMove, flowMove, type SlotCounts } from '../../domain/item-projection.ts';
import type { Status } from '../../domain/item-replay.ts';
import { chunked, insertBatches } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import type { ItemFlowSlotsTable, ItemReplayEventsTable } from '../../store/tables.ts';
import { REPLAYED_FIELDS, readItemChanges } from '../charts/read-item-changes.ts';

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

async function writeRows(db: Db, replay: readonly ReplayRow[], slots: Slots): Promise<void> {
  for (const batch of insertBatches(db, replay)) {
    await db.insertInto('item_replay_events').values(batch).execute();
  }
  const slotRows: Insertable<ItemFlowSlotsTable>[] = [...slots.values()].map((entry) => ({
    product_id: entry.productId,
    slot: entry.slot,
    ...entry.counts,
  }));
  for (const batch of insertBatches(db, slotRows)) {
    await db
      .insertInto('item_flow_slots')
      .values(batch)
      .onConflict((conflict) =>
        conflict.columns(['product_id', 'slot']).doUpdateSet((eb) => ({
          backlog: eb('item_flow_slots.backlog', '+', eb.ref('excluded.backlog')),
          ready: eb('item_flow_slots.ready', '+', eb.ref('excluded.ready')),
          in_progress: eb('item_flow_slots.in_progress', '+', eb.ref('excluded.in_progress')),
          in_review: eb('item_flow_slots.in_review', '+', eb.ref('excluded.in_review')),
          done: eb('item_flow_slots.done', '+', eb.ref('excluded.done')),
          wont_do: eb('item_flow_slots.wont_do', '+', eb.ref('excluded.wont_do')),
        })),
      )
      .execute();
  }
}

/** Projects newly stored events (any entity; only item events that change a replayed field count). */
export async function projectItemEvents(db: Db, events: readonly StoredEvent[]): Promise<void> {
  const replay: ReplayRow[] = [];
  const slots: Slots = new Map();
  // Trashed or restored without a status change: the move is from or to the item's status.
  const trashMoves: { event: StoredEvent; changes: Changes }[] = [];
  for (const event of events) {
    if (event.entity_type !== 'item') continue;
    const changes = readItemChanges(event.changes);
    if (!changes) continue;
    replay.push(replayRow(event, changes));
    if (event.product_id === null) continue;
    if (changes.deletedAt && !changes.status) {
      trashMoves.push({ event, changes });
      continue;
    }
    const move = flowMove(changes, null);
    if (move) countMove(slots, event.product_id, event.at, move);
  }
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
  await writeRows(db, replay, slots);
}

const PAGE = 5_000;

/**
 * Recomputes both projections from the event log alone (the migration that adds them runs it; so can
 * anyone who doubts them). Call it inside a transaction: it empties the tables first.
 */
export async function rebuildItemProjections(db: Db): Promise<{ events: number }> {
  await db.deleteFrom('item_replay_events').execute();
  await db.deleteFrom('item_flow_slots').execute();
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
      replay.push(replayRow(event, changes));
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
