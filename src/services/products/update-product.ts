/** Renames or re-describes a product, or makes its release notes public. Its key is permanent: item keys
 *  are built from it. */
import { diffFields } from '../../domain/changes.ts';
import { type Product, presentProduct } from '../../presenters/planning.ts';
import type { UpdateProductInput } from '../../schemas/product.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { authorize } from '../policy.ts';
import { lockProductForWrite } from './product-access.ts';

export async function updateProduct(
  ctx: ServiceContext & { productId: string; input: UpdateProductInput },
): Promise<Product> {
  authorize(ctx.actor, 'manage_product');
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const before = presentProduct(await lockProductForWrite(trx, ctx.actor, ctx.productId));
    const changes = diffFields(before, ctx.input);
    if (Object.keys(changes).length === 0) return before;
    const row = await trx
      .updateTable('products')
      .set({
        ...(ctx.input.name !== undefined && { name: ctx.input.name }),
        ...(ctx.input.description !== undefined && { description: ctx.input.description }),
        ...(ctx.input.releaseNotesPublic !== undefined && {
          release_notes_public: ctx.input.releaseNotesPublic ? 1 : 0,
        }),
        version: before.version + 1,
        updated_at: at,
      })
      .where('id', '=', ctx.productId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      productId: ctx.productId,
      actorId: ctx.actor.id,
      at,
      entityType: 'product',
      entityId: ctx.productId,
      action: 'updated',
      changes,
    });
    return presentProduct(row);
  });
}
