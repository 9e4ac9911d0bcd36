/**
 * Loads one product's plan for the analyses (domain/planning-model.ts): its live items, dependencies,
 * external dependencies, initiatives, themes, objectives, teams, sprints and releases. The event cursor is
 * read first, so `asOf` never claims more than the rest reflects. Blockers in products the reader may not
 * see come without anything that identifies them.
 */

import { sql } from 'kysely';
import type { StoryParts } from '../../domain/definition-of-ready.ts';
import type { ModelForeignBlocker, ModelItem, PlanningModel } from '../../domain/planning-model.ts';
import type { Db } from '../../store/database.ts';
import type { Actor } from '../context.ts';
import { lastEventId } from '../events/event-cursor.ts';
import { loadVisibleProduct, productVisibility } from '../products/product-access.ts';

function countCriteria(json: string): number {
  if (json === '[]') return 0;
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.length : 0;
}

/**
 * The product (by id or key) as the actor may see it, with everything the analyses read. Descriptions are
 * read whole only with `texts` (duplicate detection); otherwise each is its first character, all that
 * "has a description" asks (descriptions are stored trimmed), which spares reading every item's text.
 */
export async function loadPlanningModel(
  db: Db,
  actor: Actor,
  productRef: string,
  options: { texts?: boolean } = {},
): Promise<PlanningModel> {
  const product = await loadVisibleProduct(db, actor, productRef);
  const productId = product.id;
  const asOf = await lastEventId(db, productId);
  const [itemRows, dependencyRows, externalRows, initiativeRows, links, themes, objectives, teams] =
    await Promise.all([
      db
        .selectFrom('items')
        .select([
          'id',
          'key',
          'type',
          'title',
          'status',
          'estimate',
          'acceptance_criteria',
          'story',
          options.texts ? 'description' : sql<string>`substr(description, 1, 1)`.as('description'),
          'initiative_id',
          'sprint_id',
          'release_id',
          'assignee_id',
          'labels',
          'rank',
          'created_at',
          'updated_at',
        ])
        .where('product_id', '=', productId)
        .where('deleted_at', 'is', null)
        .orderBy('rank')
        .execute(),
      db
        .selectFrom('dependencies')
        .innerJoin('items as blocker', 'blocker.id', 'dependencies.blocker_id')
        .innerJoin('items as blocked', 'blocked.id', 'dependencies.blocked_id')
        .select([
          'dependencies.blocker_id',
          'dependencies.blocked_id',
          'dependencies.kind',
          'blocker.product_id as blocker_product',
          'blocker.key as blocker_key',
          'blocker.title as blocker_title',
          'blocker.status as blocker_status',
          'blocker.deleted_at as blocker_deleted',
          'blocked.product_id as blocked_product',
          'blocked.deleted_at as blocked_deleted',
        ])
        .where((eb) =>
          eb.or([eb('blocker.product_id', '=', productId), eb('blocked.product_id', '=', productId)]),
        )
        .execute(),
      db
        .selectFrom('external_dependencies')
        .innerJoin('items', 'items.id', 'external_dependencies.item_id')
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

  const items: ModelItem[] = itemRows.map((row) => ({
    id: row.id,
    key: row.key,
    type: row.type,
    title: row.title,
    status: row.status,
    estimate: row.estimate,
    criteriaTotal: countCriteria(row.acceptance_criteria),
    story: row.story === null ? null : (JSON.parse(row.story) as StoryParts),
    description: row.description,
    initiativeId: row.initiative_id,
    sprintId: row.sprint_id,
    releaseId: row.release_id,
    assigneeId: row.assignee_id,
    labels: row.labels === '[]' ? [] : (JSON.parse(row.labels) as string[]),
    rank: row.rank,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));

  const dependencies: PlanningModel['dependencies'][number][] = [];
  const foreignBlockers: ModelForeignBlocker[] = [];
  for (const row of dependencyRows) {
    const internal = row.blocker_product === productId && row.blocked_product === productId;
    if (internal) {
      // A trashed item is out of the plan: its links no longer order anything.
      if (row.blocker_deleted === null && row.blocked_deleted === null) {
        dependencies.push({ from: row.blocker_id, to: row.blocked_id, kind: row.kind });
      }
    } else if (row.blocked_product === productId && row.blocked_deleted === null) {
      foreignBlockers.push({
        itemId: row.blocked_id,
        blocker: canSee(row.blocker_product)
          ? { id: row.blocker_id, key: row.blocker_key, title: row.blocker_title }
          : null,
        status: row.blocker_status,
        deleted: row.blocker_deleted !== null,
      });
    }
    // This product's items that block another product's work are that product's concern.
  }

  const objectiveIds = new Map<string, string[]>();
  for (const link of links) {
    const list = objectiveIds.get(link.initiative_id);
    if (list) list.push(link.objective_id);
    else objectiveIds.set(link.initiative_id, [link.objective_id]);
  }

  return {
    productId,
    asOf,
    items,
    dependencies,
    foreignBlockers,
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
