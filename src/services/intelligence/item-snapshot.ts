/**
 * A product's live items and dependency links, as the analyses read them (load-planning-model.ts), kept by
 * each server between requests and brought up to date from the product's events. Reading 100,000 items
 * takes most of a second; after an edit, a report reads only the items the new events name.
 *
 * Why the events are enough: every write to an item records an event of the item's product in the same
 * transaction (edits, moves, rebalanced ranks, trash, merges, releases deleted), and every dependency that
 * blocks one of the product's items records one of that product; writes to one product hold its lock, so
 * its event ids appear in commit order, and an event this reader has not seen has a higher id than every
 * one it has. What other products' events change (a blocker in another product done or trashed) is read
 * again on each request: see `foreignBlockers` in load-planning-model.ts.
 *
 * Bounds: MAX_PRODUCTS snapshots per database (the least recently used goes), and a snapshot more than
 * MAX_EVENTS events behind is read again whole. Inside a transaction nothing is kept: it reads its own
 * writes, which may yet roll back.
 */
import type { StoryParts } from '../../domain/definition-of-ready.ts';
import type { ModelDependency, ModelItem } from '../../domain/planning-model.ts';
import { compareRanks } from '../../domain/rank.ts';
import { chunked } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import { perDatabase, touch } from './per-database.ts';

/** Products kept per database: a snapshot of 100,000 items with their texts is about 100 MB. */
const MAX_PRODUCTS = 4;
/** Events read to bring a snapshot up to date; past this many, it is read again whole. */
const MAX_EVENTS = 2_000;
/** Item ids per `in (…)` read. */
export const IDS_PER_READ = 500;

/** A link from an item of another product to one of this product's items. */
export interface ForeignLink {
  /** This product's blocked item. */
  itemId: string;
  blockerId: string;
}

export interface ItemSnapshot {
  /** The product's event cursor the snapshot reflects at least. */
  cursor: number;
  /** Live items in rank order. Frozen: shared by every report computed from the snapshot. */
  items: readonly ModelItem[];
  /** Each item's index in `items`: made when the order changes, kept otherwise. */
  positions: ReadonlyMap<string, number>;
  /** Between two live items of the product. */
  dependencies: readonly ModelDependency[];
  foreign: readonly ForeignLink[];
}

interface Kept {
  snapshot: ItemSnapshot;
  /** The refresh under way, which requests arriving meanwhile wait for. */
  pending: Promise<ItemSnapshot> | null;
}

const caches = perDatabase(() => new Map<string, Kept>());
/** What a product's first refresh starts from: behind every cursor. */
const EMPTY: ItemSnapshot = { cursor: -1, items: [], positions: new Map(), dependencies: [], foreign: [] };

const positionsOf = (items: readonly ModelItem[]) => new Map(items.map((item, index) => [item.id, index]));

const ITEM_COLUMNS = [
  'id',
  'key',
  'type',
  'title',
  'status',
  'estimate',
  'acceptance_criteria',
  'story',
  'description',
  'initiative_id',
  'sprint_id',
  'release_id',
  'assignee_id',
  'labels',
  'rank',
  'created_at',
  'updated_at',
] as const;

function countCriteria(json: string): number {
  if (json === '[]') return 0;
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.length : 0;
}

type ItemRow = Awaited<ReturnType<typeof readItems>>[number];

