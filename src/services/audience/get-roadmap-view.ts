/** One audience's view of a product's roadmap (executive, customer or team), for a member of the product. */
import { presentCustomerView } from '../../presenters/audience/customer.ts';
import { presentExecutiveView } from '../../presenters/audience/executive.ts';
import type { AudienceModel } from '../../presenters/audience/model.ts';
import { presentTeamView } from '../../presenters/audience/team.ts';
import type { AudienceViewName, RoadmapView } from '../../schemas/audience.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { loadAudienceModel } from './load-audience-model.ts';

/** The view `view` of one loaded model. */
export function presentRoadmapView(model: AudienceModel, view: AudienceViewName): RoadmapView {
  if (view === 'customer') return presentCustomerView(model);
  if (view === 'executive') return presentExecutiveView(model);
  return presentTeamView(model);
}

export async function getRoadmapView(
  ctx: ServiceContext & { productId: string; view: AudienceViewName },
): Promise<{ productKey: string; view: RoadmapView }> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const model = await loadAudienceModel(ctx.db, product, ctx.view, ctx.actor);
  return { productKey: product.key, view: presentRoadmapView(model, ctx.view) };
}
