/**
 * Webhooks: a product's events sent to a URL, signed with HMAC-SHA256. The event types are
 * `<entity>.<action>` of recorded events (`item.created`); a webhook lists exact types, `<entity>.*` or `*`.
 * This catalogue is the one list the API, the delivery dispatcher and the web form read.
 */

import { Id, Timestamp, text, z } from './common.ts';
import { LIMITS } from './limits.ts';
import { WEBHOOK_EVENT_TYPES } from './webhook-events.ts';

export {
  MAX_WEBHOOKS,
  WEBHOOK_ENTITIES,
  WEBHOOK_EVENT_CATALOGUE,
  WEBHOOK_EVENT_TYPES,
  webhookWants,
} from './webhook-events.ts';

const MAX_URL = LIMITS.webhookUrl;

export const WebhookEventType = z
  .enum(WEBHOOK_EVENT_TYPES as [string, ...string[]])
  .describe('`*` (every event), `<entity>.*` or `<entity>.<action>`, such as `item.created`.')
  .openapi('WebhookEventType');

export const WebhookUrl = text(MAX_URL)
  .refine((value) => URL.canParse(value), { message: 'must be an absolute URL', abort: true })
  .refine((value) => ['http:', 'https:'].includes(new URL(value).protocol), {
    message: 'must be http:// or https://',
    abort: true,
  })
  .refine((value) => {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  }, 'must not hold a user name or password (put credentials in the path or query)')
  .describe(
    'Where deliveries are POSTed. Loopback, private and link-local addresses are refused at delivery ' +
      '(after DNS and on every redirect) unless the server allows them (CAIRN_WEBHOOKS_ALLOW_PRIVATE).',
  );

const eventTypes = z
  .array(WebhookEventType)
  .min(1, 'must list at least one event type')
  .max(WEBHOOK_EVENT_TYPES.length, `must list at most ${WEBHOOK_EVENT_TYPES.length} event types`);

export const WebhookSecretInput = z
  .string()
  .min(16, 'must be at least 16 characters')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
  .describe('The signing secret; omit it to have one generated (shown once, in the answer).');

export const CreateWebhookInput = z
  .object({
    url: WebhookUrl,
    eventTypes,
    active: z.boolean().default(true).describe('Whether events are queued for it.'),
    secret: WebhookSecretInput.optional(),
  })
  .strict()
  .openapi('CreateWebhookInput');
export type CreateWebhookInput = z.infer<typeof CreateWebhookInput>;

export const UpdateWebhookInput = z
  .object({
    url: WebhookUrl,
    eventTypes,
    active: z.boolean(),
    secret: WebhookSecretInput.describe('A new signing secret of your choosing.'),
    rotateSecret: z
      .literal(true)
      .describe('Generate a new signing secret; the answer shows it once. Not with `secret`.'),
  })
  .partial()
  .strict()
  .openapi('UpdateWebhookInput');
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookInput>;

export const Webhook = z
  .object({
    id: Id,
    productId: Id,
    url: z.string(),
    eventTypes: z.array(z.string()),
    active: z.boolean(),
    version: z.number().int(),
    createdBy: Id.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    secret: z
      .string()
      .optional()
      .describe('Only in the answer that created or rotated it: the server never shows it again.'),
  })
  .openapi('Webhook');
export type Webhook = z.infer<typeof Webhook>;

export const WebhookList = z
  .object({
    webhooks: z.array(Webhook),
    eventTypes: z.array(z.string()).describe('Every type a webhook may list.'),
  })
  .openapi('WebhookList');

export const WebhookDeliveryStatus = z
  .enum(['pending', 'delivering', 'delivered', 'failed'])
  .describe('pending (waiting for its next attempt), delivering, delivered (a 2xx answer), failed (gave up).')
  .openapi('WebhookDeliveryStatus');

export const WebhookDelivery = z
  .object({
    id: Id.describe('Also sent as X-Cairn-Delivery.'),
    webhookId: Id,
    eventId: z.number().int().nullable().describe('The event sent; null for a ping.'),
    eventType: z.string(),
    status: WebhookDeliveryStatus,
    attempts: z.number().int(),
    nextAttemptAt: Timestamp.nullable().describe('When it is tried next; null once delivered or failed.'),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastResponse: z
      .string()
      .nullable()
      .describe('The start of the last response body (at most 500 characters).'),
    redeliveryOf: Id.nullable(),
    createdAt: Timestamp,
    deliveredAt: Timestamp.nullable(),
  })
  .openapi('WebhookDelivery');
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryPage = z
  .object({
    deliveries: z.array(WebhookDelivery),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for older deliveries; null at the end.'),
  })
  .openapi('WebhookDeliveryPage');

export const ListDeliveriesQuery = z.object({
  cursor: z.string().max(200).optional().describe('From the previous page.'),
  limit: z.coerce
    .number()
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(50),
});
