/**
 * Events of other objects that belong in an item's history: a dependency's events concern both items it
 * links, so each is indexed by both (table `event_items`), and an item's history reads its own events
 * and these.
 */
import type { Changes } from '../../domain/changes.ts';
import type { Db } from '../../store/database.ts';

/** The items an event concerns besides its own entity: a dependency's blocker and blocked item. */
export function linkedItemIds(entityType: string, changes: Changes): string[] {
  if (entityType !== 'dependency') return [];
  const ids = new Set<string>();
  for (const field of ['blockerId', 'blockedId']) {
    for (const value of changes[field] ?? []) if (typeof value === 'string') ids.add(value);
  }
  return [...ids];
}

/** Indexes recorded events (with their ids) by the items they concern; call it in the same transaction. */
export async function writeEventItems(
  db: Db,
  events: readonly { id: number; entityType: string; changes: Changes }[],
): Promise<void> {
  const rows = events.flatMap((event) =>
    linkedItemIds(event.entityType, event.changes).map((item_id) => ({ item_id, event_id: event.id })),
  );
  if (rows.length > 0) await db.insertInto('event_items').values(rows).execute();
}
