/**
 * Changes an item's fields. With `expectedVersion` (the HTTP If-Match) a stale version is refused with
 * `version_conflict` and nothing changes; the version check sits in the UPDATE's WHERE as well, so two
 * writers racing on the same version cannot both succeed on either database.
 */
import { diffFields } from '../../domain/changes.ts';
import { type Item, presentItem } from '../../presenters/planning.ts';
import type { UpdateItemInput } from '../../schemas/item.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { itemColumns } from './item-columns.ts';
import { loadLiveItem } from './load-item.ts';
import { noteSprintScope, validateItemReferences, writeLabels } from './validate-item-references.ts';

function conflict(current: Item): AppError {
  return new AppError(
    'version_conflict',
    `${current.key} was changed by someone else (now version ${current.version})`,
    {
      currentVersion: current.version,
      current,
    },
  );
}

export async function updateItem(
  ctx: ServiceContext & { id: string; input: UpdateItemInput; expectedVersion?: number | undefined },
): Promise<Item> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const found = await loadLiveItem(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, found.product_id);
    // Read again under the product lock: on PostgreSQL another server may have written meanwhile.
    const before = presentItem(await loadLiveItem(trx, ctx.actor, found.id));
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== before.version) throw conflict(before);
    await validateItemReferences(trx, before.productId, ctx.input);
    const changes = diffFields(before, ctx.input);
    if (Object.keys(changes).length === 0) return before;
    const row = await trx
      .updateTable('items')
      .set({ ...itemColumns(ctx.input), version: before.version + 1, updated_at: at })
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw conflict(presentItem(await loadLiveItem(trx, ctx.actor, before.id)));
    if (changes.labels) await writeLabels(trx, row.id, JSON.parse(row.labels) as string[]);
    if (changes.sprintId) await noteSprintScope(trx, row.sprint_id, [row.id]);
    await recordEvent(trx, {
      productId: row.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'item',
      entityId: row.id,
      action: 'updated',
      changes,
    });
    return presentItem(row);
  });
}
