/**
 * The events a burndown replays: those of every item that was ever in the sprint (sprint_scope_items)
 * that change a field the replay reads. Edits of other fields (descriptions, ranks, labels) are left in
 * the database by a substring test; the rest are read with readItemChanges, never parsed whole.
 */
import { type RawBuilder, sql } from 'kysely';
import type { ItemEvent } from '../../domain/item-replay.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import { REPLAYED_FIELDS, readItemChanges } from './read-item-changes.ts';

export interface EventRange {
  sprintId: string;
  /** The sprint's product: with afterId, lets the events_product index find the newer events. */
  productId?: string | undefined;
  /** Only events with a larger id (a cache catching up). */
  afterId?: number | undefined;
  /** Only events up to this id (what a cache has seen). */
  upToId?: number | undefined;
}

/** Whether the change set mentions one of the replayed fields (a cheap test in the database). */
function mentionsReplayedField(db: Db): RawBuilder<boolean> {
  const find = dialectOf(db) === 'postgres' ? 'strpos' : 'instr';
  const tests = REPLAYED_FIELDS.map((field) => sql`${sql.raw(find)}(changes, ${`"${field}":[`}) > 0`);
  return sql<boolean>`(${sql.join(tests, sql` or `)})`;
}

/** In id order; each event's changes hold only the replayed fields, as [null, new value]. */
export async function loadBurndownEvents(db: Db, range: EventRange): Promise<ItemEvent[]> {
  let query = db
    .selectFrom('events')
    .select(['id', 'entity_id', 'at', 'action', 'changes'])
    .where('entity_type', '=', 'item')
    .where('entity_id', 'in', (eb) =>
      eb.selectFrom('sprint_scope_items').select('item_id').where('sprint_id', '=', range.sprintId),
    )
    .where(mentionsReplayedField(db));
  if (range.upToId !== undefined) query = query.where('id', '<=', range.upToId);
  if (range.afterId !== undefined) query = query.where('id', '>', range.afterId);
  if (range.productId !== undefined) query = query.where('product_id', '=', range.productId);
  const rows = await query.execute();
  const events: ItemEvent[] = [];
  for (const row of rows) {
    const changes = readItemChanges(row.changes);
    if (changes) events.push({ id: row.id, itemId: row.entity_id, at: row.at, action: row.action, changes });
  }
  return events.sort((a, b) => a.id - b.id);
}
