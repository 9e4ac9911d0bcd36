/**
 * Deliveries queued by hand: a redelivery (the same body again, as a new entry in the log, due now) and a
 * ping (POST /webhooks/{id}/test). The worker sends them like every other delivery.
 */
import type { WebhookDelivery } from '../../schemas/webhook.ts';
import type { WebhookDeliveryRow } from '../../store/tables-webhooks.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { pingPayload } from './delivery-payload.ts';
import { loadWebhook, presentDelivery } from './webhook-store.ts';

function queued(
  fields: Pick<WebhookDeliveryRow, 'webhook_id' | 'product_id' | 'event_id' | 'event_type' | 'payload'>,
  at: string,
  redeliveryOf: string | null,
): WebhookDeliveryRow {
  return {
    id: newId(),
    // Field by field: a full row passed in must not lend its id or outcome.
    webhook_id: fields.webhook_id,
    product_id: fields.product_id,
    event_id: fields.event_id,
    event_type: fields.event_type,
    payload: fields.payload,
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    locked_by: null,
    locked_until: null,
    last_status_code: null,
    last_error: null,
    last_response: null,
    redelivery_of: redeliveryOf,
    created_at: at,
    delivered_at: null,
  };
}

/** Sends a delivery's body again (whatever became of it), as a new delivery. */
export async function redeliver(ctx: ServiceContext & { deliveryId: string }): Promise<WebhookDelivery> {
  const original = await ctx.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', ctx.deliveryId)
    .executeTakeFirst();
  if (!original) throw notFound('webhook delivery');
  const webhook = await loadWebhook(ctx.db, ctx.actor, original.webhook_id).catch(() => {
    throw notFound('webhook delivery');
  });
  const row = queued({ ...original, webhook_id: webhook.id }, timestamp(ctx), original.id);
  await ctx.db.insertInto('webhook_deliveries').values(row).execute();
  return presentDelivery(row);
}

/** Queues a ping to the webhook: `{"type":"ping",…}` with X-Cairn-Event: ping. */
export async function pingWebhook(ctx: ServiceContext & { webhookId: string }): Promise<WebhookDelivery> {
  const webhook = await loadWebhook(ctx.db, ctx.actor, ctx.webhookId);
  const at = timestamp(ctx);
  const row = queued(
    {
      webhook_id: webhook.id,
      product_id: webhook.product_id,
      event_id: null,
      event_type: 'ping',
      payload: pingPayload(webhook, at),
    },
    at,
    null,
  );
  await ctx.db.insertInto('webhook_deliveries').values(row).execute();
  return presentDelivery(row);
}
