/**
 * Loads one product's plan for the analyses (domain/planning-model.ts): its live items, dependencies,
 * external dependencies, initiatives, themes, objectives, teams, sprints and releases. The event cursor is
 * read first, so `asOf` never claims more than the rest reflects. The items and their links come from the
 * server's snapshot of the product (item-snapshot.ts), the rest is read each time. Blockers in products
 * the reader may not see come without anything that identifies them.
 */

import type { ModelForeignBlocker, PlanningModel } from '../../domain/planning-model.ts';
import { chunked } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import type { Actor } from '../context.ts';
import { lastEventId } from '../events/event-cursor.ts';
import { loadVisibleProduct, productVisibility } from '../products/product-access.ts';
import { type ForeignLink, IDS_PER_READ, itemSnapshot } from './item-snapshot.ts';

/**
 * The items of other products that block this product's: read on every request, as their changes are
 * their products' events (item-snapshot.ts follows only this product's).
 */
async function foreignBlockers(
  db: Db,
  links: readonly ForeignLink[],
  canSee: (productId: string) => boolean,
): Promise<ModelForeignBlocker[]> {
  if (links.length === 0) return [];
  const ids = [...new Set(links.map((link) => link.blockerId))];
  const rows = new Map<
    string,
    {
      id: string;
      key: string;
      title: string;
      status: ModelForeignBlocker['status'];
      product_id: string;
      deleted_at: string | null;
    }
  >();
  for (const slice of chunked(ids, IDS_PER_READ)) {
    const found = await db
      .selectFrom('items')
      .select(['id', 'key', 'title', 'status', 'product_id', 'deleted_at'])
      .where('id', 'in', slice)
      .execute();
    for (const row of found) rows.set(row.id, row);
  }
  return links.flatMap((link) => {
    const row = rows.get(link.blockerId);
    if (!row) return [];
    return [
      {
        itemId: link.itemId,
        blocker: canSee(row.product_id) ? { id: row.id, key: row.key, title: row.title } : null,
        status: row.status,
        deleted: row.deleted_at !== null,
      },
    ];
  });
}

/** The product (by id or key) as the actor may see it, with everything the analyses read. */
export async function loadPlanningModel(db: Db, actor: Actor, productRef: string): Promise<PlanningModel> {
  const product = await loadVisibleProduct(db, actor, productRef);
  const productId = product.id;
  const asOf = await lastEventId(db, productId);
  const [snapshot, externalRows, initiativeRows, links, themes, objectives, teams] = await Promise.all([
    itemSnapshot(db, productId, asOf),
    // A cross join keeps SQLite's loop on the (small) table of externals, each finding its item by key:
    // joined the other way round, it walks the product's every item.
    db
      .selectFrom('external_dependencies')
      .crossJoin('items')
      .whereRef('items.id', '=', 'external_dependencies.item_id')
      .select([
        'external_dependencies.id',
        'external_dependencies.item_id',
        'external_dependencies.title',
        'external_dependencies.owner',
        'external_dependencies.expected_date',
        'external_dependencies.met',
      ])
      .where('items.product_id', '=', productId)
      .where('items.deleted_at', 'is', null)
      .orderBy('external_dependencies.created_at')
      .orderBy('external_dependencies.id')
      .execute(),
    db
      .selectFrom('initiatives')
      .select(['id', 'title', 'theme_id', 'horizon', 'status', 'confidence', 'start_date', 'target_date'])
      .where('product_id', '=', productId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('initiative_objectives')
      .innerJoin('initiatives', 'initiatives.id', 'initiative_objectives.initiative_id')
      .select(['initiative_objectives.initiative_id', 'initiative_objectives.objective_id'])
      .where('initiatives.product_id', '=', productId)
      .execute(),
    db
      .selectFrom('themes')
      .select(['id', 'name'])
      .where('product_id', '=', productId)
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('objectives')
      .select(['id', 'title'])
      .where('product_id', '=', productId)
      .where('deleted_at', 'is', null)
      .orderBy('title')
      .execute(),
    db
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('product_id', '=', productId)
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
  ]);
  const [sprints, releases, canSee] = await Promise.all([
    db
      .selectFrom('sprints')
      .select([
        'id',
        'name',
        'team_id',
        'state',
        'start_date',
        'end_date',
        'capacity',
        'completed_points',
        'closed_at',
      ])
      .where('product_id', '=', productId)
      .where('deleted_at', 'is', null)
      .orderBy('start_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('releases')
      .select(['id', 'name', 'target_date', 'state'])
      .where('product_id', '=', productId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    productVisibility(db, actor),
  ]);

  const foreign = await foreignBlockers(db, snapshot.foreign, canSee);

  const objectiveIds = new Map<string, string[]>();
  for (const link of links) {
    const list = objectiveIds.get(link.initiative_id);
    if (list) list.push(link.objective_id);
    else objectiveIds.set(link.initiative_id, [link.objective_id]);
  }

  return {
    productId,
    asOf,
    items: snapshot.items,
    positions: snapshot.positions,
    dependencies: snapshot.dependencies,
    foreignBlockers: foreign,
    externals: externalRows.map((row) => ({
      id: row.id,
      itemId: row.item_id,
      title: row.title,
      owner: row.owner,
      expectedDate: row.expected_date,
      met: row.met === 1,
    })),
    initiatives: initiativeRows.map((row) => ({
      id: row.id,
      title: row.title,
      themeId: row.theme_id,
      objectiveIds: objectiveIds.get(row.id) ?? [],
      horizon: row.horizon,
      status: row.status,
      confidence: row.confidence,
      startDate: row.start_date,
      targetDate: row.target_date,
    })),
    themes,
    objectives,
    teams,
    sprints: sprints.map((row) => ({
      id: row.id,
      name: row.name,
      teamId: row.team_id,
      state: row.state,
      startDate: row.start_date,
      endDate: row.end_date,
      capacity: row.capacity,
      completedPoints: row.completed_points,
      closedAt: row.closed_at,
    })),
    releases: releases.map((row) => ({
      id: row.id,
      name: row.name,
      targetDate: row.target_date,
      state: row.state,
    })),
  };
}
