/** Creates a planned release in a product; its name must be free among the product's live releases. */
import { creationChanges } from '../../domain/changes.ts';
import { NO_ITEMS, presentRelease } from '../../presenters/release.ts';
import type { CreateReleaseInput, Release } from '../../schemas/release.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { assertReleaseNameFree } from './release-name.ts';

export async function createRelease(
  ctx: ServiceContext & { productId: string; input: CreateReleaseInput },
): Promise<Release> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const product = await lockProductForWrite(trx, ctx.actor, ctx.productId);
    await assertReleaseNameFree(trx, product.id, ctx.input.name);
    const row = await trx
      .insertInto('releases')
      .values({
        id: newId(),
        product_id: product.id,
        name: ctx.input.name,
        description: ctx.input.description,
        target_date: ctx.input.targetDate,
        state: 'planned',
        released_at: null,
        notes_draft: '',
        notes_generated_at: null,
        notes_published: null,
        notes_published_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'release',
      entityId: row.id,
      action: 'created',
      changes: creationChanges({ ...ctx.input, state: 'planned' }),
    });
    return presentRelease(row, NO_ITEMS);
  });
}
