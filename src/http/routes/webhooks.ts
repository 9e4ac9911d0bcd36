/**
 * Webhooks: a product's list and new ones, one webhook's read, edit (If-Match) and delete, its delivery log,
 * a ping, and redelivery of a logged delivery. For those who may write to the product (editors, owners,
 * admins); a viewer is refused, an invisible product is 404.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import {
  CreateWebhookInput,
  ListDeliveriesQuery,
  UpdateWebhookInput,
  WEBHOOK_EVENT_TYPES,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookList,
} from '../../schemas/webhook.ts';
import { createWebhook } from '../../services/webhooks/create-webhook.ts';
import { getWebhook, listDeliveries, listWebhooks } from '../../services/webhooks/list-webhooks.ts';
import { pingWebhook, redeliver } from '../../services/webhooks/queue-delivery.ts';
import { deleteWebhook, updateWebhook } from '../../services/webhooks/update-webhook.ts';
import type { AppEnv } from '../env.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import {
  authenticated,
  commonErrors,
  createRouter,
  jsonBody,
  jsonContent,
  productRefParams,
} from '../openapi.ts';

const tags = ['webhooks'];
const byId = { params: z.object({ id: Id }) };
const one = versionedContent(Webhook, 'The webhook', 'webhook');
const conflict = { 412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else') };
const queued = jsonContent(WebhookDelivery, 'The delivery, queued: the delivery log shows how it went');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/products/{productId}/webhooks',
    operationId: 'listWebhooks',
    tags,
    summary: "The product's webhooks (without their secrets), and every event type one may list",
    security: authenticated,
    request: productRefParams,
    responses: { 200: jsonContent(WebhookList, 'Webhooks, oldest first'), ...commonErrors },
  }),
  create: createRoute({
    method: 'post',
    path: '/products/{productId}/webhooks',
    operationId: 'createWebhook',
    tags,
    summary: 'Send chosen events of the product to a URL, signed (the secret is shown only in this answer)',
    security: authenticated,
    request: { ...productRefParams, ...jsonBody(CreateWebhookInput) },
    responses: { 201: one, ...commonErrors },
  }),
  get: createRoute({
    method: 'get',
    path: '/webhooks/{id}',
    operationId: 'getWebhook',
    tags,
    summary: 'One webhook (without its secret)',
    security: authenticated,
    request: byId,
    responses: { 200: one, ...commonErrors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/webhooks/{id}',
    operationId: 'updateWebhook',
    tags,
    summary: "Change a webhook's URL, events, active flag or secret; with If-Match, a stale version gets 412",
    security: authenticated,
    request: { ...byId, ...ifMatchHeader, ...jsonBody(UpdateWebhookInput) },
    responses: { 200: one, ...commonErrors, ...conflict },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/webhooks/{id}',
    operationId: 'deleteWebhook',
    tags,
    summary: 'Delete a webhook: nothing more is sent to it; with If-Match, a stale version gets 412',
    security: authenticated,
    request: { ...byId, ...ifMatchHeader },
    responses: { 200: one, ...commonErrors, ...conflict },
  }),
  deliveries: createRoute({
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    operationId: 'listWebhookDeliveries',
    tags,
    summary: "The webhook's delivery log, newest first, a page at a time",
    security: authenticated,
    request: { ...byId, query: ListDeliveriesQuery },
    responses: { 200: jsonContent(WebhookDeliveryPage, 'Deliveries'), ...commonErrors },
  }),
  ping: createRoute({
    method: 'post',
    path: '/webhooks/{id}/test',
    operationId: 'pingWebhook',
    tags,
    summary: 'Queue a ping (`X-Cairn-Event: ping`) to the webhook',
    security: authenticated,
    request: byId,
    responses: { 202: queued, ...commonErrors },
  }),
  redeliver: createRoute({
    method: 'post',
    path: '/webhook-deliveries/{id}/redeliver',
    operationId: 'redeliverWebhookDelivery',
    tags,
    summary: 'Send a logged delivery again (same body, new delivery id)',
    security: authenticated,
    request: byId,
    responses: { 202: queued, ...commonErrors },
  }),
};

const etag = (webhook: { version: number }) => ({ ETag: `"${webhook.version}"` });
const ctxOf = (c: Context<AppEnv>) => ({ db: c.get('options').db, actor: c.get('actor') });

export const webhookRoutes = createRouter()
  .openapi(routes.list, async (c) => {
    const webhooks = await listWebhooks({ ...ctxOf(c), productId: c.req.valid('param').productId });
    return c.json({ webhooks, eventTypes: [...WEBHOOK_EVENT_TYPES] }, 200);
  })
  .openapi(routes.create, async (c) => {
    const webhook = await createWebhook({
      ...ctxOf(c),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
    });
    return c.json(webhook, 201, { ...etag(webhook), 'Cache-Control': 'no-store' });
  })
  .openapi(routes.get, async (c) => {
    const webhook = await getWebhook({ ...ctxOf(c), id: c.req.valid('param').id });
    return c.json(webhook, 200, etag(webhook));
  })
  .openapi(routes.update, async (c) => {
    const webhook = await updateWebhook({
      ...ctxOf(c),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(webhook, 200, { ...etag(webhook), 'Cache-Control': 'no-store' });
  })
  .openapi(routes.remove, async (c) => {
    const webhook = await deleteWebhook({
      ...ctxOf(c),
      id: c.req.valid('param').id,
      expectedVersion: expectedVersion(c),
    });
    return c.json(webhook, 200, etag(webhook));
  })
  .openapi(routes.deliveries, async (c) => {
    const query = c.req.valid('query');
    const page = await listDeliveries({
      ...ctxOf(c),
      webhookId: c.req.valid('param').id,
      cursor: query.cursor,
      limit: query.limit,
    });
    return c.json(page, 200);
  })
  .openapi(routes.ping, async (c) => {
    return c.json(await pingWebhook({ ...ctxOf(c), webhookId: c.req.valid('param').id }), 202);
  })
  .openapi(routes.redeliver, async (c) => {
    return c.json(await redeliver({ ...ctxOf(c), deliveryId: c.req.valid('param').id }), 202);
  });
