/**
 * Planning intelligence: a product's planning settings (its Definition of Ready and grooming settings),
 * its strategic reviews and the backlog views its members save; sprints gain the share of their capacity
 * kept for refinement.
 */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const text = 'text' as const;

  // One row per product that changed its settings (a product without one has the defaults). Its id is
  // the product's id, so the one write path (versioned, If-Match, an event) works on it like any object.
  await db.schema
    .createTable('product_settings')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().unique().references('products.id'))
    .addColumn('definition_of_ready', text, (c) => c.notNull())
    .addColumn('grooming', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('decisions', text, (c) => c.notNull())
    // JSON: the figures the review was held over (alignment, forecast, blockers, changes since the last).
    .addColumn('snapshot', text, (c) => c.notNull())
    .addColumn('as_of', 'bigint', (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reviews_product')
    .on('reviews')
    .columns(['product_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('name', text, (c) => c.notNull())
    // The name trimmed and lower-cased: unique among a product's live views.
    .addColumn('name_key', text, (c) => c.notNull())
    // JSON: the backlog's filters and sort (schemas/view.ts BacklogFilterSet).
    .addColumn('filters', text, (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema
    .createIndex('saved_views_product')
    .on('saved_views')
    .columns(['product_id', 'name_key'])
    .execute();

  await db.schema.alterTable('sprints').addColumn('refinement_share', 'double precision').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('sprints').dropColumn('refinement_share').execute();
  await db.schema.dropTable('saved_views').execute();
  await db.schema.dropTable('reviews').execute();
  await db.schema.dropTable('product_settings').execute();
}
