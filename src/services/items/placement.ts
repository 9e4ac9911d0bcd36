/**
 * Where an item goes in its product's total order. Trashed items keep their rank and take part in the
 * order (invisibly), so a restore puts an item back where it was and ranks stay unique across the table.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { planRebalance, type RankResult, rankBetween } from '../../domain/rank.ts';
import type { Db } from '../../store/database.ts';
import { reusableQuery } from '../../store/reusable-query.ts';
import type { Tables } from '../../store/tables.ts';
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

/** Which side of its anchor a placement asks for: the anchor's neighbour is on that side. */
export type PlacementSide = 'bottom' | 'before' | 'after';

/** The side a placement asks for, and its anchor (none for the bottom). */
export function placementSide(placement: Placement): { side: PlacementSide; anchorId: string | null } {
  if (placement.beforeId) return { side: 'before', anchorId: placement.beforeId };
  if (placement.afterId) return { side: 'after', anchorId: placement.afterId };
  return { side: 'bottom', anchorId: null };
}

/**
 * The ranks a placement is worked out from, as columns `cairn_anchor` and `cairn_neighbour` of a
 * statement that reads something else (the lock statement of a move or a create), so the placement costs
 * no round trip of its own. `productId` and `movingId` are expressions of that statement (the item being
 * moved is left out of the order); `anchorId` is the placement's anchor (unused for the bottom). For the
 * bottom, `cairn_anchor` is the product's last rank and `cairn_neighbour` null.
 */
export function placementColumns<DB extends Tables, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  side: PlacementSide,
  productId: Expression<string>,
  anchorId: string,
  movingId?: Expression<string>,
) {
  const inner = eb as unknown as ExpressionBuilder<Tables, never>;
  if (side === 'bottom') {
    let last = inner.selectFrom('items as last').select('last.rank').where('last.product_id', '=', productId);
    if (movingId) last = last.where('last.id', '!=', movingId);
    return [
      last.orderBy('last.rank', 'desc').limit(1).as('cairn_anchor'),
      inner.val<string | null>(null).as('cairn_neighbour'),
    ] as const;
  }
  const anchor = inner
    .selectFrom('items as anchor')
    .select('anchor.rank')
    .where('anchor.id', '=', anchorId)
    .where('anchor.product_id', '=', productId)
    .where('anchor.deleted_at', 'is', null);
  // The anchor's rank as a value of its own, so that the neighbour is one step of the (product_id, rank)
  // index from it (as a join condition the planner walked the product's ranks up to the anchor).
  let next = inner
    .selectFrom('items as next')
    .select('next.rank')
    .where('next.product_id', '=', productId)
    .where('next.rank', side === 'after' ? '>' : '<', anchor);
  if (movingId) next = next.where('next.id', '!=', movingId);
  return [
    anchor.as('cairn_anchor'),
    next
      .orderBy('next.rank', side === 'after' ? 'asc' : 'desc')
      .limit(1)
      .as('cairn_neighbour'),
  ] as const;
}

/** A placement's ranks as read (placementColumns, or rankForPlacement's reads). */
export interface PlacementRead {
  side: PlacementSide;
  anchorId: string | null;
  /** The anchor's rank; for the bottom the product's last rank (null: no item). */
  anchor: string | null;
  /** The anchor's neighbour on the placement's side (null at an end, and for the bottom). */
  neighbour: string | null;
}

/** The rank keys a placement goes between, lower first (null: an open end). */
function boundsOf(read: PlacementRead): [string | null, string | null] {
  if (read.side === 'before') return [read.neighbour, read.anchor];
  return [read.anchor, read.neighbour];
}

/** The rank for a placement read with placementColumns. */
export function rankOfPlacement(read: PlacementRead): RankResult {
  const [lower, upper] = boundsOf(read);
  return rankBetween(lower, upper);
}

/**
 * True in a statement when `read` still holds: the anchor is where it was read, live, and no item other
 * than `movingId` has a rank between the placement's bounds. A write guarded by it cannot take a rank
 * another item has, nor land off its anchor, when `read` came from a statement that waited for the
 * product's lock (on PostgreSQL such a statement reads what was committed before it started waiting).
 */
export function placementHolds<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  productId: string,
  read: PlacementRead,
  movingId?: string,
): Expression<SqlBool> {
  const inner = eb as unknown as ExpressionBuilder<Tables, never>;
  const [lower, upper] = boundsOf(read);
  let between = inner
    .selectFrom('items as other')
    .select('other.id')
    .where('other.product_id', '=', productId);
  if (lower !== null) between = between.where('other.rank', '>', lower);
  if (upper !== null) between = between.where('other.rank', '<', upper);
  if (movingId) between = between.where('other.id', '!=', movingId);
  const empty = inner.not(inner.exists(between));
  if (read.anchorId === null || read.anchor === null) return empty;
  const anchor = inner
    .selectFrom('items as anchor')
    .select('anchor.id')
    .where('anchor.id', '=', read.anchorId)
    .where('anchor.product_id', '=', productId)
    .where('anchor.rank', '=', read.anchor)
    .where('anchor.deleted_at', 'is', null);
  return inner.and([inner.exists(anchor), empty]);
}

/**
 * Checks a placement read by placementColumns: an anchor must be another item than the one moved. False
 * when the anchor was not found: the read may predate the anchor's create (it waited for the lock), so
 * the caller reads again under the lock (rankForPlacement), which answers the 400 if it is really missing.
 */
export function foundAnchor(read: PlacementRead, movingId?: string): boolean {
  if (read.anchorId === null) return true;
  const path = read.side === 'before' ? 'beforeId' : 'afterId';
  if (read.anchorId === movingId) throw invalidField(path, 'must name another item than the one being moved');
  return read.anchor !== null;
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
