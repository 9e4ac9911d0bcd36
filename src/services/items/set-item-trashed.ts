/** Moves an item to the trash or restores it to its old place in the order. */
import { type Item, presentItem } from '../../presenters/planning.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { loadItem } from './load-item.ts';

export async function setItemTrashed(ctx: ServiceContext & { id: string; trashed: boolean }): Promise<Item> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const found = await loadItem(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, found.product_id);
    const item = await loadItem(trx, ctx.actor, found.id);
    if ((item.deleted_at !== null) === ctx.trashed) return presentItem(item);
    const deletedAt = ctx.trashed ? at : null;
    const row = await trx
      .updateTable('items')
      .set({ deleted_at: deletedAt, version: item.version + 1, updated_at: at })
      .where('id', '=', item.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      productId: item.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'item',
      entityId: item.id,
      action: ctx.trashed ? 'deleted' : 'restored',
      changes: { deletedAt: [item.deleted_at, deletedAt] },
    });
    return presentItem(row);
  });
}
