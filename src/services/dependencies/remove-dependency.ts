/**
 * Removes a dependency; the event keeps everything it said, so it can be re-created from history.
 *
 * A link between two products is stored under the blocked item's product, but it belongs to both items: a
 * member of either side's product who may write removes it from their item, even when they cannot see the
 * other product (its item stays "an item in another product" to them, as in the list they removed it from).
 */

import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { notFound } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { authorize } from '../policy.ts';
import { isVisible, lockProductOfItem } from '../products/product-access.ts';

export async function removeDependency(ctx: ServiceContext & { id: string }): Promise<void> {
  const at = timestamp(ctx);
  await withTransaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('dependencies')
      .leftJoin('items as blocker', 'blocker.id', 'dependencies.blocker_id')
      .selectAll('dependencies')
      .select('blocker.product_id as blocker_product_id')
      .where('dependencies.id', '=', ctx.id)
      .executeTakeFirst();
    if (!row) throw notFound('dependency');
    // Each side once: the blocked item's product (where the link is stored) and the blocker's.
    const sides = [{ productId: row.product_id, itemId: row.blocked_id }];
    if (row.blocker_product_id && row.blocker_product_id !== row.product_id) {
      sides.push({ productId: row.blocker_product_id, itemId: row.blocker_id });
    }
    let seen = false;
    for (const side of sides) seen ||= await isVisible(trx, ctx.actor, side.productId);
    if (!seen) throw notFound('dependency');
    authorize(ctx.actor, 'write');
    // Both products' write locks, in the one global order addDependency takes them in (so the two cannot
    // deadlock); the stored product's lock also keeps its event ids in commit order.
    sides.sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
    for (const side of sides) await lockProductOfItem(trx, { column: 'id', value: side.itemId });
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
