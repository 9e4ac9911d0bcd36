/**
 * Appends many items to the bottom of a product in one transaction: keys continue the product's sequence,
 * ranks are spread after the current last one, and each item gets its `created` event — the same rows
 * createItem would write, in a few multi-row statements instead of ~10 round trips per item.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { creationChanges } from '../../domain/changes.ts';
import { spreadRanks } from '../../domain/rank.ts';
import type { CreateItemInput } from '../../schemas/item.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import type { EventsTable, ItemLabelsTable, NewItemRow } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { invalidField } from '../errors.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { itemColumns } from './item-columns.ts';

/** An item to import: the create input without a placement (imports always append). */
export type ImportItemInput = Omit<CreateItemInput, 'beforeId' | 'afterId'>;

export interface ImportOutcome {
  count: number;
  /** Keys of the first and last imported item; null when nothing was imported. */
  firstKey: string | null;
  lastKey: string | null;
}

// Bound-parameter ceilings per statement: SQLite's SQLITE_MAX_VARIABLE_NUMBER, PostgreSQL's Int16 count.
const MAX_PARAMETERS = { sqlite: 32_766, postgres: 65_535 } as const;

/** How many rows of `columnsPerRow` values fit into one INSERT on this database. */
export function rowsPerStatement(db: Db, columnsPerRow: number): number {
  return Math.floor(MAX_PARAMETERS[dialectOf(db)] / columnsPerRow);
}

/** The number of values each row binds (every row of a batch has the same columns). */
export function columnsOf(rows: readonly object[]): number {
  return rows[0] === undefined ? 1 : Object.keys(rows[0]).length;
}

/** Splits `list` into consecutive slices of at most `size` elements. */
export function chunked<T>(list: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < list.length; start += size) slices.push(list.slice(start, start + size));
  return slices;
}

/** Throws a validation error naming the first item whose `field` is not among the `found` ids. */
function assertAllFound(
  items: readonly ImportItemInput[],
  field: 'initiativeId' | 'assigneeId',
  found: ReadonlySet<string>,
  message: string,
): void {
  const index = items.findIndex((item) => item[field] !== null && !found.has(item[field]));
  if (index >= 0) throw invalidField(`items.${index}.${field}`, message);
}

/** Each distinct initiative and assignee is looked up once, in chunked `in (…)` queries. */
async function validateReferences(
  trx: Db,
  productId: string,
  items: readonly ImportItemInput[],
): Promise<void> {
  const distinct = (field: 'initiativeId' | 'assigneeId') => [
    ...new Set(items.flatMap((item) => (item[field] === null ? [] : [item[field]]))),
  ];
  const initiatives = new Set<string>();
  for (const ids of chunked(distinct('initiativeId'), 1_000)) {
    const rows = await trx
      .selectFrom('initiatives')
      .select('id')
      .where('product_id', '=', productId)
      .where('deleted_at', 'is', null)
      .where('id', 'in', ids)
      .execute();
    for (const row of rows) initiatives.add(row.id);
  }
  assertAllFound(items, 'initiativeId', initiatives, 'does not name an initiative of this product');
  const users = new Set<string>();
  for (const ids of chunked(distinct('assigneeId'), 1_000)) {
    const rows = await trx
      .selectFrom('users')
      .select('id')
      .where('disabled_at', 'is', null)
      .where('id', 'in', ids)
      .execute();
    for (const row of rows) users.add(row.id);
  }
  assertAllFound(items, 'assigneeId', users, 'does not name an active user');
}

export async function importItems(
  ctx: ServiceContext & { productId: string; items: readonly ImportItemInput[] },
): Promise<ImportOutcome> {
  const at = timestamp(ctx);
  const count = ctx.items.length;
  return withTransaction(ctx.db, async (trx) => {
    const product = await lockProductForWrite(trx, ctx.actor, ctx.productId);
    if (count === 0) return { count: 0, firstKey: null, lastKey: null };
    await validateReferences(trx, product.id, ctx.items);
    // Trashed items keep their place in the order, so the bottom is the highest rank of any item.
    const last = await trx
      .selectFrom('items')
      .select('rank')
      .where('product_id', '=', product.id)
      .orderBy('rank', 'desc')
      .limit(1)
      .executeTakeFirst();
    const ranks = spreadRanks(last?.rank ?? null, null, count);
    const { next_item_number: lastNumber } = await trx
      .updateTable('products')
      .set((eb) => ({ next_item_number: eb('next_item_number', '+', count) }))
      .where('id', '=', product.id)
      .returning('next_item_number')
      .executeTakeFirstOrThrow();
    const firstNumber = lastNumber - count + 1;

    const items: NewItemRow[] = [];
    const labels: Insertable<ItemLabelsTable>[] = [];
    const events: Insertable<EventsTable>[] = [];
    for (const [index, input] of ctx.items.entries()) {
      // Picked field by field: a caller passing a full CreateItemInput must not leak a placement in.
      const fields = {
        type: input.type,
        title: input.title,
        story: input.story,
        description: input.description,
        acceptanceCriteria: input.acceptanceCriteria,
        estimate: input.estimate,
        status: input.status,
        initiativeId: input.initiativeId,
        labels: [...new Set(input.labels)],
        assigneeId: input.assigneeId,
      };
      const id = randomUUID();
      const number = firstNumber + index;
      const key = `${product.key}-${number}`;
      const rank = ranks[index]!;
      const columns = itemColumns(fields);
      items.push({
        id,
        product_id: product.id,
        number,
        key,
        type: fields.type,
        title: fields.title,
        story: columns.story ?? null,
        description: fields.description,
        acceptance_criteria: columns.acceptance_criteria ?? '[]',
        estimate: fields.estimate,
        status: fields.status,
        initiative_id: fields.initiativeId,
        assignee_id: fields.assigneeId,
        labels: JSON.stringify(fields.labels),
        rank,
        version: 1,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      });
      for (const label of fields.labels) labels.push({ item_id: id, label });
      // The same event createItem records, so history and replay cannot tell an import from a create.
      events.push({
        product_id: product.id,
        actor_id: ctx.actor.id,
        at,
        entity_type: 'item',
        entity_id: id,
        action: 'created',
        changes: JSON.stringify(creationChanges({ key, ...fields, rank })),
      });
    }

    for (const batch of chunked(items, rowsPerStatement(trx, columnsOf(items)))) {
      await trx.insertInto('items').values(batch).execute();
    }
    for (const batch of chunked(labels, rowsPerStatement(trx, columnsOf(labels)))) {
      await trx.insertInto('item_labels').values(batch).execute();
    }
    for (const batch of chunked(events, rowsPerStatement(trx, columnsOf(events)))) {
      await trx.insertInto('events').values(batch).execute();
    }
    return { count, firstKey: items[0]!.key, lastKey: items.at(-1)!.key };
  });
}
