/** Creates a backlog item with the product's next key (CAI-42), placed at the bottom or as asked. */

import { creationChanges } from '../../domain/changes.ts';
import { type Item, presentItem } from '../../presenters/planning.ts';
import type { CreateItemInput } from '../../schemas/item.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import { reusableQuery, reusableRecordQuery } from '../../store/reusable-query.ts';
import type { ItemRow } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type Actor, type ServiceContext, timestamp } from '../context.ts';
import { notFound } from '../errors.ts';
import { type EventInput, insertAndRecord, recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { authorize } from '../policy.ts';
import { isVisible } from '../products/product-access.ts';
import { ITEM_ROW_COLUMNS, itemColumns } from './item-columns.ts';
import {
  foundAnchor,
  type Placement,
  type PlacementRead,
  placementColumns,
  placementSide,
  rankForPlacement,
  rankOfPlacement,
  rebalanceAround,
} from './placement.ts';
import { insertLabels, noteSprintScope, validateItemReferences } from './validate-item-references.ts';

/** The UPDATE that takes a product's next item number (and with it the product's write lock). */
function bumpItemNumber(db: Db, productId: string) {
  return db
    .updateTable('products')
    .set((eb) => ({ next_item_number: eb('next_item_number', '+', 1) }))
    .where('id', '=', productId)
    .returning(['id', 'key', 'next_item_number']);
}

/** bumpItemNumber alone: compiled once, as every create runs it. */
const takeNumber = reusableQuery((db, productId: string) => bumpItemNumber(db, productId));

/** bumpItemNumber returning the ranks the new item's placement goes between: compiled once per shape. */
const NUMBER_AND_PLACEMENT = {
  bottom: reusableQuery((db, productId: string) =>
    bumpItemNumber(db, productId).returning((eb) =>
      placementColumns(eb, 'bottom', eb.ref('products.id'), ''),
    ),
  ),
  before: numberAndAnchored('before'),
  after: numberAndAnchored('after'),
};
function numberAndAnchored(side: 'before' | 'after') {
  return reusableQuery((db, productId: string, anchorId: string) =>
    bumpItemNumber(db, productId).returning((eb) =>
      placementColumns(eb, side, eb.ref('products.id'), anchorId),
    ),
  );
}

type NewItem = Omit<ItemRow, 'seq'>;
const insertItemRow = reusableRecordQuery<NewItem, ItemRow>(ITEM_ROW_COLUMNS, (db, row) =>
  db.insertInto('items').values(row).returningAll(),
);

/**
 * Takes the product's next item number, and with it the product's write lock: the UPDATE locks the row
 * as lockProductForWrite's SELECT … FOR UPDATE would, in the same round trip. An actor who may not write
 * or see the product gets forbidden / not_found and the transaction (with the increment) rolls back.
 *
 * On SQLite (one writer: nothing read here can be stale) the same statement also reads the ranks the
 * placement goes between. On PostgreSQL a statement that waited for the lock reads what was committed
 * before it waited, so the placement is read after it, under the lock (`read` is null): checking a stale
 * read in the insert instead (an INSERT … SELECT guarded by placementHolds) saved that round trip but
 * cost more in planning and running the insert than the round trip did (see the notes of h/pgwrite).
 */
async function takeItemNumber(
  trx: Db,
  actor: Actor,
  productId: string,
  placement: Placement,
): Promise<{ product: { id: string; key: string }; number: number; read: PlacementRead | null }> {
  authorize(actor, 'write');
  if (dialectOf(trx) === 'postgres') {
    const [row] = await takeNumber(trx, productId);
    if (!row || !(await isVisible(trx, actor, row.id))) throw notFound('product');
    return { product: row, number: row.next_item_number, read: null };
  }
  const { side, anchorId } = placementSide(placement);
  const [row] =
    side === 'bottom' || anchorId === null
      ? await NUMBER_AND_PLACEMENT.bottom(trx, productId)
      : await NUMBER_AND_PLACEMENT[side](trx, productId, anchorId);
  if (!row || !(await isVisible(trx, actor, row.id))) throw notFound('product');
  return {
    product: row,
    number: row.next_item_number,
    read: { side, anchorId, anchor: row.cairn_anchor, neighbour: row.cairn_neighbour },
  };
}

/**
 * Inserts the item row and its labels (a new item has no label rows to replace) and records its creation.
 * PostgreSQL does all of it in one statement, two round trips fewer, when the item joins no sprint (the
 * label rows' foreign key is checked at the statement's end).
 */
async function insertItem(trx: Db, row: NewItem, labels: string[], event: EventInput): Promise<ItemRow> {
  const sprintId = row.sprint_id ?? null;
  if (dialectOf(trx) === 'postgres' && sprintId === null) {
    const labelled =
      labels.length === 0
        ? []
        : [trx.insertInto('item_labels').values(labels.map((label) => ({ item_id: row.id, label })))];
    return insertAndRecord(trx, trx.insertInto('items').values(row).returningAll(), labelled, event);
  }
  const [inserted] = await insertItemRow(trx, row);
  if (!inserted) throw new Error('the new item was not returned');
  await insertLabels(trx, row.id, labels);
  await noteSprintScope(trx, sprintId, [row.id]);
  // A new item is in a sprint's scope only when it was created in one.
  await recordEvent(trx, event, sprintId === null ? new Set() : undefined);
  return inserted;
}

export async function createItem(
  ctx: ServiceContext & { productId: string; input: CreateItemInput },
): Promise<Item> {
  const at = timestamp(ctx);
  const { beforeId, afterId, ...fields } = ctx.input;
  return withTransaction(ctx.db, async (trx) => {
    const { product, number, read } = await takeItemNumber(trx, ctx.actor, ctx.productId, {
      beforeId,
      afterId,
    });
    await validateItemReferences(trx, product.id, fields);
    // An anchor the read did not find is looked up again, which answers the 400 naming the field.
    const { rank, requiresRebalance } =
      read !== null && foundAnchor(read)
        ? rankOfPlacement(read)
        : await rankForPlacement(trx, product.id, { beforeId, afterId });
    const id = newId();
    const columns = itemColumns(fields);
    const row = {
      id,
      product_id: product.id,
      number,
      key: `${product.key}-${number}`,
      type: fields.type,
      title: fields.title,
      story: columns.story ?? null,
      description: fields.description,
      acceptance_criteria: columns.acceptance_criteria ?? '[]',
      estimate: fields.estimate,
      status: fields.status,
      initiative_id: fields.initiativeId,
      labels: JSON.stringify(fields.labels),
      assignee_id: fields.assigneeId,
      sprint_id: fields.sprintId,
      release_id: fields.releaseId,
      rank,
      version: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    const inserted = await insertItem(trx, row, fields.labels, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'item',
      entityId: id,
      action: 'created',
      changes: creationChanges({ key: row.key, ...fields, rank }),
    });
    if (!requiresRebalance) return presentItem(inserted);
    await rebalanceAround(trx, product.id, rank, ctx.actor.id, at);
    return presentItem(
      await trx.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}
