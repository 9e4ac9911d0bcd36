/** The readiness of every open item of a product against its Definition of Ready. */
import { assessReadiness } from '../../domain/readiness-report.ts';
import type { ReadinessReportT } from '../../schemas/readiness.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { definitionOfReadyOf } from './definition-of-ready.ts';
import { loadPlanningModel } from './load-planning-model.ts';
import { cachedReport } from './report-cache.ts';

export async function getReadiness(ctx: ServiceContext & { productId: string }): Promise<ReadinessReportT> {
  const day = timestamp(ctx).slice(0, 10);
  return cachedReport(ctx.db, ctx.actor, ctx.productId, { name: 'readiness', day }, () => readinessNow(ctx));
}

async function readinessNow(ctx: ServiceContext & { productId: string }): Promise<ReadinessReportT> {
  const model = await loadPlanningModel(ctx.db, ctx.actor, ctx.productId);
  const items = assessReadiness(model, await definitionOfReadyOf(ctx.db, model.productId));
  return { asOf: model.asOf, items, ready: items.filter((item) => item.ready).length };
}
