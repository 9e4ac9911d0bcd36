/** Moves an item just above or below another: only the moved item's rank is written (bar a rare rebalance). */
import { type Item, presentItem } from '../../presenters/planning.ts';
import type { MoveItemInput } from '../../schemas/item.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { loadLiveItem } from './load-item.ts';
import { rankForPlacement, rebalanceAround } from './placement.ts';

export async function moveItem(ctx: ServiceContext & { id: string; input: MoveItemInput }): Promise<Item> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const found = await loadLiveItem(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, found.product_id);
    const item = await loadLiveItem(trx, ctx.actor, found.id);
    const { rank, requiresRebalance } = await rankForPlacement(trx, item.product_id, ctx.input, item.id);
    const moved = await trx
      .updateTable('items')
      .set({ rank, version: item.version + 1, updated_at: at })
      .where('id', '=', item.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      productId: item.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'item',
      entityId: item.id,
      action: 'moved',
      changes: { rank: [item.rank, rank] },
    });
    if (!requiresRebalance) return presentItem(moved);
    await rebalanceAround(trx, item.product_id, rank, ctx.actor.id, at);
    return presentItem(
      await trx.selectFrom('items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow(),
    );
  });
}
