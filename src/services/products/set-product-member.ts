/** Adds a user to a product or removes them; owners and admins see every product regardless. */

import { withTransaction } from '../../store/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { timestamp } from '../context.ts';
import { notFound } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { authorize } from '../policy.ts';
import { lockProductForWrite } from './product-access.ts';

export async function setProductMember(
  ctx: ServiceContext & { productId: string; userId: string; member: boolean },
): Promise<void> {
  authorize(ctx.actor, 'manage_product');
  const at = timestamp(ctx);
  await withTransaction(ctx.db, async (trx) => {
    await lockProductForWrite(trx, ctx.actor, ctx.productId);
    const user = await trx.selectFrom('users').select('id').where('id', '=', ctx.userId).executeTakeFirst();
    if (!user) throw notFound('user');
    const existing = await trx
      .selectFrom('product_members')
      .select('user_id')
      .where('product_id', '=', ctx.productId)
      .where('user_id', '=', ctx.userId)
      .executeTakeFirst();
    if (Boolean(existing) === ctx.member) return;
    if (ctx.member) {
      await trx
        .insertInto('product_members')
        .values({ product_id: ctx.productId, user_id: ctx.userId, created_at: at })
        .execute();
    } else {
      await trx
        .deleteFrom('product_members')
        .where('product_id', '=', ctx.productId)
        .where('user_id', '=', ctx.userId)
        .execute();
    }
    await recordEvent(trx, {
      productId: ctx.productId,
      actorId: ctx.actor.id,
      at,
      entityType: 'product',
      entityId: ctx.productId,
      action: ctx.member ? 'member_added' : 'member_removed',
      changes: { memberIds: ctx.member ? [null, ctx.userId] : [ctx.userId, null] },
    });
  });
}
