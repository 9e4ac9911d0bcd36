/**
 * Reading what baselines and their diffs are made of: a baseline row, a product's live initiatives as a
 * snapshot, and the initiative events between two points of the log — each read bounded by a constant.
 */
import type { Changes } from '../../domain/changes.ts';
import type { BaselineInitiative, InitiativeEvent } from '../../domain/roadmap-diff.ts';
import type { Db } from '../../store/database.ts';
import type { RoadmapBaselinesTable } from '../../store/tables.ts';

export type BaselineRow = RoadmapBaselinesTable;

/** Live initiatives a baseline may hold: past this, a product should split its roadmap. */
export const MAX_BASELINE_INITIATIVES = 2_000;
/** Initiative events a diff or the changelog reads at most (the newest of the window). */
export const MAX_DIFF_EVENTS = 10_000;
/** Baselines a product may hold (live ones). */
export const MAX_BASELINES = 200;

/** The product's live initiatives, as a baseline keeps them (at most MAX_BASELINE_INITIATIVES + 1). */
export async function liveInitiatives(db: Db, productId: string): Promise<BaselineInitiative[]> {
  const rows = await db
    .selectFrom('initiatives')
    .select([
      'id',
      'title',
      'theme_id',
      'horizon',
      'start_date',
      'target_date',
      'confidence',
      'status',
      'visibility',
    ])
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(MAX_BASELINE_INITIATIVES + 1)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    themeId: row.theme_id,
    horizon: row.horizon,
    startDate: row.start_date,
    targetDate: row.target_date,
    confidence: row.confidence,
    status: row.status,
    visibility: row.visibility,
  }));
}

export function snapshotOf(row: BaselineRow): BaselineInitiative[] {
  return JSON.parse(row.snapshot) as BaselineInitiative[];
}

/** The initiative events of the product with id in (after, upTo], oldest first: the newest `max`. */
export async function initiativeEventsBetween(
  db: Db,
  productId: string,
  after: number,
  upTo: number | null,
  max = MAX_DIFF_EVENTS,
): Promise<InitiativeEvent[]> {
  let query = db
    .selectFrom('events')
    .select(['id', 'entity_id', 'at', 'actor_id', 'action', 'changes'])
    .where('product_id', '=', productId)
    .where('entity_type', '=', 'initiative')
    .where('id', '>', after);
  if (upTo !== null) query = query.where('id', '<=', upTo);
  const rows = await query.orderBy('id', 'desc').limit(max).execute();
  rows.reverse();
  return rows.map((row) => ({
    id: Number(row.id),
    entityId: row.entity_id,
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    changes: JSON.parse(row.changes) as Changes,
  }));
}

/** The product's newest live baseline, if any. */
export async function latestBaseline(db: Db, productId: string): Promise<BaselineRow | undefined> {
  return db
    .selectFrom('roadmap_baselines')
    .selectAll()
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .orderBy('as_of', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Whether the product has a live baseline (a change to a committed initiative is then a pivot). */
export async function hasBaseline(db: Db, productId: string): Promise<boolean> {
  const row = await db
    .selectFrom('roadmap_baselines')
    .select('id')
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The product's baselines in the trash, most recently deleted first (at most `limit`). */
export async function trashedBaselines(db: Db, productId: string, limit: number): Promise<BaselineRow[]> {
  return db
    .selectFrom('roadmap_baselines')
    .selectAll()
    .where('product_id', '=', productId)
    .where('deleted_at', 'is not', null)
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
