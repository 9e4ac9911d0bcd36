/** The JSON bodies webhooks receive: an event of the product, or a ping. Fixed when the delivery is queued. */
import type { EventRow } from '../../store/tables.ts';

/** `<entity>.<action>` of a recorded event: the type a webhook subscribes to. */
export function eventTypeOf(event: Pick<EventRow, 'entity_type' | 'action'>): string {
  return `${event.entity_type}.${event.action}`;
}

/** The body sent for an event: what happened, to what, by whom, with the fields it changed. */
export function eventPayload(event: EventRow): string {
  return JSON.stringify({
    type: eventTypeOf(event),
    productId: event.product_id,
    occurredAt: event.at,
    event: {
      id: Number(event.id),
      entityType: event.entity_type,
      entityId: event.entity_id,
      action: event.action,
      actorId: event.actor_id,
      at: event.at,
      changes: JSON.parse(event.changes) as unknown,
    },
  });
}

/** The body of a ping (POST /webhooks/{id}/test). */
export function pingPayload(webhook: { id: string; product_id: string }, at: string): string {
  return JSON.stringify({
    type: 'ping',
    productId: webhook.product_id,
    webhookId: webhook.id,
    occurredAt: at,
  });
}
