/** Moves an item just above or below another: only the moved item's rank is written (bar a rare rebalance). */
import { type Item, presentItem } from '../../presenters/planning.ts';
import type { MoveItemInput } from '../../schemas/item.ts';
import type { ServiceContext } from '../context.ts';
import { timestamp } from '../context.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadLiveItem, lockLiveItem } from './load-item.ts';
import { rankForPlacement, rebalanceAround } from './placement.ts';
import { writeItemVersioned } from './write-item.ts';

export async function moveItem(ctx: ServiceContext & { id: string; input: MoveItemInput }): Promise<Item> {
  const at = timestamp(ctx);
  return updateVersioned({
    ...ctx,
    now: at,
    entityType: 'item',
    lockByReference: (trx) => lockLiveItem(trx, ctx.actor, ctx.id),
    load: (db) => loadLiveItem(db, ctx.actor, ctx.id),
    present: (_db, row) => presentItem(row),
    describe: (row) => row.key,
    change: async (trx, item) => {
      const { rank, requiresRebalance } = await rankForPlacement(trx, item.product_id, ctx.input, item.id);
      return {
        action: 'moved',
        changes: { rank: [item.rank, rank] },
        recordsEvent: true,
        write: (stamp, event) => writeItemVersioned(trx, item, { rank, ...stamp }, event),
        // The rebalance records events of its own, after the move's.
        after: async (moved) => {
          if (!requiresRebalance) return moved;
          await rebalanceAround(trx, item.product_id, rank, ctx.actor.id, at);
          return trx.selectFrom('items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
        },
      };
    },
  });
}
