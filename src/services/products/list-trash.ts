/** What a product has in its trash, most recently deleted first, so it can be found and restored. */

import type { Selectable } from 'kysely';
import {
  type Initiative,
  type Item,
  type Objective,
  presentInitiative,
  presentItem,
  presentObjective,
  presentTheme,
  type Theme,
} from '../../presenters/planning.ts';
import type { Db } from '../../store/database.ts';
import type { Tables } from '../../store/tables.ts';
import { trashedBaselines } from '../baselines/baseline-rows.ts';
import { type BaselineSummary, presentBaselineSummary } from '../baselines/baselines.ts';
import type { ServiceContext } from '../context.ts';
import { type WithPrdMetrics, withPrdMetrics } from '../prds/initiative-metrics.ts';
import { loadVisibleProduct } from './product-access.ts';
import { listTrashedArtifacts, type TrashedArtifacts } from './trashed-artifacts.ts';

export interface Trash extends TrashedArtifacts {
  items: Item[];
  initiatives: WithPrdMetrics<Initiative>[];
  objectives: Objective[];
  themes: Theme[];
  roadmapBaselines: BaselineSummary[];
}

type TrashableTable = 'items' | 'initiatives' | 'objectives' | 'themes';

/**
 * The trashed rows of one table, newest first. Kysely cannot type a query over a union of tables, so the
 * builder is typed as `items` for the shared columns it filters on (product_id, deleted_at, id — present in
 * all four); `selectAll` on table T returns T's rows, which is what the result is declared as.
 */
function trashedRows<T extends TrashableTable>(
  db: Db,
  table: T,
  productId: string,
  limit: number,
): Promise<Selectable<Tables[T]>[]> {
  return db
    .selectFrom(table as 'items')
    .selectAll()
    .where('product_id', '=', productId)
    .where('deleted_at', 'is not', null)
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute() as Promise<Selectable<Tables[T]>[]>;
}

/** At most `limit` of each kind. Initiatives list their objective links as they were (kept while trashed). */
export async function listTrash(ctx: ServiceContext & { productId: string; limit: number }): Promise<Trash> {
  const { db, productId, limit } = ctx;
  await loadVisibleProduct(db, ctx.actor, productId);
  const items = await trashedRows(db, 'items', productId, limit);
  const initiatives = await trashedRows(db, 'initiatives', productId, limit);
  const objectives = await trashedRows(db, 'objectives', productId, limit);
  const themes = await trashedRows(db, 'themes', productId, limit);
  const baselines = await trashedBaselines(db, productId, limit);
  const links = initiatives.length
    ? await db
        .selectFrom('initiative_objectives')
        .selectAll()
        .where(
          'initiative_id',
          'in',
          initiatives.map((i) => i.id),
        )
        .orderBy('objective_id')
        .execute()
    : [];
  return {
    items: items.map(presentItem),
    initiatives: await withPrdMetrics(
      db,
      initiatives.map((row) =>
        presentInitiative(
          row,
          links.filter((l) => l.initiative_id === row.id).map((l) => l.objective_id),
        ),
      ),
    ),
    objectives: objectives.map(presentObjective),
    themes: themes.map(presentTheme),
    roadmapBaselines: baselines.map(presentBaselineSummary),
    ...(await listTrashedArtifacts(db, productId, limit)),
  };
}
