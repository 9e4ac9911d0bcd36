/**
 * Keeps each sprint's burndown steps in memory between requests, so a burndown that is asked for again (a
 * board refreshes it after every move) reads only the steps written since, not the sprint's whole
 * history. Exact: a product's event ids are handed out under its write lock, so "every step of the sprint
 * up to event id N" never changes once N is seen, except when an event out of time order has its item's
 * steps computed again; that is noted per sprint (sprint_burndown_refolds) and the sprint is read again.
 *
 * One cache per database handle; at most MAX_CACHED_STEPS steps in all, least recently used dropped.
 */
import { sql } from 'kysely';
import type { BurndownStep } from '../../domain/burndown-steps.ts';
import type { Db } from '../../store/database.ts';
import { loadBurndownSteps, stepsJson, stepsOfJson } from './load-burndown-steps.ts';
import { perDatabase } from './per-database.ts';

interface Entry {
  refold: number;
  lastId: number;
  steps: BurndownStep[];
}

export const MAX_CACHED_STEPS = 100_000;

const cacheOf = perDatabase<Entry>();

function remember(cache: Map<string, Entry>, sprintId: string, entry: Entry): void {
  const current = cache.get(sprintId);
  // A slower request that read less must not replace what a faster one already stored.
  if (current && current.refold === entry.refold && current.lastId > entry.lastId) return;
  cache.delete(sprintId);
  cache.set(sprintId, entry);
  let total = 0;
  for (const cached of cache.values()) total += cached.steps.length;
  for (const [key, cached] of cache) {
    if (total <= MAX_CACHED_STEPS || key === sprintId) break;
    cache.delete(key);
    total -= cached.steps.length;
  }
}

/** Every burndown step of the sprint up to the product's latest event, in id order. */
export async function sprintSteps(
  db: Db,
  sprint: { id: string; productId: string },
): Promise<BurndownStep[]> {
  const cache = cacheOf(db);
  const cached = cache.get(sprint.id);
  const last = sql<number | null>`(select max(id) from events where product_id = ${sprint.productId})`;
  const refoldOf = sql<
    number | null
  >`(select event_id from sprint_burndown_refolds where sprint_id = ${sprint.id})`;
  if (!cached) {
    // Nothing kept (a sprint's first burndown): its steps come in the statement that asks how far the log
    // goes, one round trip.
    const { rows } = await sql<{ refold: number | null; last: number | null; steps: string | null }>`
      select ${refoldOf} as refold, ${last} as last,
        (${stepsJson(db, { sprintId: sprint.id, upToId: last })}) as steps`.execute(db);
    const row = rows[0];
    const steps = stepsOfJson(sprint.id, row?.steps);
    remember(cache, sprint.id, { refold: Number(row?.refold ?? 0), lastId: Number(row?.last ?? 0), steps });
    return steps;
  }
  const { rows } = await sql<{ refold: number | null; last: number | null }>`
    select ${refoldOf} as refold, ${last} as last`.execute(db);
  const refold = Number(rows[0]?.refold ?? 0);
  const lastId = Number(rows[0]?.last ?? 0);
  if (cached.refold === refold && cached.lastId >= lastId) {
    cache.delete(sprint.id);
    cache.set(sprint.id, cached);
    return cached.steps;
  }
  const range = { sprintId: sprint.id, upToId: lastId };
  const steps =
    cached.refold === refold
      ? [...cached.steps, ...(await loadBurndownSteps(db, { ...range, afterId: cached.lastId }))]
      : await loadBurndownSteps(db, range);
  remember(cache, sprint.id, { refold, lastId, steps });
  return steps;
}
