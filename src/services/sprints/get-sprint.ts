/**
 * A sprint with what planning it needs: its items in rank order, their points, the team's velocity, and
 * the items that are not ready with every reason.
 */
import type { StoryParts } from '../../domain/definition-of-ready.ts';
import { type NotReadyReason, notReadyReasons } from '../../domain/readiness.ts';
import { presentSprint, type Sprint } from '../../presenters/sprint.ts';
import type { BacklogItem } from '../../schemas/item.ts';
import type { ServiceContext } from '../context.ts';
import { definitionOfReadyOf } from '../intelligence/definition-of-ready.ts';
import { productVisibility } from '../products/product-access.ts';
import { loadBlockers } from './item-blockers.ts';
import { loadSprint } from './load-sprint.ts';
import { listSprintItems, type SprintPoints, sprintPoints } from './sprint-items.ts';
import { teamVelocity, type VelocitySummary } from './team-velocity.ts';

export interface SprintDetail {
  sprint: Sprint;
  items: BacklogItem[];
  points: SprintPoints;
  velocity: VelocitySummary;
  notReady: { itemId: string; key: string; reasons: NotReadyReason[] }[];
}

export async function getSprint(ctx: ServiceContext & { id: string }): Promise<SprintDetail> {
  const row = await loadSprint(ctx.db, ctx.actor, ctx.id);
  const items = await listSprintItems(ctx.db, row.id);
  const open = items.filter((item) => item.status !== 'done' && item.status !== 'wont_do');
  const blockers = await loadBlockers(
    ctx.db,
    open.map((item) => item.id),
    await productVisibility(ctx.db, ctx.actor),
  );
  const [definition, velocity, productVelocity, texts] = await Promise.all([
    definitionOfReadyOf(ctx.db, row.product_id),
    teamVelocity(ctx.db, row.product_id, row.team_id),
    // "Fits a sprint" reads the team's velocity, else the product's over all its sprints.
    teamVelocity(ctx.db, row.product_id, 'all'),
    readinessTexts(
      ctx,
      open.map((item) => item.id),
    ),
  ]);
  const fitVelocity = (row.team_id === null ? null : velocity.mean) ?? productVelocity.mean;
  const notReady = open.flatMap((item) => {
    const text = texts.get(item.id);
    const reasons = notReadyReasons(
      { ...item, story: text?.story ?? null, description: text?.description ?? '' },
      blockers.get(item.id) ?? [],
      { definition, velocity: fitVelocity },
    );
    return reasons.length === 0 ? [] : [{ itemId: item.id, key: item.key, reasons }];
  });
  return {
    sprint: presentSprint(row),
    items,
    points: sprintPoints(items),
    velocity,
    notReady,
  };
}

/** The story and description of the open items, which the backlog rows leave out and two rules read. */
async function readinessTexts(
  ctx: ServiceContext,
  ids: string[],
): Promise<Map<string, { story: StoryParts | null; description: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('items')
    .select(['id', 'story', 'description'])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { story: r.story === null ? null : (JSON.parse(r.story) as StoryParts), description: r.description },
    ]),
  );
}
