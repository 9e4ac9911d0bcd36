/** Events as one reader may see them: items of products they are not a member of are not named. */

import type { PlanningEvent } from '../../presenters/planning.ts';
import { linkedItemIds, redactEventLinks } from '../../presenters/redact-linked-item.ts';
import { chunked } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import type { Actor } from '../context.ts';
import { productVisibility } from '../products/product-access.ts';

/** Ids per lookup query: well under both databases' bound-parameter limits. */
const IDS_PER_QUERY = 1_000;

/**
 * `events` with the ids of linked items the actor may not see replaced by null (see redactLinkedItem).
 * Costs nothing for owners and admins, and no item lookup when no event links to an item.
 */
export async function redactEvents<T extends { event: PlanningEvent }>(
  db: Db,
  actor: Actor,
  entries: readonly T[],
): Promise<T[]> {
  const ids = new Set(entries.flatMap((entry) => linkedItemIds(entry.event)));
  if (ids.size === 0) return [...entries];
  const canSee = await productVisibility(db, actor);
  const productOf = new Map<string, string>();
  for (const slice of chunked([...ids], IDS_PER_QUERY)) {
    const rows = await db.selectFrom('items').select(['id', 'product_id']).where('id', 'in', slice).execute();
    for (const row of rows) productOf.set(row.id, row.product_id);
  }
  // An item that no longer exists cannot be checked, so it is hidden too.
  const isHidden = (itemId: string) => {
    const productId = productOf.get(itemId);
    return productId === undefined || !canSee(productId);
  };
  return entries.map((entry) => {
    const event = redactEventLinks(entry.event, isHidden);
    return event === entry.event ? entry : { ...entry, event };
  });
}

/** The same for a plain list of events. */
export async function redactEventList(
  db: Db,
  actor: Actor,
  events: readonly PlanningEvent[],
): Promise<PlanningEvent[]> {
  return (
    await redactEvents(
      db,
      actor,
      events.map((event) => ({ event })),
    )
  ).map((entry) => entry.event);
}
