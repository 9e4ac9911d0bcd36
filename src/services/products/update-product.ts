/** Renames or re-describes a product, or makes its release notes public. Its key is permanent: item keys
 *  are built from it. With `expectedVersion` (the HTTP If-Match) a stale version gets `version_conflict`. */
import { diffFields } from '../../domain/changes.ts';
import { type Product, presentProduct } from '../../presenters/planning.ts';
import type { UpdateProductInput } from '../../schemas/product.ts';
import type { ProductRow } from '../../store/tables.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadVisibleProduct } from './product-access.ts';

/** A product is its own product: the write path locks and versions it like anything in it. */
type VersionedProduct = ProductRow & { product_id: string };

export async function updateProduct(
  ctx: ServiceContext & {
    productId: string;
    input: UpdateProductInput;
    expectedVersion?: number | undefined;
  },
): Promise<Product> {
  authorize(ctx.actor, 'manage_product');
  return updateVersioned<VersionedProduct, Product>({
    ...ctx,
    entityType: 'product',
    load: async (db) => {
      const row = await loadVisibleProduct(db, ctx.actor, ctx.productId);
      return { ...row, product_id: row.id };
    },
    present: (_db, row) => presentProduct(row),
    describe: (row) => `product ${row.key}`,
    change: async (trx, current) => {
      const changes = diffFields(presentProduct(current), ctx.input);
      if (Object.keys(changes).length === 0) return null;
      return {
        action: 'updated',
        changes,
        write: async (stamp) => {
          const row = await trx
            .updateTable('products')
            .set({
              ...(ctx.input.name !== undefined && { name: ctx.input.name }),
              ...(ctx.input.description !== undefined && { description: ctx.input.description }),
              ...(ctx.input.releaseNotesPublic !== undefined && {
                release_notes_public: ctx.input.releaseNotesPublic ? 1 : 0,
              }),
              ...stamp,
            })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst();
          return row && { ...row, product_id: row.id };
        },
      };
    },
  });
}
