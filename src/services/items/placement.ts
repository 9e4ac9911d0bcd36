/**
 * Where an item goes in its product's total order. Trashed items keep their rank and take part in the
 * order (invisibly), so a restore puts an item back where it was and ranks stay unique across the table.
 */
import { planRebalance, rankBetween } from '../../domain/rank.ts';
import type { Db } from '../../store/database.ts';
import { reusableQuery } from '../../store/reusable-query.ts';
import { invalidField } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';

export interface Placement {
  beforeId?: string | undefined;
  afterId?: string | undefined;
}

/**
 * The rank of the live item `id` of the product and of its neighbour on `side` in the order (null at an
 * end), `movingId` left out — one query, one round trip.
 */
async function anchorAndNeighbour(
  db: Db,
  productId: string,
  id: string,
  path: string,
  side: 'below' | 'above',
  movingId?: string,
): Promise<{ anchor: string; neighbour: string | null }> {
  if (id === movingId) throw invalidField(path, 'must name another item than the one being moved');
  const row = await db
    .selectFrom('items as anchor')
    .select((eb) => {
      let next = eb
        .selectFrom('items')
        .select('items.rank')
        .where('items.product_id', '=', productId)
        .whereRef('items.rank', side === 'below' ? '>' : '<', 'anchor.rank');
      if (movingId) next = next.where('items.id', '!=', movingId);
      return [
        'anchor.rank',
        next
          .orderBy('items.rank', side === 'below' ? 'asc' : 'desc')
          .limit(1)
          .as('neighbour'),
      ];
    })
    .where('anchor.id', '=', id)
    .where('anchor.product_id', '=', productId)
    .where('anchor.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw invalidField(path, 'does not name a live item of this product');
  return { anchor: row.rank, neighbour: row.neighbour ?? null };
}

/** The product's last rank, where a new item goes by default: compiled once (every create asks it). */
const lastRankOf = reusableQuery((db, productId: string) =>
  db.selectFrom('items').select('rank').where('product_id', '=', productId).orderBy('rank', 'desc').limit(1),
);

async function lastRank(db: Db, productId: string, exceptId?: string): Promise<string | null> {
  if (!exceptId) return (await lastRankOf(db, productId))[0]?.rank ?? null;
  const row = await db
    .selectFrom('items')
    .select('rank')
    .where('product_id', '=', productId)
    .where('id', '!=', exceptId)
    .orderBy('rank', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.rank ?? null;
}

/** The rank for an item placed as asked (default: the bottom), excluding `movingId` from the order. */
export async function rankForPlacement(
  db: Db,
  productId: string,
  placement: Placement,
  movingId?: string,
): Promise<{ rank: string; requiresRebalance: boolean }> {
  if (placement.beforeId) {
    const { anchor, neighbour } = await anchorAndNeighbour(
      db,
      productId,
      placement.beforeId,
      'beforeId',
      'above',
      movingId,
    );
    return rankBetween(neighbour, anchor);
  }
  if (placement.afterId) {
    const { anchor, neighbour } = await anchorAndNeighbour(
      db,
      productId,
      placement.afterId,
      'afterId',
      'below',
      movingId,
    );
    return rankBetween(anchor, neighbour);
  }
  return rankBetween(await lastRank(db, productId, movingId), null);
}

/** How many neighbours on each side a rebalance reads before falling back to the whole product. */
const REBALANCE_REACH = 512;

async function ranksAround(db: Db, productId: string, rank: string, limit: number | undefined) {
  const side = (direction: 'below' | 'above') => {
    let query = db
      .selectFrom('items')
      .select(['id', 'rank'])
      .where('product_id', '=', productId)
      .where('rank', direction === 'below' ? '<' : '>', rank)
      .orderBy('rank', direction === 'below' ? 'desc' : 'asc');
    if (limit !== undefined) query = query.limit(limit);
    return query.execute();
  };
  // One after another: inside a transaction they share one connection anyway.
  const below = await side('below');
  const above = await side('above');
  const self = await db
    .selectFrom('items')
    .select(['id', 'rank'])
    .where('product_id', '=', productId)
    .where('rank', '=', rank)
    .execute();
  return {
    rows: [...below.reverse(), ...self, ...above],
    index: below.length,
    truncatedBelow: limit !== undefined && below.length === limit,
    truncatedAbove: limit !== undefined && above.length === limit,
  };
}

/**
 * Respaces the ranks around one that grew long. Only a small window of neighbours is read and rewritten
 * (the whole product only when the window would reach past what was read); each rewritten rank is
 * recorded as an event so any past order can be replayed.
 */
export async function rebalanceAround(
  db: Db,
  productId: string,
  rank: string,
  actorId: string | null,
  at: string,
): Promise<void> {
  let around = await ranksAround(db, productId, rank, REBALANCE_REACH);
  let plan = planRebalance(
    around.rows.map((r) => r.rank),
    around.index,
  );
  // The plan treats the ends of what it was given as open; that is only true at the product's real ends.
  if (
    (plan.start === 0 && around.truncatedBelow) ||
    (plan.end === around.rows.length && around.truncatedAbove)
  ) {
    around = await ranksAround(db, productId, rank, undefined);
    plan = planRebalance(
      around.rows.map((r) => r.rank),
      around.index,
    );
  }
  const window = around.rows.slice(plan.start, plan.end);
  // Two steps, because the unique (product_id, rank) index is checked row by row: park the window on
  // placeholder ranks that sort after every real key ('~' > base-62), then write the final keys.
  for (const row of window) {
    await db
      .updateTable('items')
      .set({ rank: `~${row.id}` })
      .where('id', '=', row.id)
      .execute();
  }
  for (const [i, row] of window.entries()) {
    const next = plan.ranks[i]!;
    await db.updateTable('items').set({ rank: next }).where('id', '=', row.id).execute();
    if (next !== row.rank) {
      await recordEvent(db, {
        productId,
        actorId,
        at,
        entityType: 'item',
        entityId: row.id,
        action: 'rebalanced',
        changes: { rank: [row.rank, next] },
      });
    }
  }
}
