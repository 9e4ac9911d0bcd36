/**
 * Vision and cadences: a product's vision draft and its published versions; the product's settings row
 * gains its process profile and its adjusted cadences (with defaults, so rows written before stay valid).
 */
import { type Kysely, sql } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const text = 'text' as const;

  // One draft per product; its id is the product's id (a singleton, written through the versioned path).
  await db.schema
    .createTable('vision_drafts')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().unique().references('products.id'))
    .addColumn('statement', text, (c) => c.notNull())
    // JSON arrays of short strings.
    .addColumn('target_customers', text, (c) => c.notNull())
    .addColumn('problems', text, (c) => c.notNull())
    .addColumn('differentiators', text, (c) => c.notNull())
    .addColumn('period_start', text)
    .addColumn('period_end', text)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    // Set while the draft is in the trash: it reads as empty until restored.
    .addColumn('deleted_at', text)
    .execute();

  await db.schema
    .createTable('vision_versions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('statement', text, (c) => c.notNull())
    .addColumn('target_customers', text, (c) => c.notNull())
    .addColumn('problems', text, (c) => c.notNull())
    .addColumn('differentiators', text, (c) => c.notNull())
    .addColumn('period_start', text)
    .addColumn('period_end', text)
    .addColumn('published_by', text, (c) => c.references('users.id'))
    .addColumn('published_at', text, (c) => c.notNull())
    .addUniqueConstraint('vision_versions_number', ['product_id', 'number'])
    .execute();

  await db.schema
    .alterTable('product_settings')
    .addColumn('process_profile', text, (c) => c.notNull().defaultTo(sql`'full'`))
    .execute();
  await db.schema
    .alterTable('product_settings')
    .addColumn('cadences', text, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('product_settings').dropColumn('cadences').execute();
  await db.schema.alterTable('product_settings').dropColumn('process_profile').execute();
  await db.schema.dropTable('vision_versions').execute();
  await db.schema.dropTable('vision_drafts').execute();
}
