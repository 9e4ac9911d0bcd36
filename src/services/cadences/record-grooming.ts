/**
 * A grooming session's trace on the server: the web's session mode changes items one by one (each its own
 * event); when a session ends it records one `product` event `groomed` with its counts, which the backlog
 * grooming cadence reads as "done".
 */
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';

export async function recordGroomingSession(
  ctx: ServiceContext & { productId: string; input: { seen: number; changed: number } },
): Promise<{ productId: string; at: string; seen: number; changed: number }> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const product = await loadVisibleProduct(trx, ctx.actor, ctx.productId);
    await lockProductForWrite(trx, ctx.actor, product.id);
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'product',
      entityId: product.id,
      action: 'groomed',
      changes: { seen: [null, ctx.input.seen], changed: [null, ctx.input.changed] },
    });
    return { productId: product.id, at, ...ctx.input };
  });
}
