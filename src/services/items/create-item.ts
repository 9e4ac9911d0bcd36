/** Creates a backlog item with the product's next key (CAI-42), placed at the bottom or as asked. */

import { sql } from 'kysely';
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
  placementHolds,
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
 * as lockProductForWrite's SELECT … FOR UPDATE would, in the same round trip, which also reads the ranks
 * the placement goes between. An actor who may not write or see the product gets forbidden / not_found
 * and the transaction (with the increment) rolls back.
 */
async function takeItemNumber(
  trx: Db,
  actor: Actor,
  productId: string,
  placement: Placement,
): Promise<{ product: { id: string; key: string }; number: number; read: PlacementRead }> {
  authorize(actor, 'write');
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
 * label rows' foreign key is checked at the statement's end); there the insert may be guarded by the
 * placement it was ranked from (placementHolds), and then returns undefined when that no longer holds.
 */
async function insertItem(
  trx: Db,
  row: NewItem,
  labels: string[],
  event: EventInput,
  guard: PlacementRead | null,
): Promise<ItemRow | undefined> {
  const sprintId = row.sprint_id ?? null;
  if (dialectOf(trx) === 'postgres' && sprintId === null) {
    const labelled =
      labels.length === 0
        ? []
        : [
            sql`insert into item_labels (item_id, label)
              select written.id, label from written cross join unnest(${labels}::text[]) as label`,
          ];
    const values = trx.selectNoFrom((eb) => ITEM_ROW_COLUMNS.map((column) => eb.val(row[column]).as(column)));
    const insert = trx
      .insertInto('items')
      .columns(ITEM_ROW_COLUMNS)
      .expression(guard === null ? values : values.where((eb) => placementHolds(eb, row.product_id, guard)));
    return insertAndRecord(trx, insert.returningAll(), labelled, event);
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
    // On PostgreSQL the ranks read with the lock may predate a writer the lock waited for: only the
    // one-statement insert, which checks them as it writes, uses them there; the others read again.
    const checked = dialectOf(trx) === 'postgres';
    const usable = (!checked || (fields.sprintId ?? null) === null) && foundAnchor(read) ? read : null;
    const id = newId();
    const columns = itemColumns(fields);
    // At most two rounds: the second reads the placement again under the lock, where it cannot be stale.
    for (let round = 0; round < 2; round++) {
      const fromLock = round === 0 ? usable : null;
      const { rank, requiresRebalance } =
        fromLock === null
          ? await rankForPlacement(trx, product.id, { beforeId, afterId })
          : rankOfPlacement(fromLock);
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
      const event: EventInput = {
        productId: product.id,
        actorId: ctx.actor.id,
        at,
        entityType: 'item',
        entityId: id,
        action: 'created',
        changes: creationChanges({ key: row.key, ...fields, rank }),
      };
      const inserted = await insertItem(trx, row, fields.labels, event, checked ? fromLock : null);
      if (!inserted) continue;
      if (!requiresRebalance) return presentItem(inserted);
      await rebalanceAround(trx, product.id, rank, ctx.actor.id, at);
      return presentItem(
        await trx.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      );
    }
    throw new Error('createItem: the placement read under the lock did not hold');
  });
}
