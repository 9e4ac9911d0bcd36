/** One product the actor can see. */
import { type Product, presentProduct } from '../../presenters/planning.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from './product-access.ts';

export async function getProduct(ctx: ServiceContext & { productId: string }): Promise<Product> {
  return presentProduct(await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId));
}
