/** A product's live teams, by name. */
import { presentTeam, type Team } from '../../presenters/sprint.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { memberIdsByTeam } from './team-members.ts';

export async function listTeams(ctx: ServiceContext & { productId: string }): Promise<Team[]> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('teams')
    .selectAll()
    .where('product_id', '=', product.id)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const members = await memberIdsByTeam(
    ctx.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentTeam(row, members.get(row.id) ?? []));
}
