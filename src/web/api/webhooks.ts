/** Webhooks over the API: the product's list, the writes the webhooks screen makes, a delivery log page. */
import { client, ifMatch, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
export type WebhookT = Schemas['Webhook'];
export type WebhookDeliveryT = Schemas['WebhookDelivery'];
export type CreateWebhookBody = Schemas['CreateWebhookInput'];
export type UpdateWebhookBody = Schemas['UpdateWebhookInput'];
type EventTypeT = Schemas['WebhookEventType'];

/**
 * The form's event types are built from the same catalogue the server's enum is (schemas/webhook-events.ts);
 * the generated type spells each one out, which a string built at run time cannot be checked against.
 */
const asEventTypes = (types: readonly string[] | undefined) => types as EventTypeT[] | undefined;

export const webhooksApi = {
  /** The webhooks and every event type one may list. */
  list: (productId: string, signal?: AbortSignal) =>
    ok(client.GET('/products/{productId}/webhooks', { params: { path: { productId } }, signal })),
  /** The answer carries the secret: the only time it is shown. */
  create: (
    productId: string,
    body: Omit<CreateWebhookBody, 'eventTypes'> & { eventTypes: readonly string[] },
  ) =>
    ok(
      client.POST('/products/{productId}/webhooks', {
        params: { path: { productId } },
        body: { ...body, eventTypes: asEventTypes(body.eventTypes) ?? [] },
      }),
    ),
  update: (
    id: string,
    patch: Omit<UpdateWebhookBody, 'eventTypes'> & { eventTypes?: readonly string[] },
    version: number,
  ) =>
    ok(
      client.PATCH('/webhooks/{id}', {
        params: { path: { id } },
        body: { ...patch, eventTypes: asEventTypes(patch.eventTypes) },
        headers: ifMatch(version),
      }),
    ),
  remove: (id: string, version: number) =>
    ok(client.DELETE('/webhooks/{id}', { params: { path: { id } }, headers: ifMatch(version) })),
  /** A page of the delivery log, newest first. */
  deliveries: (id: string, cursor: string | undefined, signal?: AbortSignal) =>
    ok(
      client.GET('/webhooks/{id}/deliveries', {
        params: { path: { id }, query: cursor ? { cursor, limit: 50 } : { limit: 50 } },
        signal,
      }),
    ),
  ping: (id: string) => ok(client.POST('/webhooks/{id}/test', { params: { path: { id } } })),
  redeliver: (deliveryId: string) =>
    ok(client.POST('/webhook-deliveries/{id}/redeliver', { params: { path: { id: deliveryId } } })),
};
