/** The product's dependency map, optionally scoped to one initiative's items and their neighbours. */
import { type DependencyMap, dependencyMap } from '../../domain/dependency-map.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { notFound } from '../errors.ts';
import { loadPlanningModel } from './load-planning-model.ts';
import { cachedReport } from './report-cache.ts';

export async function getDependencyMap(
  ctx: ServiceContext & { productId: string; initiativeId?: string | undefined },
): Promise<DependencyMap & { asOf: number }> {
  const day = timestamp(ctx).slice(0, 10);
  const params = { initiativeId: ctx.initiativeId };
  return cachedReport(ctx.db, ctx.actor, ctx.productId, { name: 'dependency-graph', params, day }, () =>
    mapNow(ctx),
  );
}

async function mapNow(
  ctx: ServiceContext & { productId: string; initiativeId?: string | undefined },
): Promise<DependencyMap & { asOf: number }> {
  const model = await loadPlanningModel(ctx.db, ctx.actor, ctx.productId);
  if (ctx.initiativeId !== undefined && !model.initiatives.some((i) => i.id === ctx.initiativeId)) {
    throw notFound('initiative');
  }
  const today = timestamp(ctx).slice(0, 10);
  return { asOf: model.asOf, ...dependencyMap(model, today, { initiativeId: ctx.initiativeId }) };
}
