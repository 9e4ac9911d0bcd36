/** Reading webhooks scoped to the caller, and how webhooks and deliveries are presented. */
import { randomBytes } from 'node:crypto';
import type { Webhook, WebhookDelivery } from '../../schemas/webhook.ts';
import type { Db } from '../../store/database.ts';
import type { WebhookDeliveryRow, WebhookRow } from '../../store/tables-webhooks.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../policy.ts';
import { loadVisibleProduct } from '../products/product-access.ts';

/** A new signing secret: 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function presentWebhook(row: WebhookRow, secret?: string): Webhook {
  return {
    id: row.id,
    productId: row.product_id,
    url: row.url,
    eventTypes: JSON.parse(row.event_types) as string[],
    active: row.active === 1,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(secret === undefined ? {} : { secret }),
  };
}

export function presentDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  const open = row.status === 'pending' || row.status === 'delivering';
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id === null ? null : Number(row.event_id),
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: open ? row.next_attempt_at : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastResponse: row.last_response,
    redeliveryOf: row.redelivery_of,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

/**
 * The product of `productRef` if the actor may manage its webhooks: members who may write (editors, or
 * owners and admins). An invisible product is `not_found`; a viewer is `forbidden`.
 */
export async function loadWebhookProduct(db: Db, actor: Actor, productRef: string) {
  const product = await loadVisibleProduct(db, actor, productRef);
  authorize(actor, 'write');
  return product;
}

/** A live webhook the actor may manage (`not_found` for a missing, deleted or hidden one). */
export async function loadWebhook(db: Db, actor: Actor, id: string): Promise<WebhookRow> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.deleted_at !== null) throw notFound('webhook');
  await loadVisibleProduct(db, actor, row.product_id).catch(() => {
    throw notFound('webhook');
  });
  authorize(actor, 'write');
  return row;
}

/** A URL as events show it: its origin only, since a path or query may hold a token (Slack's do). */
export function redactedUrl(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname === '/' && parsed.search === '' ? parsed.origin : `${parsed.origin}/…`;
}
