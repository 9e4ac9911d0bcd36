/**
 * An item may only point at a live initiative, release and open sprint of its own product, and at an
 * active user.
 */
import type { UpdateItemInput } from '../../schemas/item.ts';
import type { Db } from '../../store/database.ts';
import { reusableQuery } from '../../store/reusable-query.ts';
import { invalidField } from '../errors.ts';
import { projectSprintItemHistories } from '../events/item-projections.ts';
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
  if (input.releaseId)
    await assertInProduct(db, 'releases', input.releaseId, productId, `${prefix}releaseId`);
  if (input.sprintId) await assertOpenSprint(db, input.sprintId, productId, `${prefix}sprintId`);
}

async function assertOpenSprint(db: Db, sprintId: string, productId: string, path: string): Promise<void> {
  const sprint = await db
    .selectFrom('sprints')
    .select('state')
    .where('id', '=', sprintId)
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!sprint) throw invalidField(path, 'does not name a sprint of this product');
  if (sprint.state === 'closed') throw invalidField(path, 'names a closed sprint: items cannot join it');
}

/**
 * Notes that items entered a sprint, in the index of the sprint's items a burndown reads events for,
 * and projects the history of those that had never been in a sprint. Call it in the transaction that
 * sets `sprint_id`.
 */
export async function noteSprintScope(db: Db, sprintId: string | null, itemIds: string[]): Promise<void> {
  if (sprintId === null || itemIds.length === 0) return;
  await db
    .insertInto('sprint_scope_items')
    .values(itemIds.map((itemId) => ({ sprint_id: sprintId, item_id: itemId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await projectSprintItemHistories(db, itemIds);
}

/** Replaces an item's rows in the label index (used by the `label=` filter). */
export async function writeLabels(db: Db, itemId: string, labels: string[]): Promise<void> {
  await db.deleteFrom('item_labels').where('item_id', '=', itemId).execute();
  await insertLabels(db, itemId, labels);
}

/** One label row: most items have one label, and this statement is compiled once. */
const insertLabel = reusableQuery((db, itemId: string, label: string) =>
  db.insertInto('item_labels').values({ item_id: itemId, label }),
);

/** The label rows of an item that has none yet (a new one). */
export async function insertLabels(db: Db, itemId: string, labels: string[]): Promise<void> {
  if (labels.length === 0) return;
  if (labels.length === 1 && labels[0] !== undefined) {
    await insertLabel(db, itemId, labels[0]);
    return;
  }
  await db
    .insertInto('item_labels')
    .values(labels.map((label) => ({ item_id: itemId, label })))
    .execute();
}
