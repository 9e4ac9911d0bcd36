/**
 * The throughput history of a product's forecast: the day each item that is done now last became done,
 * read from the event log (item_replay_events keeps only items that were in a sprint). A LIKE narrows the
 * events and their JSON decides.
 *
 * Each server keeps what it read per product and, on the next report, reads only the events recorded
 * since (item-snapshot.ts explains why a product's events are enough and arrive in order): reading 12
 * weeks of a busy product's log takes a few hundred milliseconds. Bounds: MAX_PRODUCTS products per
 * database; a window starting before the kept one is read again whole; inside a transaction nothing is
 * kept.
 */
import type { PlanningModel } from '../../domain/planning-model.ts';
import type { Db } from '../../store/database.ts';
import { perDatabase, touch } from './per-database.ts';

const MAX_PRODUCTS = 4;

interface Kept {
  /** The product's event cursor read up to. */
  cursor: number;
  /** The earliest event time read. */
  since: string;
  /** Item id → the time of its latest event that made it done (of the events at `since` or later). */
  done: Map<string, string>;
}

const caches = perDatabase(() => new Map<string, Kept>());

/** Adds the done-making events of `product` with ids in (after, upTo] and times from `since` to `done`. */
async function readDone(
  db: Db,
  productId: string,
  range: { after: number; upTo: number; since: string },
  done: Map<string, string>,
): Promise<void> {
  const rows = await db
    .selectFrom('events')
    .select(['entity_id', 'at', 'changes'])
    .where('product_id', '=', productId)
    .where('entity_type', '=', 'item')
    .where('id', '>', range.after)
    .where('id', '<=', range.upTo)
    .where('at', '>=', range.since)
    .where('changes', 'like', '%"status":[%"done"]%')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const status = (JSON.parse(row.changes) as { status?: unknown[] }).status;
    if (status?.[1] === 'done') done.set(row.entity_id, row.at);
  }
}

/**
 * The day each of `model`'s done items last became done, where that was at `since` or later (an ISO day
 * or time), as of the model's event cursor.
 */
export async function completedSince(
  db: Db,
  model: PlanningModel,
  since: string,
): Promise<{ itemId: string; day: string }[]> {
  const products = db.isTransaction ? new Map<string, Kept>() : caches.of(db);
  let kept = products.get(model.productId);
  if (!kept || since < kept.since || kept.cursor > model.asOf) {
    kept = { cursor: 0, since, done: new Map() };
  }
  if (kept.cursor < model.asOf) {
    // A copy, so that a report computing meanwhile from the kept map never sees it half-updated.
    const done = new Map(kept.done);
    await readDone(db, model.productId, { after: kept.cursor, upTo: model.asOf, since: kept.since }, done);
    kept = { cursor: model.asOf, since: kept.since, done };
  }
  touch(products, model.productId, kept, MAX_PRODUCTS);
  const completed: { itemId: string; day: string }[] = [];
  for (const item of model.items) {
    if (item.status !== 'done') continue;
    const at = kept.done.get(item.id);
    if (at !== undefined && at >= since) completed.push({ itemId: item.id, day: at.slice(0, 10) });
  }
  return completed;
}
