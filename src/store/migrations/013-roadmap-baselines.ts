/**
 * Roadmap baselines and announced pivots: a named snapshot of a product's initiatives at one event, and
 * the announcements that explain changes to the roadmap (its changelog).
 */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const text = 'text' as const;

  await db.schema
    .createTable('roadmap_baselines')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('name', text, (c) => c.notNull())
    // The name trimmed and lower-cased: unique among a product's live baselines.
    .addColumn('name_key', text, (c) => c.notNull())
    // The product's newest event when the snapshot was taken.
    .addColumn('as_of', 'bigint', (c) => c.notNull())
    // JSON: the live initiatives' roadmap fields at `as_of`.
    .addColumn('snapshot', text, (c) => c.notNull())
    .addColumn('initiative_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema
    .createIndex('roadmap_baselines_product')
    .on('roadmap_baselines')
    .columns(['product_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('roadmap_announcements')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('initiative_id', text, (c) => c.notNull().references('initiatives.id'))
    // The initiative event the announcement explains.
    .addColumn('event_id', 'bigint')
    // JSON: that event's changes, { field: [before, after] }.
    .addColumn('changes', text, (c) => c.notNull())
    // 1 when the change was a pivot (a committed initiative changed after a baseline).
    .addColumn('pivot', 'integer', (c) => c.notNull())
    .addColumn('text', text, (c) => c.notNull())
    .addColumn('public_text', text)
    .addColumn('created_by', text, (c) => c.references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('roadmap_announcements_product')
    .on('roadmap_announcements')
    .columns(['product_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('roadmap_announcements_event')
    .on('roadmap_announcements')
    .columns(['event_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('roadmap_announcements').execute();
  await db.schema.dropTable('roadmap_baselines').execute();
}
