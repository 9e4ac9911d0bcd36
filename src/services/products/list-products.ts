/** Lists the products the actor can see, by name. */
import { type Product, presentProduct } from '../../presenters/planning.ts';
import type { ServiceContext } from '../context.ts';
import { can } from '../policy.ts';

export async function listProducts(ctx: ServiceContext): Promise<Product[]> {
  let query = ctx.db
    .selectFrom('products')
    .selectAll('products')
    .orderBy('products.name')
    .orderBy('products.id');
  if (!can(ctx.actor, 'see_all_products')) {
    query = query
      .innerJoin('product_members', 'product_members.product_id', 'products.id')
      .where('product_members.user_id', '=', ctx.actor.id);
  }
  // A product-restricted API token lists only its products (an empty list matches none).
  if (ctx.actor.productIds) query = query.where('products.id', 'in', [...ctx.actor.productIds, '']);
  return (await query.execute()).map(presentProduct);
}
