/**
 * Computed reports, kept while the plan they were computed from is unchanged. A report depends on the
 * events (the workspace's newest: a blocker in another product counts), on what the reader may see (a blocker in another product is named
 * only to its members), on its parameters and on the day; the key holds all four, so an entry is never
 * served after any of them changes: a change to the plan records an event and moves the cursor on. Each
 * server keeps its own entries (several servers stay stateless: a miss only costs the computation).
 * Identical requests that arrive while one is computing share it.
 */
import type { Db } from '../../store/database.ts';
import type { Actor } from '../context.ts';
import { can } from '../policy.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { perDatabase, touch } from './per-database.ts';

/**
 * Reports kept at most per database; the least recently used goes first. A report of 100,000 items is
 * tens of MB: only the reports of the newest cursor are kept (see `cachedReport`).
 */
const MAX_ENTRIES = 24;

interface Cache {
  entries: Map<string, { cursor: number; report: Promise<unknown> }>;
  /** The newest event cursor a request has read: entries of an older one can no longer be asked for. */
  newest: number;
}

const caches = perDatabase<Cache>(() => ({ entries: new Map(), newest: 0 }));

/**
 * The newest event of the whole workspace, not only the product's: an item of another product that blocks
 * one of this product's items changes its readiness when it is done, and that event is the other product's.
 */
async function newestEvent(db: Db): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/** What the actor may see, as a key: every product, or the products they are a member of. */
async function visibilityKey(db: Db, actor: Actor): Promise<string> {
  // A product-restricted API token sees less than its user: its reports are cached apart.
  const tokenKey = actor.productIds ? `|token:${actor.productIds.join(',')}` : '';
  return (await membershipKey(db, actor)) + tokenKey;
}

async function membershipKey(db: Db, actor: Actor): Promise<string> {
  if (can(actor, 'see_all_products')) return 'all';
  const rows = await db
    .selectFrom('product_members')
    .select('product_id')
    .where('user_id', '=', actor.id)
    .orderBy('product_id')
    .execute();
  return rows.map((row) => row.product_id).join(',');
}

/**
 * The report `name` with `params` for the product, from the cache when the plan has not changed since it
 * was computed, else computed by `compute` (which loads what it needs) and kept. `day` is the date the
 * report is computed for (reports that read the clock change with it).
 */
export async function cachedReport<T>(
  db: Db,
  actor: Actor,
  productRef: string,
  request: { name: string; params?: Record<string, unknown>; day: string },
  compute: () => Promise<T>,
): Promise<T> {
  // In a transaction (a review recording its figures) nothing is shared: the write sees its own state.
  if (db.isTransaction) return compute();
  const product = await loadVisibleProduct(db, actor, productRef);
  const [cursor, visible] = await Promise.all([newestEvent(db), visibilityKey(db, actor)]);
  const key = JSON.stringify([product.id, cursor, visible, request.name, request.params ?? {}, request.day]);
  const cache = caches.of(db);
  const { entries } = cache;
  if (cursor > cache.newest) {
    // Later requests read this cursor or a newer one: the reports of older ones would only hold memory,
    // and a heap full of them slows every garbage collection of the server.
    cache.newest = cursor;
    for (const [old, entry] of entries) if (entry.cursor < cursor) entries.delete(old);
  }
  const held = entries.get(key);
  if (held) {
    touch(entries, key, held, MAX_ENTRIES);
    return held.report as Promise<T>;
  }
  const pending = compute();
  touch(entries, key, { cursor, report: pending }, MAX_ENTRIES);
  // A failure is not kept: the next request tries again.
  pending.catch(() => entries.delete(key));
  return pending;
}

/** Forgets every report (tests that change what a reader may see without an event). */
export function clearReportCache(): void {
  caches.clear();
}
