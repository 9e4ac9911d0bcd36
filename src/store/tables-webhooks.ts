/** The tables of webhooks (migration 018). Part of store/tables.ts's `Tables`; same column conventions. */

/** A product's webhook: where to send which of its events, signed with `secret`. */
export interface WebhooksTable {
  id: string;
  product_id: string;
  url: string;
  /** Kept as given (HMAC signing needs it); never presented after the answer that made it. */
  secret: string;
  /** JSON: schemas/webhook.ts WebhookEventType[]. */
  event_types: string;
  active: number;
  /** The product's newest event when the webhook was made: only later events are sent to it. */
  since_event_id: number;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type WebhookDeliveryStatus = 'pending' | 'delivering' | 'delivered' | 'failed';

/** One event (or ping) to send to one webhook: the queue and the delivery log in one. */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  product_id: string;
  event_id: number | null;
  event_type: string;
  /** The JSON body sent. */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  /** The worker sending it, and until when its claim holds (a crashed worker's claim runs out). */
  locked_by: string | null;
  locked_until: string | null;
  last_status_code: number | null;
  last_error: string | null;
  /** A short excerpt of the last response's body. */
  last_response: string | null;
  redelivery_of: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** Per product: the newest event already turned into deliveries. */
export interface WebhookCursorsTable {
  product_id: string;
  last_event_id: number;
}

export type WebhookRow = WebhooksTable;
export type WebhookDeliveryRow = WebhookDeliveriesTable;
