/**
 * Appends many items to the bottom of a product in one transaction: keys continue the product's sequence,
 * ranks are spread after the current last one, and each item gets its `created` event — the same rows
 * createItem would write, in a few multi-row statements instead of ~10 round trips per item.
 */

import type { Insertable } from 'kysely';
import type { Changes } from '../../domain/changes.ts';
import { spreadRanks } from '../../domain/rank.ts';
import type { CreateItemInput } from '../../schemas/item.ts';
import { chunked, insertBatches, rowsPerStatement, writeOverlapped } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import { insertStatements, runStatements } from '../../store/insert-rows.ts';
import type { EventsTable, ItemLabelsTable, NewItemRow } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { invalidField } from '../errors.ts';
import { bulkEventWriter, notifyProductEvents } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { ITEM_ROW_COLUMNS } from './item-columns.ts';

/**
 * An item to import: the create input without a placement (imports always append). A sprint and a
 * release are optional (the caller checks they are the product's, and the sprint not closed).
 */
export type ImportItemInput = Omit<CreateItemInput, 'beforeId' | 'afterId' | 'sprintId' | 'releaseId'> & {
  sprintId?: string | null | undefined;
  releaseId?: string | null | undefined;
};

export interface ImportOutcome {
  count: number;
  /** Keys of the first and last imported item; null when nothing was imported. */
  firstKey: string | null;
  lastKey: string | null;
  /** The new items' ids, in the order of the input. */
  ids: string[];
}

/**
 * The change set createItem records, `creationChanges({ key, ...fields, rank })`, written out field by
 * field: building it generically costs more than the rest of a row, which matters at 100,000 items. The
 * placement (beforeId/afterId) is left out, as createItem leaves it out.
 */
function createdChanges(key: string, input: ImportItemInput, labels: string[], rank: string): Changes {
  return {
    key: [null, key],
    type: [null, input.type],
    title: [null, input.title],
    story: [null, input.story],
    description: [null, input.description],
    acceptanceCriteria: [null, input.acceptanceCriteria],
    estimate: [null, input.estimate],
    status: [null, input.status],
    initiativeId: [null, input.initiativeId],
    labels: [null, labels],
    assigneeId: [null, input.assigneeId],
    sprintId: [null, input.sprintId ?? null],
    releaseId: [null, input.releaseId ?? null],
    rank: [null, rank],
  };
}

/** The columns of an event row (all but its generated id). */
const EVENT_COLUMN_COUNT = 7;

