/** Moves an item just above or below another: only the moved item's rank is written (bar a rare rebalance). */
import { type Item, presentItem } from '../../presenters/planning.ts';
import type { MoveItemInput } from '../../schemas/item.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import { reusableQuery } from '../../store/reusable-query.ts';
import type { ItemRow } from '../../store/tables.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { timestamp } from '../context.ts';
import { notFound } from '../errors.ts';
import { isVisible } from '../products/product-access.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { live, loadLiveItem, lockedItemQuery, parseItemRef } from './load-item.ts';
import {
  foundAnchor,
  type PlacementRead,
  placementColumns,
  placementHolds,
  placementSide,
  rankForPlacement,
  rankOfPlacement,
  rebalanceAround,
} from './placement.ts';
import { writeItemVersioned } from './write-item.ts';

/** The lock statement of a move that reads the placement's ranks too: compiled once per shape. */
function lockedForMove(column: 'id' | 'key', side: 'before' | 'after') {
  return reusableQuery((db, value: string, anchorId: string) =>
    lockedItemQuery(db, column, value).select((eb) =>
      placementColumns(eb, side, eb.ref('items.product_id'), anchorId, eb.ref('items.id')),
    ),
  );
}
const LOCKED_FOR_MOVE = {
  id: { before: lockedForMove('id', 'before'), after: lockedForMove('id', 'after') },
  key: { before: lockedForMove('key', 'before'), after: lockedForMove('key', 'after') },
};

/**
 * Takes the product's write lock from the item's reference and reads the item and the ranks its placement
 * goes between, in one statement (lockLiveItem and rankForPlacement's read in one round trip).
 */
async function lockForMove(
  trx: Db,
  actor: Actor,
  idOrKey: string,
  input: MoveItemInput,
): Promise<{ item: ItemRow; read: PlacementRead }> {
  const ref = parseItemRef(idOrKey);
  if (!ref) throw notFound('item');
  const { side, anchorId } = placementSide(input);
  // The input names exactly one anchor (MoveItemInput), so the side is never the bottom.
  if (side === 'bottom' || anchorId === null) throw new Error('a move names beforeId or afterId');
  const [row] = await LOCKED_FOR_MOVE[ref.column][side](trx, ref.value, anchorId);
  if (!row || !(await isVisible(trx, actor, row.product_id))) throw notFound('item');
  const { cairn_anchor: anchor, cairn_neighbour: neighbour, ...item } = row;
  return { item: live(item), read: { side, anchorId, anchor, neighbour } };
}

export async function moveItem(ctx: ServiceContext & { id: string; input: MoveItemInput }): Promise<Item> {
  const at = timestamp(ctx);
  let locked: { item: ItemRow; read: PlacementRead } | null = null;
  return updateVersioned({
    ...ctx,
    now: at,
    entityType: 'item',
    lockByReference: async (trx) => {
      locked = await lockForMove(trx, ctx.actor, ctx.id, ctx.input);
      return locked.item;
    },
    load: (db) => loadLiveItem(db, ctx.actor, ctx.id),
    present: (_db, row) => presentItem(row),
    describe: (row) => row.key,
    change: async (trx, item) => {
      // The ranks read with the lock serve the row read with them; a row read again (updateVersioned's
      // second round, under the lock) has its placement read again too.
      const read =
        locked !== null && locked.item === item && foundAnchor(locked.read, item.id) ? locked.read : null;
      const { rank, requiresRebalance } =
        read === null
          ? await rankForPlacement(trx, item.product_id, ctx.input, item.id)
          : rankOfPlacement(read);
      // On PostgreSQL the lock statement may have waited for another writer and read what was committed
      // before it did: the write then checks that the ranks it was placed between (and the item's own
      // rank, which a rebalance changes without a new version) are still where they were read.
      const guarded = read !== null && dialectOf(trx) === 'postgres';
      return {
        action: 'moved',
        changes: { rank: [item.rank, rank] },
        recordsEvent: true,
        write: (stamp, event) =>
          writeItemVersioned(
            trx,
            item,
            { rank, ...stamp },
            event,
            guarded
              ? (eb) =>
                  eb.and([eb('rank', '=', item.rank), placementHolds(eb, item.product_id, read, item.id)])
              : undefined,
          ),
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