function modelItem(row: ItemRow): ModelItem {
  return Object.freeze({
    id: row.id,
    key: row.key,
    type: row.type,
    title: row.title,
    status: row.status,
    estimate: row.estimate,
    criteriaTotal: countCriteria(row.acceptance_criteria),
    story: row.story === null ? null : Object.freeze(JSON.parse(row.story) as StoryParts),
    description: row.description,
    initiativeId: row.initiative_id,
    sprintId: row.sprint_id,
    releaseId: row.release_id,
    assigneeId: row.assignee_id,
    labels: row.labels === '[]' ? [] : Object.freeze(JSON.parse(row.labels) as string[]),
    rank: row.rank,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

function readItems(db: Db, scope: { productId: string } | { ids: readonly string[] }) {
  const query = db.selectFrom('items').select([...ITEM_COLUMNS, 'product_id', 'deleted_at']);
  return 'ids' in scope
    ? query.where('id', 'in', scope.ids).execute()
    : query
        .where('product_id', '=', scope.productId)
        .where('deleted_at', 'is', null)
        .orderBy('rank')
        .execute();
}

/** The links that block the product's live items, from its own live items or from other products'. */
async function readLinks(db: Db, productId: string) {
  const rows = await db
    .selectFrom('dependencies')
    .innerJoin('items as blocker', 'blocker.id', 'dependencies.blocker_id')
    .innerJoin('items as blocked', 'blocked.id', 'dependencies.blocked_id')
    .select([
      'dependencies.blocker_id',
      'dependencies.blocked_id',
      'dependencies.kind',
      'blocker.product_id as blocker_product',
      'blocker.deleted_at as blocker_deleted',
    ])
    .where('blocked.product_id', '=', productId)
    .where('blocked.deleted_at', 'is', null)
    .execute();
  const dependencies: ModelDependency[] = [];
  const foreign: ForeignLink[] = [];
  for (const row of rows) {
    if (row.blocker_product !== productId)
      foreign.push({ itemId: row.blocked_id, blockerId: row.blocker_id });
    // A trashed item is out of the plan: its links no longer order anything.
    else if (row.blocker_deleted === null) {
      dependencies.push(Object.freeze({ from: row.blocker_id, to: row.blocked_id, kind: row.kind }));
    }
  }
  return { dependencies: Object.freeze(dependencies), foreign: Object.freeze(foreign) };
}

async function readWhole(db: Db, productId: string, cursor: number): Promise<ItemSnapshot> {
  const [rows, links] = await Promise.all([readItems(db, { productId }), readLinks(db, productId)]);
  const items = Object.freeze(rows.map(modelItem));
  return { cursor, items, positions: positionsOf(items), ...links };
}

/**
 * `snapshot` brought up to `cursor`: the items the events since name read again, the links too when a
 * dependency changed or an item came or went. Null when too many events passed.
 */
async function refreshed(
  db: Db,
  productId: string,
  snapshot: ItemSnapshot,
  cursor: number,
): Promise<ItemSnapshot | null> {
  const events = await db
    .selectFrom('events')
    .select(['entity_type', 'entity_id'])
    .where('product_id', '=', productId)
    .where('id', '>', snapshot.cursor)
    .where('id', '<=', cursor)
    .limit(MAX_EVENTS + 1)
    .execute();
  if (events.length > MAX_EVENTS) return null;
  const named = [...new Set(events.filter((e) => e.entity_type === 'item').map((e) => e.entity_id))];
  const rows = new Map<string, ItemRow>();
  for (const ids of chunked(named, IDS_PER_READ)) {
    for (const row of await readItems(db, { ids })) rows.set(row.id, row);
  }
  const position = snapshot.positions;
  let items = [...snapshot.items];
  let reorder = false;
  let cameOrWent = false;
  const gone = new Set<string>();
  for (const id of named) {
    const row = rows.get(id);
    const at = position.get(id);
    const live = row !== undefined && row.deleted_at === null && row.product_id === productId;
    if (!live) {
      if (at !== undefined) gone.add(id);
      continue;
    }
    const item = modelItem(row);
    if (at === undefined) {
      items.push(item);
      cameOrWent = true;
    } else {
      if (items[at]!.rank !== item.rank) reorder = true;
      items[at] = item;
    }
  }
  if (gone.size > 0) {
    items = items.filter((item) => !gone.has(item.id));
    cameOrWent = true;
  }
  if (reorder || cameOrWent) items.sort((a, b) => compareRanks(a.rank, b.rank));
  const links =
    cameOrWent || events.some((e) => e.entity_type === 'dependency')
      ? await readLinks(db, productId)
      : snapshot;
  return {
    cursor,
    items: Object.freeze(items),
    positions: reorder || cameOrWent ? positionsOf(items) : snapshot.positions,
    dependencies: links.dependencies,
    foreign: links.foreign,
  };
}

/**
 * The product's items and links as of its event `cursor` (lastEventId, read by the caller before
 * anything else) or later.
 */
export async function itemSnapshot(db: Db, productId: string, cursor: number): Promise<ItemSnapshot> {
  if (db.isTransaction) return readWhole(db, productId, cursor);
  const products = caches.of(db);
  // Requests arriving during a refresh wait for it: it may well cover their cursor. A few rounds at most,
  // however busy the product: then this request refreshes on its own.
  for (let round = 0; round < 3; round++) {
    const pending = products.get(productId)?.pending;
    if (!pending) break;
    await pending.catch(() => undefined);
  }
  const kept = products.get(productId);
  if (kept && kept.snapshot.cursor >= cursor) {
    touch(products, productId, kept, MAX_PRODUCTS);
    return kept.snapshot;
  }
  const from = kept && kept.snapshot !== EMPTY ? kept.snapshot : undefined;
  const pending = (async () =>
    (from && (await refreshed(db, productId, from, cursor))) ?? readWhole(db, productId, cursor))();
  const entry: Kept = { snapshot: from ?? EMPTY, pending };
  touch(products, productId, entry, MAX_PRODUCTS);
  try {
    entry.snapshot = await pending;
    return entry.snapshot;
  } catch (error) {
    if (products.get(productId) === entry) products.delete(productId);
    throw error;
  } finally {
    entry.pending = null;
  }
}

/** Forgets every snapshot (benchmarks timing the whole read; tests writing behind the services' back). */
export function clearItemSnapshots(): void {
  caches.clear();
}
