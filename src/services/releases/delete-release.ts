/**
 * Moves a release to the trash. In the same transaction every item assigned to it (trashed ones too) is
 * taken out of it, each with its own `updated` event, so no item points at a release no one can see.
 */
import type { Insertable } from 'kysely';
import type { Release } from '../../schemas/release.ts';
import type { EventsTable } from '../../store/tables.ts';
import type { ServiceContext } from '../context.ts';
import { insertEvents, notifyProductEvents } from '../events/record-event.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadRelease, presentWithCounts } from './load-release.ts';

export async function deleteRelease(ctx: ServiceContext & { id: string }): Promise<Release> {
  return updateVersioned({
    ...ctx,
    entityType: 'release',
    load: (db) => loadRelease(db, ctx.actor, ctx.id),
    present: presentWithCounts,
    describe: (row) => `release ${row.name}`,
    change: async (trx, current, at) => {
      if (current.deleted_at) return null;
      return {
        action: 'deleted',
        changes: { deletedAt: [null, at] },
        write: async (stamp) => {
          const released = await trx
            .updateTable('items')
            .set((eb) => ({ release_id: null, version: eb('version', '+', 1), updated_at: at }))
            .where('release_id', '=', current.id)
            .returning('id')
            .execute();
          const itemEvents: Insertable<EventsTable>[] = released.map((item) => ({
            product_id: current.product_id,
            actor_id: ctx.actor.id,
            at,
            entity_type: 'item',
            entity_id: item.id,
            action: 'updated',
            changes: JSON.stringify({ releaseId: [current.id, null] }),
          }));
          await insertEvents(trx, itemEvents);
          if (itemEvents.length > 0) await notifyProductEvents(trx, current.product_id);
          return trx
            .updateTable('releases')
            .set({ deleted_at: at, ...stamp })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst();
        },
      };
    },
  });
}
