/**
 * One change to many items (a multi-select in the backlog), all or nothing: under the product's write
 * lock, every named item is checked, the changed ones are written and each gets its `updated` event.
 * Items the change leaves as they were are not written, so their version and history stay put.
 */
import type { Insertable } from 'kysely';
import { type Changes, diffFields } from '../../domain/changes.ts';
import { type Item, presentItem } from '../../presenters/planning.ts';
import type { BulkUpdateItemsInput } from '../../schemas/item.ts';
import { chunked, rowsPerStatement } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import type { EventsTable, ItemLabelsTable, ItemRow } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError, invalidField } from '../errors.ts';
import { insertEvents, notifyProductEvents } from '../events/record-event.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { itemColumns } from './item-columns.ts';
import { parseItemRef } from './load-item.ts';
import { noteSprintScope, validateItemReferences } from './validate-item-references.ts';

const MAX_LABELS = 20;

/** The named items, in the order named (each once); every one must be a live item of the product. */
async function loadNamedItems(db: Db, productId: string, refs: readonly string[]): Promise<ItemRow[]> {
  const parsed = refs.map(parseItemRef);
  const values = (column: 'id' | 'key') =>
    parsed.flatMap((ref) => (ref?.column === column ? [ref.value] : []));
  const ids = values('id');
  const keys = values('key');
  const rows =
    ids.length + keys.length === 0
      ? []
      : await db
          .selectFrom('items')
          .selectAll()
          .where('product_id', '=', productId)
          .where((eb) =>
            eb.or([
              ...(ids.length > 0 ? [eb('id', 'in', ids)] : []),
              ...(keys.length > 0 ? [eb('key', 'in', keys)] : []),
            ]),
          )
          .execute();
  const found = new Map<string, ItemRow>();
  for (const row of rows) {
    found.set(`id:${row.id}`, row);
    found.set(`key:${row.key}`, row);
  }
  const named = new Map<string, ItemRow>();
  for (const [index, ref] of parsed.entries()) {
    const row = ref && found.get(`${ref.column}:${ref.value}`);
    const path = `ids.${index}`;
    if (!row) {
      const message = 'is not an item of this product';
      throw new AppError('not_found', `${refs[index]} ${message}`, { issues: [{ path, message }] });
    }
    if (row.deleted_at) {
      const message = 'is in the trash; restore it first';
      throw new AppError('in_trash', `${row.key} ${message}`, { issues: [{ path, message }] });
    }
    if (!named.has(row.id)) named.set(row.id, row);
  }
  return [...named.values()];
}

/** The item's labels with `remove` taken out and `add` appended (each once, in their order). */
function nextLabels(labels: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const kept = labels.filter((label) => !remove.includes(label));
  for (const label of add) if (!kept.includes(label)) kept.push(label);
  return kept;
}

export async function bulkUpdateItems(
  ctx: ServiceContext & { productId: string; input: BulkUpdateItemsInput },
): Promise<Item[]> {
  const at = timestamp(ctx);
  const { set = {}, addLabels = [], removeLabels = [] } = ctx.input;
  return withTransaction(ctx.db, async (trx) => {
    const product = await lockProductForWrite(trx, ctx.actor, ctx.productId);
    const rows = await loadNamedItems(trx, product.id, ctx.input.ids);
    await validateItemReferences(trx, product.id, set, 'set.');

    // Items that end up with the same labels are written by one UPDATE ('' = labels unchanged).
    const byLabels = new Map<string, string[]>();
    const changed: { id: string; labels: string[] | null; changes: Changes }[] = [];
    for (const row of rows) {
      const before = presentItem(row);
      const labels = nextLabels(before.labels, addLabels, removeLabels);
      if (labels.length > MAX_LABELS) {
        throw invalidField('addLabels', `would give ${before.key} more than ${MAX_LABELS} labels`);
      }
      const changes = diffFields(before, { ...set, labels });
      if (Object.keys(changes).length === 0) continue;
      const labelsKey = changes.labels ? JSON.stringify(labels) : '';
      byLabels.set(labelsKey, [...(byLabels.get(labelsKey) ?? []), row.id]);
      changed.push({ id: row.id, labels: changes.labels ? labels : null, changes });
    }

    const written = new Map<string, ItemRow>();
    for (const [labelsKey, ids] of byLabels) {
      const updated = await trx
        .updateTable('items')
        .set((eb) => ({
          ...itemColumns(set),
          ...(labelsKey !== '' && { labels: labelsKey }),
          version: eb('version', '+', 1),
          updated_at: at,
        }))
        .where('id', 'in', ids)
        .returningAll()
        .execute();
      for (const row of updated) written.set(row.id, row);
    }
    if (set.sprintId) {
      const joined = changed.filter((item) => item.changes.sprintId).map((item) => item.id);
      await noteSprintScope(trx, set.sprintId, joined);
    }

    const relabelled = changed.filter((item) => item.labels !== null);
    if (relabelled.length > 0) {
      await trx
        .deleteFrom('item_labels')
        .where(
          'item_id',
          'in',
          relabelled.map((item) => item.id),
        )
        .execute();
      const labelRows: Insertable<ItemLabelsTable>[] = relabelled.flatMap((item) =>
        (item.labels ?? []).map((label) => ({ item_id: item.id, label })),
      );
      for (const batch of chunked(labelRows, rowsPerStatement(trx, 2))) {
        await trx.insertInto('item_labels').values(batch).execute();
      }
    }

    const events: Insertable<EventsTable>[] = changed.map((item) => ({
      product_id: product.id,
      actor_id: ctx.actor.id,
      at,
      entity_type: 'item',
      entity_id: item.id,
      action: 'updated',
      changes: JSON.stringify(item.changes),
    }));
    if (events.length > 0) {
      await insertEvents(trx, events);
      await notifyProductEvents(trx, product.id);
    }
    return rows.map((row) => presentItem(written.get(row.id) ?? row));
  });
}