/** [start, end) of consecutive slices of at most `size` of `count` positions. */
function spans(count: number, size: number): [number, number][] {
  const list: [number, number][] = [];
  for (let start = 0; start < count; start += size) list.push([start, Math.min(count, start + size)]);
  return list;
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
    // By id alone (the unique index), product and trash checked here, as importDependencies does.
    const rows = await trx
      .selectFrom('initiatives')
      .select(['id', 'product_id', 'deleted_at'])
      .where('id', 'in', ids)
      .execute();
    for (const row of rows) {
      if (row.product_id === productId && row.deleted_at === null) initiatives.add(row.id);
    }
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
    if (count === 0) return { count: 0, firstKey: null, lastKey: null, ids: [] };
    await validateReferences(trx, product.id, ctx.items);
    // Trashed items keep their place in the order, so the bottom is the highest rank of any item.
    const last = await trx
      .selectFrom('items')
      .select('rank')
      .where('product_id', '=', product.id)
      .orderBy('rank', 'desc')
      .limit(1)
      .executeTakeFirst();
    const { next_item_number: lastNumber } = await trx
      .updateTable('products')
      .set((eb) => ({ next_item_number: eb('next_item_number', '+', count) }))
      .where('id', '=', product.id)
      .returning('next_item_number')
      .executeTakeFirstOrThrow();
    const firstNumber = lastNumber - count + 1;

    const keyOf = (index: number) => `${product.key}-${firstNumber + index}`;

    // Rows are built one statement's worth at a time and dropped once written: holding all of them (and
    // their change sets) at once doubled the import's memory and its garbage collection.
    // Ids, label sets and ranks are made as each item's row is built (they are read again for the labels
    // and the events), not all before the first statement, when the database would wait for them. Ranks
    // spread after an open end are made one after the other, so spreading them statement by statement
    // from the last one gives the same ranks as spreading all at once.
    const ids: string[] = new Array(count);
    const labelsOf: string[][] = new Array(count);
    const ranks: string[] = new Array(count);
    // Items placed into a sprint: their events keep replayed fields (burndown), as createItem's do.
    const scoped = new Set<string>();
    let lastRank = last?.rank ?? null;
    const itemRows = (start: number, end: number): NewItemRow[] => {
      const items: NewItemRow[] = [];
      spreadRanks(lastRank, null, end - start).forEach((rank, i) => {
        ranks[start + i] = rank;
      });
      lastRank = ranks[end - 1] ?? lastRank;
      for (let index = start; index < end; index++) {
        const input = ctx.items[index]!;
        const id = newId();
        const labels = [...new Set(input.labels)];
        ids[index] = id;
        labelsOf[index] = labels;
        if (input.sprintId) scoped.add(id);
        items.push({
          id,
          product_id: product.id,
          number: firstNumber + index,
          key: keyOf(index),
          type: input.type,
          title: input.title,
          story: input.story === null ? null : JSON.stringify(input.story),
          description: input.description,
          acceptance_criteria: JSON.stringify(input.acceptanceCriteria),
          estimate: input.estimate,
          status: input.status,
          initiative_id: input.initiativeId,
          assignee_id: input.assigneeId,
          sprint_id: input.sprintId ?? null,
          release_id: input.releaseId ?? null,
          labels: JSON.stringify(labels),
          rank: ranks[index]!,
          version: 1,
          created_at: at,
          updated_at: at,
          deleted_at: null,
        });
      }
      return items;
    };
    const labelRows = (): Insertable<ItemLabelsTable>[] => {
      const labels: Insertable<ItemLabelsTable>[] = [];
      ids.forEach((id, index) => {
        for (const label of labelsOf[index]!) labels.push({ item_id: id, label });
      });
      return labels;
    };
    const eventRows = (start: number, end: number): Insertable<EventsTable>[] => {
      const events: Insertable<EventsTable>[] = [];
      for (let index = start; index < end; index++) {
        events.push({
          product_id: product.id,
          actor_id: ctx.actor.id,
          at,
          entity_type: 'item',
          entity_id: ids[index]!,
          action: 'created',
          changes: JSON.stringify(
            createdChanges(keyOf(index), ctx.items[index]!, labelsOf[index]!, ranks[index]!),
          ),
        });
      }
      return events;
    };

    const itemStatements = await insertStatements(trx, 'items', ITEM_ROW_COLUMNS);
    const labelStatements = await insertStatements(trx, 'item_labels', ['item_id', 'label']);
    // Filled as the rows are built, before the first event is prepared.
    const eventWriter = await bulkEventWriter(trx, scoped);
    // One table at a time (interleaving the tables per chunk measured ~15% slower on SQLite: its page
    // cache keeps switching between the tables' indexes; no faster on PostgreSQL), but as one sequence of
    // steps, so that each next statement (the labels' and the first events' too) is built and encoded
    // while the database runs the one before.
    type Write = () => Promise<void>;
    const steps: (() => Write | Promise<Write>)[] = [
      ...spans(count, rowsPerStatement(trx, ITEM_ROW_COLUMNS.length)).map(([start, end]) => () => {
        const statements = itemStatements(itemRows(start, end));
        return () => runStatements(trx, statements);
      }),
      () => {
        const statements = labelStatements(labelRows());
        return () => runStatements(trx, statements);
      },
      () => async () => {
        const rows = ids.flatMap((id, index) => {
          const sprintId = ctx.items[index]!.sprintId;
          return sprintId ? [{ sprint_id: sprintId, item_id: id }] : [];
        });
        for (const batch of insertBatches(trx, rows)) {
          await trx.insertInto('sprint_scope_items').values(batch).execute();
        }
      },
      ...spans(count, rowsPerStatement(trx, EVENT_COLUMN_COUNT)).map(([start, end]) => async () => {
        const batch = await eventWriter.prepare(eventRows(start, end));
        return () => eventWriter.write(batch);
      }),
    ];
    await writeOverlapped(
      steps.length,
      (step) => steps[step]!(),
      (write) => write(),
    );
    await notifyProductEvents(trx, product.id);
    return { count, firstKey: keyOf(0), lastKey: keyOf(count - 1), ids };
  });
}
