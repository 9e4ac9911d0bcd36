/** Creates a product; its creator becomes a member. */

import { creationChanges } from '../../domain/changes.ts';
import { type Product, presentProduct } from '../../presenters/planning.ts';
import type { CreateProductInput } from '../../schemas/product.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { authorize } from '../policy.ts';

export async function createProduct(ctx: ServiceContext & { input: CreateProductInput }): Promise<Product> {
  authorize(ctx.actor, 'create_product');
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const taken = await trx
      .selectFrom('products')
      .select('id')
      .where('key', '=', ctx.input.key)
      .executeTakeFirst();
    if (taken) {
      throw new AppError('duplicate_key', `a product with key ${ctx.input.key} exists`, {
        issues: [{ path: 'key', message: 'is already used by another product' }],
      });
    }
    const row = {
      id: newId(),
      key: ctx.input.key,
      name: ctx.input.name,
      description: ctx.input.description,
      next_item_number: 0,
      release_notes_public: 0,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('products').values(row).execute();
    await trx
      .insertInto('product_members')
      .values({ product_id: row.id, user_id: ctx.actor.id, created_at: at })
      .execute();
    const product = presentProduct(row);
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = product;
    await recordEvent(trx, {
      productId: row.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'product',
      entityId: row.id,
      action: 'created',
      changes: creationChanges(fields),
    });
    return product;
  });
}
