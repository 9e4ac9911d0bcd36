/** A product's live sprints, optionally of one team (or of no team) and in one state, by start date. */
import { presentSprint, type Sprint } from '../../presenters/sprint.ts';
import type { z } from '../../schemas/common.ts';
import type { ListSprintsQuery } from '../../schemas/sprint.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from '../products/product-access.ts';

export async function listSprints(
  ctx: ServiceContext & { productId: string; query: z.infer<typeof ListSprintsQuery> },
): Promise<Sprint[]> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  let query = ctx.db
    .selectFrom('sprints')
    .selectAll()
    .where('product_id', '=', product.id)
    .where('deleted_at', 'is', null);
  const { teamId, state } = ctx.query;
  if (teamId === 'none') query = query.where('team_id', 'is', null);
  else if (teamId !== undefined) query = query.where('team_id', '=', teamId);
  if (state !== undefined) query = query.where('state', '=', state);
  const rows = await query.orderBy('start_date').orderBy('name').orderBy('id').execute();
  return rows.map(presentSprint);
}
