/**
 * The grooming session's walk down the backlog: the items not started yet (status backlog or ready), in
 * rank order, as they stood when the session began. A snapshot, so an item moved down one place is not met
 * twice and a new part of a split item is met right after it.
 */
import type { ItemStatusT } from '../../api/types.ts';

/** How many items one session walks at most: the top of the backlog, not all of it. */
export const SESSION_LENGTH = 50;

const NOT_STARTED: ReadonlySet<ItemStatusT> = new Set(['backlog', 'ready']);

export interface Walk {
  readonly ids: readonly string[];
  /** The position of the item shown (0 while the walk is empty). */
  readonly at: number;
}

/** The walk over the top `limit` not-started items of `items` (rank order). */
export function startWalk(
  items: Iterable<{ id: string; status: ItemStatusT }>,
  limit = SESSION_LENGTH,
): Walk {
  const ids: string[] = [];
  for (const item of items) {
    if (ids.length >= limit) break;
    if (NOT_STARTED.has(item.status)) ids.push(item.id);
  }
  return { ids, at: 0 };
}

export function currentId(walk: Walk): string | undefined {
  return walk.ids[walk.at];
}

export function isLast(walk: Walk): boolean {
  return walk.at >= walk.ids.length - 1;
}

/** One item on; the last stays the last. */
export function next(walk: Walk): Walk {
  return isLast(walk) ? walk : { ...walk, at: walk.at + 1 };
}

/** One item back; the first stays the first. */
export function previous(walk: Walk): Walk {
  return walk.at <= 0 ? walk : { ...walk, at: walk.at - 1 };
}

/** New items (a split's parts) walked right after `afterId`; ids already in the walk are not added again. */
export function insertAfter(walk: Walk, afterId: string, newIds: readonly string[]): Walk {
  const at = walk.ids.indexOf(afterId);
  const added = newIds.filter((id) => !walk.ids.includes(id));
  if (at < 0 || added.length === 0) return walk;
  const ids = [...walk.ids.slice(0, at + 1), ...added, ...walk.ids.slice(at + 1)];
  return { ids, at: walk.at };
}

/**
 * The item `id` moves below, one place down the live backlog: the next not-started item after it in
 * `order` (rank order). Null at the bottom.
 */
export function oneDownAnchor(
  order: readonly string[],
  id: string,
  statusOf: (id: string) => ItemStatusT | undefined,
): string | null {
  const at = order.indexOf(id);
  if (at < 0) return null;
  for (let other = at + 1; other < order.length; other += 1) {
    const candidate = order[other];
    const status = candidate === undefined ? undefined : statusOf(candidate);
    if (candidate !== undefined && status !== undefined && NOT_STARTED.has(status)) return candidate;
  }
  return null;
}
