/** An item may only point at a live initiative of its own product and at an active user. */
import type { UpdateItemInput } from '../../schemas/item.ts';
import type { Db } from '../../store/database.ts';
import { assertActiveUser, assertInProduct } from '../planning/references.ts';

/** `prefix` places the fields in the request body for the error (`set.` in a bulk update). */
export async function validateItemReferences(
  db: Db,
  productId: string,
  input: UpdateItemInput,
  prefix = '',
): Promise<void> {
  if (input.initiativeId)
    await assertInProduct(db, 'initiatives', input.initiativeId, productId, `${prefix}initiativeId`);
  if (input.assigneeId) await assertActiveUser(db, input.assigneeId, `${prefix}assigneeId`);
}

/** Replaces an item's rows in the label index (used by the `label=` filter). */
export async function writeLabels(db: Db, itemId: string, labels: string[]): Promise<void> {
  await db.deleteFrom('item_labels').where('item_id', '=', itemId).execute();
  if (labels.length > 0) {
    await db
      .insertInto('item_labels')
      .values(labels.map((label) => ({ item_id: itemId, label })))
      .execute();
  }
}
