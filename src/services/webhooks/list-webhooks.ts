/** Reading a product's webhooks and a webhook's delivery log (newest first, by cursor). */
import { MAX_WEBHOOKS, type Webhook, type WebhookDelivery } from '../../schemas/webhook.ts';
import type { ServiceContext } from '../context.ts';
import { invalidField } from '../errors.ts';
import { loadWebhook, loadWebhookProduct, presentDelivery, presentWebhook } from './webhook-store.ts';

/** The product's live webhooks, oldest first (bounded by MAX_WEBHOOKS). */
export async function listWebhooks(ctx: ServiceContext & { productId: string }): Promise<Webhook[]> {
  const product = await loadWebhookProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('webhooks')
    .selectAll()
    .where('product_id', '=', product.id)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(MAX_WEBHOOKS)
    .execute();
  return rows.map((row) => presentWebhook(row));
}

export async function getWebhook(ctx: ServiceContext & { id: string }): Promise<Webhook> {
  return presentWebhook(await loadWebhook(ctx.db, ctx.actor, ctx.id));
}

/** A page cursor: the last delivery's creation time and id. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/;

export async function listDeliveries(
  ctx: ServiceContext & { webhookId: string; cursor?: string | undefined; limit: number },
): Promise<{ deliveries: WebhookDelivery[]; nextCursor: string | null }> {
  const webhook = await loadWebhook(ctx.db, ctx.actor, ctx.webhookId);
  let query = ctx.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhook.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(ctx.limit + 1);
  if (ctx.cursor !== undefined) {
    const match = CURSOR.exec(ctx.cursor);
    if (!match) throw invalidField('cursor', 'must be a cursor this API returned');
    const [, createdAt = '', id = ''] = match;
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, ctx.limit);
  const last = page.at(-1);
  return {
    deliveries: page.map(presentDelivery),
    nextCursor: rows.length > ctx.limit && last ? `${last.created_at}_${last.id}` : null,
  };
}
