/** Item keys (CAI-42) by id, for messages that name items the way people do. */
import { HIDDEN_ITEM_LABEL } from '../../presenters/redact-linked-item.ts';
import type { Db } from '../../store/database.ts';
import type { Actor } from '../context.ts';
import { productVisibility } from '../products/product-access.ts';

/**
 * How `actor` may name each item: its key, or "an item in another product" when it is in a product they
 * are not a member of (or no longer exists), so an error message never reveals what they may not see.
 */
export async function keysOf(db: Db, actor: Actor, ids: readonly string[]): Promise<(id: string) => string> {
  const rows = await db
    .selectFrom('items')
    .select(['id', 'key', 'product_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const canSee = await productVisibility(db, actor);
  const keys = new Map(rows.map((r) => [r.id, canSee(r.product_id) ? r.key : HIDDEN_ITEM_LABEL]));
  return (id) => keys.get(id) ?? HIDDEN_ITEM_LABEL;
}
