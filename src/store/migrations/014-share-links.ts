/**
 * Share links: a public, read-only address of a product's customer roadmap. Only the SHA-256 of the
 * link's random token is stored (the URL is shown once, when the link is made); the shared page finds its
 * link by that hash through the unique index.
 */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const text = 'text' as const;
  await db.schema
    .createTable('share_links')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    // The audience view the link shows (only 'customer' today: the other views hold internal fields).
    .addColumn('view', text, (c) => c.notNull())
    // Hex SHA-256 of the token in the URL.
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('expires_at', text)
    .addColumn('created_by', text, (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema
    .createIndex('share_links_product')
    .on('share_links')
    .columns(['product_id', 'created_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('share_links').execute();
}
