/**
 * Positions among a bounded list of siblings (activities, a step's stories, slices) as rank keys: the
 * new rank goes between the neighbours at the position asked for; when keys grow too long the whole
 * list (bounded by the map's limits) is given fresh, evenly spread keys.
 */
import { rankBetween, spreadRanks } from '../../domain/rank.ts';

export interface Ranked {
  id: string;
  rank: string;
}

/** What to write: the rank of each sibling that changes (the placed one, or all of them on a rebalance). */
export type RankWrites = Ranked[];

/**
 * The ranks that put `id` at `position` among `siblings` (sorted by rank; `id` may be among them and is
 * then moved). Null when it is already there.
 */
export function rankAt(
  siblings: readonly Ranked[],
  id: string,
  position: number | undefined,
): RankWrites | null {
  const others = siblings.filter((sibling) => sibling.id !== id);
  const index = Math.min(position ?? others.length, others.length);
  const currentIndex = siblings.findIndex((sibling) => sibling.id === id);
  if (currentIndex >= 0 && currentIndex === index) return null;
  const { rank, requiresRebalance } = rankBetween(
    others[index - 1]?.rank ?? null,
    others[index]?.rank ?? null,
  );
  if (!requiresRebalance) return [{ id, rank }];
  const order = [...others.slice(0, index).map((s) => s.id), id, ...others.slice(index).map((s) => s.id)];
  const ranks = spreadRanks(null, null, order.length);
  return order.map((sibling, i) => ({ id: sibling, rank: ranks[i] ?? '' }));
}

/** The position `id` holds among `siblings` (sorted), or -1. */
export function positionOf(siblings: readonly Ranked[], id: string): number {
  return siblings.findIndex((sibling) => sibling.id === id);
}
