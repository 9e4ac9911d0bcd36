/**
 * Moves a release to the trash. In the same transaction every item assigned to it (trashed ones too) is
 * taken out of it, each with its own `updated` event, so no item points at a release no one can see.
 */
import type { Insertable } from 'kysely';
import type { Release } from '../../schemas/release.ts';
import type { EventsTable } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { insertEvents, notifyProductEvents, recordEvent } from '../events/record-event.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { loadRelease, presentWithCounts } from './load-release.ts';

export async function deleteRelease(ctx: ServiceContext & { id: string }): Promise<Release> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const found = await loadRelease(trx, ctx.actor, ctx.id);
    const product = await lockProductForWrite(trx, ctx.actor, found.product_id);
    const current = await loadRelease(trx, ctx.actor, ctx.id);
    if (current.deleted_at) return presentWithCounts(trx, current);

    const released = await trx
      .updateTable('items')
      .set((eb) => ({ release_id: null, version: eb('version', '+', 1), updated_at: at }))
      .where('release_id', '=', current.id)
      .returning('id')
      .execute();
    const itemEvents: Insertable<EventsTable>[] = released.map((item) => ({
      product_id: product.id,
      actor_id: ctx.actor.id,
      at,
      entity_type: 'item',
      entity_id: item.id,
      action: 'updated',
      changes: JSON.stringify({ releaseId: [current.id, null] }),
    }));
    await insertEvents(trx, itemEvents);
    if (itemEvents.length > 0) await notifyProductEvents(trx, product.id);

    const row = await trx
      .updateTable('releases')
      .set({ deleted_at: at, version: current.version + 1, updated_at: at })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'release',
      entityId: current.id,
      action: 'deleted',
      changes: { deletedAt: [null, at] },
    });
    return presentWithCounts(trx, row);
  });
}
