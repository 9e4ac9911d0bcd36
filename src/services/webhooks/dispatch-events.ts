/**
 * Turns a product's new events into queued deliveries for its webhooks. Each product with webhooks has a
 * cursor (the newest event already dispatched); a round reads the events after it and, in one transaction,
 * moves the cursor on only if it still stands where it was read (compare-and-set) and inserts the
 * deliveries. Two servers racing on one product: one moves the cursor, the other's transaction writes
 * nothing — every event is queued once. Events become visible in id order within a product (writers hold
 * its lock), so a cursor never passes an event still to commit.
 */
import { MAX_WEBHOOKS, webhookWants } from '../../schemas/webhook.ts';
import { chunked } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import type { WebhookDeliveryRow } from '../../store/tables-webhooks.ts';
import { withTransaction } from '../../store/transaction.ts';
import { newId } from '../ids.ts';
import { eventPayload, eventTypeOf } from './delivery-payload.ts';

/** Products looked at per round. */
const PRODUCTS_PER_ROUND = 20;
/** Events read per product per round. */
const EVENTS_PER_ROUND = 100;
/** Payload bytes queued per product per round (at least one event): bounds a round's memory. */
const BYTES_PER_ROUND = 8 * 1024 * 1024;
/** Delivery rows per INSERT (16 columns each: well under both databases' parameter limits). */
const ROWS_PER_INSERT = 500;

/** Queues deliveries for the new events of up to PRODUCTS_PER_ROUND products; returns how many were queued. */
export async function dispatchEvents(db: Db, now: () => Date = () => new Date()): Promise<number> {
  const due = await db
    .selectFrom('webhook_cursors as c')
    .select(['c.product_id', 'c.last_event_id'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('events as e')
          .select('e.id')
          .whereRef('e.product_id', '=', 'c.product_id')
          .whereRef('e.id', '>', 'c.last_event_id'),
      ),
    )
    .limit(PRODUCTS_PER_ROUND)
    .execute();
  let queued = 0;
  for (const cursor of due) {
    queued += await dispatchProduct(db, cursor.product_id, Number(cursor.last_event_id), now);
  }
  return queued;
}

async function dispatchProduct(db: Db, productId: string, from: number, now: () => Date): Promise<number> {
  const events = await db
    .selectFrom('events')
    .selectAll()
    .where('product_id', '=', productId)
    .where('id', '>', from)
    .orderBy('id')
    .limit(EVENTS_PER_ROUND)
    .execute();
  if (events.length === 0) return 0;
  return withTransaction(db, async (trx) => {
    const webhooks = await trx
      .selectFrom('webhooks')
      .select(['id', 'event_types', 'since_event_id'])
      .where('product_id', '=', productId)
      .where('deleted_at', 'is', null)
      .where('active', '=', 1)
      .limit(MAX_WEBHOOKS)
      .execute();
    const wanted = webhooks.map((webhook) => ({
      id: webhook.id,
      since: Number(webhook.since_event_id),
      types: JSON.parse(webhook.event_types) as string[],
    }));
    const at = now().toISOString();
    const rows: WebhookDeliveryRow[] = [];
    let bytes = 0;
    let to = from;
    for (const event of events) {
      const id = Number(event.id);
      const type = eventTypeOf(event);
      const targets = wanted.filter((webhook) => id > webhook.since && webhookWants(webhook.types, type));
      const payload = targets.length === 0 ? '' : eventPayload(event);
      if (to > from && bytes + payload.length * targets.length > BYTES_PER_ROUND) break;
      bytes += payload.length * targets.length;
      to = id;
      for (const webhook of targets) {
        rows.push({
          id: newId(),
          webhook_id: webhook.id,
          product_id: productId,
          event_id: id,
          event_type: type,
          payload,
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          locked_by: null,
          locked_until: null,
          last_status_code: null,
          last_error: null,
          last_response: null,
          redelivery_of: null,
          created_at: at,
          delivered_at: null,
        });
      }
    }
    const moved = await trx
      .updateTable('webhook_cursors')
      .set({ last_event_id: to })
      .where('product_id', '=', productId)
      .where('last_event_id', '=', from)
      .executeTakeFirst();
    // Another server dispatched these events first: queue nothing.
    if (Number(moved.numUpdatedRows) !== 1) return 0;
    for (const chunk of chunked(rows, ROWS_PER_INSERT)) {
      await trx.insertInto('webhook_deliveries').values(chunk).execute();
    }
    return rows.length;
  });
}
