/**
 * Keeps each sprint's replayed item events in memory between requests, so a burndown that is asked for
 * again (a board refreshes it after every move) reads only the events written since, not the sprint's
 * whole history. Always exact: the event log only grows, and a product's event ids are handed out under
 * its write lock, so "every item event of the sprint with an id up to N" never changes once N is seen.
 * A change in the sprint's set of items (one joined) reloads the sprint from the log.
 *
 * One cache per database handle; at most MAX_CACHED_EVENTS events in all, least recently used dropped.
 */
import { sql } from 'kysely';
import type { ItemEvent } from '../../domain/item-replay.ts';
import type { Db } from '../../store/database.ts';
import { loadBurndownEvents } from './load-burndown-events.ts';
import { perDatabase } from './per-database.ts';

interface Entry {
  scopeCount: number;
  lastId: number;
  events: ItemEvent[];
}

export const MAX_CACHED_EVENTS = 100_000;

const cacheOf = perDatabase<Entry>();

function remember(cache: Map<string, Entry>, sprintId: string, entry: Entry): void {
  const current = cache.get(sprintId);
  // A slower request that read less must not replace what a faster one already stored.
  if (current && current.scopeCount === entry.scopeCount && current.lastId > entry.lastId) return;
  cache.delete(sprintId);
  cache.set(sprintId, entry);
  let total = 0;
  for (const cached of cache.values()) total += cached.events.length;
  for (const [key, cached] of cache) {
    if (total <= MAX_CACHED_EVENTS || key === sprintId) break;
    cache.delete(key);
    total -= cached.events.length;
  }
}

/** Every replayed event of the sprint's items up to the product's latest event, in id order. */
export async function sprintEvents(db: Db, sprint: { id: string; productId: string }): Promise<ItemEvent[]> {
  const { rows } = await sql<{ scope: number; last: number | null }>`
    select (select count(*) from sprint_scope_items where sprint_id = ${sprint.id}) as scope,
      (select max(id) from events where product_id = ${sprint.productId}) as last`.execute(db);
  const scopeCount = Number(rows[0]?.scope ?? 0);
  const lastId = Number(rows[0]?.last ?? 0);
  const cache = cacheOf(db);
  const cached = cache.get(sprint.id);
  if (cached && cached.scopeCount === scopeCount && cached.lastId >= lastId) {
    cache.delete(sprint.id);
    cache.set(sprint.id, cached);
    return cached.events;
  }
  const range = { sprintId: sprint.id, upToId: lastId };
  const events =
    cached && cached.scopeCount === scopeCount
      ? [...cached.events, ...(await loadBurndownEvents(db, { ...range, afterId: cached.lastId }))]
      : await loadBurndownEvents(db, range);
  remember(cache, sprint.id, { scopeCount, lastId, events });
  return events;
}
