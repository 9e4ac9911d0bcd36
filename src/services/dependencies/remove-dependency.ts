/** Removes a dependency; the event keeps everything it said, so it can be re-created from history. */

import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { notFound } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { isVisible, lockProductForWrite } from '../products/product-access.ts';

export async function removeDependency(ctx: ServiceContext & { id: string }): Promise<void> {
  const at = timestamp(ctx);
  await withTransaction(ctx.db, async (trx) => {
    const row = await trx.selectFrom('dependencies').selectAll().where('id', '=', ctx.id).executeTakeFirst();
    if (!row || !(await isVisible(trx, ctx.actor, row.product_id))) throw notFound('dependency');
    await lockProductForWrite(trx, ctx.actor, row.product_id);
    // Under the lock: a concurrent delete that got there first leaves nothing to delete here.
    const deleted = await trx.deleteFrom('dependencies').where('id', '=', row.id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw notFound('dependency');
    await recordEvent(trx, {
      productId: row.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'dependency',
      entityId: row.id,
      action: 'deleted',
      changes: {
        blockerId: [row.blocker_id, null],
        blockedId: [row.blocked_id, null],
        kind: [row.kind, null],
        note: [row.note, null],
      },
    });
  });
}
