/**
 * Moves items out of a sprint: into another sprint, out to the backlog where they are, or out to the top
 * of the backlog. Each moved item gets its version bumped and one 'updated' event (sprintId, and rank when
 * it moved in the order), so burndowns and history replay the move.
 */
import type { Changes } from '../../domain/changes.ts';
import type { Db } from '../../store/database.ts';
import type { ItemRow } from '../../store/tables.ts';
import { recordEvent } from '../events/record-event.ts';
import { rankForPlacement, rebalanceAround } from '../items/placement.ts';
import { noteSprintScope } from '../items/validate-item-references.ts';

export interface MoveContext {
  productId: string;
  fromSprintId: string;
  actorId: string;
  at: string;
}

async function recordMove(db: Db, move: MoveContext, itemId: string, changes: Changes): Promise<void> {
  await recordEvent(db, {
    productId: move.productId,
    actorId: move.actorId,
    at: move.at,
    entityType: 'item',
    entityId: itemId,
    action: 'updated',
    changes,
  });
}

/** Sets the items' sprint (null: back to the backlog, keeping their place in the order). */
export async function moveItemsToSprint(
  db: Db,
  move: MoveContext,
  items: readonly Pick<ItemRow, 'id'>[],
  toSprintId: string | null,
): Promise<void> {
  if (items.length === 0) return;
  const ids = items.map((item) => item.id);
  await db
    .updateTable('items')
    .set((eb) => ({ sprint_id: toSprintId, version: eb('version', '+', 1), updated_at: move.at }))
    .where('id', 'in', ids)
    .execute();
  await noteSprintScope(db, toSprintId, ids);
  for (const id of ids) await recordMove(db, move, id, { sprintId: [move.fromSprintId, toSprintId] });
}

/**
 * Takes the items out of their sprint and places them at the top of the backlog, above the first live
 * item that is not one of them, keeping their order among themselves. `items` must be in rank order.
 * They are placed from the last up, each just above the one placed before, with the backlog's own
 * placement (so ranks stay unique and short, rebalancing when one grows long).
 */
export async function moveItemsToBacklogTop(
  db: Db,
  move: MoveContext,
  items: readonly Pick<ItemRow, 'id' | 'rank'>[],
): Promise<void> {
  if (items.length === 0) return;
  const moving = items.map((item) => item.id);
  const firstOther = await db
    .selectFrom('items')
    .select('id')
    .where('product_id', '=', move.productId)
    .where('deleted_at', 'is', null)
    .where('id', 'not in', moving)
    .orderBy('rank')
    .limit(1)
    .executeTakeFirst();
  let above = firstOther?.id;
  for (const item of [...items].reverse()) {
    // The item's rank as it is now: a rebalance after an earlier placement may have rewritten it.
    const current = await db
      .selectFrom('items')
      .select('rank')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    const { rank, requiresRebalance } = await rankForPlacement(
      db,
      move.productId,
      above === undefined ? {} : { beforeId: above },
      item.id,
    );
    await db
      .updateTable('items')
      .set((eb) => ({ sprint_id: null, rank, version: eb('version', '+', 1), updated_at: move.at }))
      .where('id', '=', item.id)
      .execute();
    await recordMove(db, move, item.id, { sprintId: [move.fromSprintId, null], rank: [current.rank, rank] });
    if (requiresRebalance) await rebalanceAround(db, move.productId, rank, move.actorId, move.at);
    above = item.id;
  }
}
