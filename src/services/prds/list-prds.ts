/** A product's live PRDs (or one initiative's, or those in the trash), newest first, as summaries. */
import { parsePrd, presentPrdSummary } from '../../presenters/prd-present.ts';
import { LIMITS } from '../../schemas/limits.ts';
import type { PrdSummary } from '../../schemas/prd.ts';
import type { ServiceContext } from '../context.ts';
import { loadScoped } from '../planning/scoped-entity.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { userNames } from './prd-store.ts';

export async function listPrds(
  ctx: ServiceContext & { productId: string; initiativeId?: string | undefined; trashed?: boolean },
): Promise<PrdSummary[]> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  let query = ctx.db
    .selectFrom('prds')
    .selectAll()
    .where('product_id', '=', product.id)
    .where('deleted_at', ctx.trashed ? 'is not' : 'is', null);
  if (ctx.initiativeId !== undefined) query = query.where('initiative_id', '=', ctx.initiativeId);
  if (ctx.trashed) query = query.orderBy('deleted_at', 'desc');
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    // Creates stop at the limit; the bound keeps a list one statement whatever happened before.
    .limit(LIMITS.prds)
    .execute();
  const names = await userNames(
    ctx.db,
    rows.flatMap((row) => parsePrd(row).reviewers.map((r) => r.userId)),
  );
  return rows.map((row) => presentPrdSummary(row, names));
}

/** The live PRDs of one initiative the actor may see. */
export async function listInitiativePrds(
  ctx: ServiceContext & { initiativeId: string },
): Promise<PrdSummary[]> {
  const initiative = await loadScoped(ctx.db, ctx.actor, 'initiatives', ctx.initiativeId);
  return listPrds({ ...ctx, productId: initiative.product_id, initiativeId: initiative.id });
}
