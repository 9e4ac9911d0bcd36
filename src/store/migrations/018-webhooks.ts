/**
 * Webhooks and their delivery queue (issue 15). A webhook belongs to a product and lists the event types it
 * wants; the dispatcher turns the product's new events into rows of `webhook_deliveries` (one transaction
 * per product cursor, so each event is queued once across servers), and workers claim due rows, send them
 * and record the outcome. The secret is kept as given: signing needs it.
 */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const text = 'text' as const;
  await db.schema
    .createTable('webhooks')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('url', text, (c) => c.notNull())
    .addColumn('secret', text, (c) => c.notNull())
    // JSON: ["item.created", "sprint.*", …].
    .addColumn('event_types', text, (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    // The product's newest event when the webhook was made: only later events are sent to it.
    .addColumn('since_event_id', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema
    .createIndex('webhooks_product')
    .on('webhooks')
    .columns(['product_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('webhook_id', text, (c) => c.notNull().references('webhooks.id'))
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    // Null for a ping (POST /webhooks/{id}/test).
    .addColumn('event_id', 'bigint')
    .addColumn('event_type', text, (c) => c.notNull())
    // The JSON body sent, fixed when queued (a redelivery sends the same).
    .addColumn('payload', text, (c) => c.notNull())
    // pending | delivering | delivered | failed
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', text, (c) => c.notNull())
    .addColumn('locked_by', text)
    .addColumn('locked_until', text)
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', text)
    // A short excerpt of the last response's body, never the whole body.
    .addColumn('last_response', text)
    // The delivery this one sends again (a redelivery), or null.
    .addColumn('redelivery_of', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('delivered_at', text)
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_webhook')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'created_at', 'id'])
    .execute();
  // Per product: the newest event already turned into deliveries. Per product, not one for all: event ids
  // become visible in id order within a product (its write lock), not across products.
  await db.schema
    .createTable('webhook_cursors')
    .addColumn('product_id', text, (c) => c.primaryKey().references('products.id'))
    .addColumn('last_event_id', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('webhook_cursors').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhooks').execute();
}
