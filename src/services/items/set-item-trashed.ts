/** Moves an item to the trash or restores it to its old place in the order. */
import { type Item, presentItem } from '../../presenters/planning.ts';
import type { ServiceContext } from '../context.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadItem, lockItem } from './load-item.ts';
import { writeItemVersioned } from './write-item.ts';

export async function setItemTrashed(ctx: ServiceContext & { id: string; trashed: boolean }): Promise<Item> {
  return updateVersioned({
    ...ctx,
    entityType: 'item',
    lockByReference: (trx) => lockItem(trx, ctx.actor, ctx.id),
    load: (db) => loadItem(db, ctx.actor, ctx.id),
    present: (_db, row) => presentItem(row),
    describe: (row) => row.key,
    change: async (trx, item, at) => {
      if ((item.deleted_at !== null) === ctx.trashed) return null;
      const deletedAt = ctx.trashed ? at : null;
      return {
        action: ctx.trashed ? 'deleted' : 'restored',
        changes: { deletedAt: [item.deleted_at, deletedAt] },
        recordsEvent: true,
        write: (stamp, event) => writeItemVersioned(trx, item, { deleted_at: deletedAt, ...stamp }, event),
      };
    },
  });
}
