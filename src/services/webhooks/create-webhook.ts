/**
 * Adds a webhook to a product. Its secret is the one given or a new random one, shown once in the answer.
 * It receives only events recorded after it was made: the product's newest event id is kept with it, and
 * the product's dispatch cursor starts there when this is the product's first webhook.
 */
import { creationChanges } from '../../domain/changes.ts';
import { type CreateWebhookInput, MAX_WEBHOOKS, type Webhook } from '../../schemas/webhook.ts';
import type { WebhookRow } from '../../store/tables-webhooks.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { lastEventId } from '../events/event-cursor.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { loadWebhookProduct, newWebhookSecret, presentWebhook, redactedUrl } from './webhook-store.ts';

export async function createWebhook(
  ctx: ServiceContext & { productId: string; input: CreateWebhookInput },
): Promise<Webhook> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const product = await loadWebhookProduct(trx, ctx.actor, ctx.productId);
    // Under the product's write lock no event of the product commits meanwhile: `since` is exact.
    await lockProductForWrite(trx, ctx.actor, product.id);
    const count = await trx
      .selectFrom('webhooks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('product_id', '=', product.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_WEBHOOKS) {
      throw new AppError(
        'invalid_state',
        `a product holds at most ${MAX_WEBHOOKS} webhooks; delete one first`,
      );
    }
    const since = await lastEventId(trx, product.id);
    const secret = ctx.input.secret ?? newWebhookSecret();
    const eventTypes = [...new Set(ctx.input.eventTypes)];
    const row: WebhookRow = {
      id: newId(),
      product_id: product.id,
      url: ctx.input.url,
      secret,
      event_types: JSON.stringify(eventTypes),
      active: ctx.input.active ? 1 : 0,
      since_event_id: since,
      version: 1,
      created_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await trx.insertInto('webhooks').values(row).execute();
    await trx
      .insertInto('webhook_cursors')
      .values({ product_id: product.id, last_event_id: since })
      .onConflict((oc) => oc.column('product_id').doNothing())
      .execute();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'webhook',
      entityId: row.id,
      action: 'created',
      // Events are read by every member: never the secret, and only the URL's origin.
      changes: creationChanges({ url: redactedUrl(row.url), eventTypes, active: ctx.input.active }),
    });
    return presentWebhook(row, secret);
  });
}
