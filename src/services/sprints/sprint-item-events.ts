/**
 * The events of every item that was ever in a sprint (the sprint_scope_items index), parsed for the
 * replay in domain/item-replay.ts. Burndowns, sprint outcomes and reports all read them.
 */
import type { Changes } from '../../domain/changes.ts';
import type { ItemEvent } from '../../domain/item-replay.ts';
import type { Db } from '../../store/database.ts';

/** Ordered by id; with `until` (ISO), only events at or before that instant. */
export async function loadSprintItemEvents(db: Db, sprintId: string, until?: string): Promise<ItemEvent[]> {
  let query = db
    .selectFrom('events')
    .select(['id', 'entity_id', 'at', 'action', 'changes'])
    .where('entity_type', '=', 'item')
    .where('entity_id', 'in', (eb) =>
      eb.selectFrom('sprint_scope_items').select('item_id').where('sprint_id', '=', sprintId),
    );
  if (until !== undefined) query = query.where('at', '<=', until);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    itemId: row.entity_id,
    at: row.at,
    action: row.action,
    changes: JSON.parse(row.changes) as Changes,
  }));
}
