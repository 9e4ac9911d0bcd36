/** Whether the product's backlog still serves its roadmap: coverage, orphan work, empty initiatives, drift. */
import { type Alignment, alignmentOf } from '../../domain/alignment.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { loadPlanningModel } from './load-planning-model.ts';
import { cachedReport } from './report-cache.ts';
import { roadmapChangesSinceReview } from './roadmap-changes.ts';

export async function getAlignment(
  ctx: ServiceContext & { productId: string },
): Promise<Alignment & { asOf: number; changesSince: string }> {
  const day = timestamp(ctx).slice(0, 10);
  return cachedReport(ctx.db, ctx.actor, ctx.productId, { name: 'alignment', day }, () => alignmentNow(ctx));
}

async function alignmentNow(
  ctx: ServiceContext & { productId: string },
): Promise<Alignment & { asOf: number; changesSince: string }> {
  const model = await loadPlanningModel(ctx.db, ctx.actor, ctx.productId);
  const now = timestamp(ctx);
  const { since, changes } = await roadmapChangesSinceReview(ctx.db, model.productId, now);
  return { asOf: model.asOf, changesSince: since, ...alignmentOf(model, now.slice(0, 10), changes) };
}
