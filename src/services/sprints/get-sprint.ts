/**
 * A sprint with what planning it needs: its items in rank order, their points, the team's velocity, and
 * the items that are not ready with every reason.
 */
import { type NotReadyReason, notReadyReasons } from '../../domain/readiness.ts';
import { presentSprint, type Sprint } from '../../presenters/sprint.ts';
import type { BacklogItem } from '../../schemas/item.ts';
import type { ServiceContext } from '../context.ts';
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
  const notReady = open.flatMap((item) => {
    const reasons = notReadyReasons(item, blockers.get(item.id) ?? []);
    return reasons.length === 0 ? [] : [{ itemId: item.id, key: item.key, reasons }];
  });
  return {
    sprint: presentSprint(row),
    items,
    points: sprintPoints(items),
    velocity: await teamVelocity(ctx.db, row.product_id, row.team_id),
    notReady,
  };
}
