/**
 * What other parts read of PRDs: each initiative's current PRD and its success metrics (the source of an
 * initiative's metrics once it has a PRD), and which initiatives have a PRD at all.
 */
import { chunked } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';

/** One success metric of a PRD; each figure is free text, null while unknown. */
export interface SuccessMetric {
  name: string;
  baseline: string | null;
  target: string | null;
  measured: string | null;
}

/** An initiative's current PRD, as initiatives and the executive view show it. */
export interface InitiativePrd {
  prdId: string;
  title: string;
  status: string;
  metrics: SuccessMetric[];
}

/** Initiative ids per `in (…)` list: far below either database's bound-parameter ceiling. */
const IDS_PER_QUERY = 500;

/**
 * Each initiative's current PRD and its metrics (the newest live PRD that is not superseded); an
 * initiative without one is absent from the map.
 */
export async function metricsByInitiative(
  db: Db,
  initiativeIds: readonly string[],
): Promise<Map<string, InitiativePrd>> {
  const found = new Map<string, InitiativePrd>();
  for (const ids of chunked([...new Set(initiativeIds)], IDS_PER_QUERY)) {
    const rows = await db
      .selectFrom('prds')
      .select(['id', 'initiative_id', 'title', 'status', 'success_metrics'])
      .where('initiative_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .where('status', '!=', 'superseded')
      // Newest first: the first row seen for an initiative is its current PRD.
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const row of rows) {
      if (row.initiative_id === null || found.has(row.initiative_id)) continue;
      found.set(row.initiative_id, {
        prdId: row.id,
        title: row.title,
        status: row.status,
        metrics: JSON.parse(row.success_metrics) as SuccessMetric[],
      });
    }
  }
  return found;
}

/** The initiatives of a product that have at least one live (not trashed) PRD, superseded ones included. */
export async function initiativesWithPrd(db: Db, productId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('prds')
    .select('initiative_id')
    .distinct()
    .where('product_id', '=', productId)
    .where('initiative_id', 'is not', null)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.flatMap((row) => (row.initiative_id === null ? [] : [row.initiative_id])));
}

/** An initiative with the metrics it shows, and its current PRD. */
export type WithPrdMetrics<T> = T & { metrics: SuccessMetric[]; prdId: string | null };

/**
 * Initiatives with the metrics they show: their current PRD's, or while they have none their own
 * `successMetrics` as names with unknown figures. One batched query for any number of initiatives.
 */
export async function withPrdMetrics<T extends { id: string; successMetrics: string[] }>(
  db: Db,
  initiatives: readonly T[],
): Promise<WithPrdMetrics<T>[]> {
  const prds = await metricsByInitiative(
    db,
    initiatives.map((i) => i.id),
  );
  return initiatives.map((initiative) => {
    const prd = prds.get(initiative.id);
    return {
      ...initiative,
      metrics:
        prd?.metrics ??
        initiative.successMetrics.map((name) => ({ name, baseline: null, target: null, measured: null })),
      prdId: prd?.prdId ?? null,
    };
  });
}
