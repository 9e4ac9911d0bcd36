/**
 * Comments, watchers and notifications (issue 15). A comment belongs to an item, an initiative or a PRD
 * of one product; imported comments carry their original author's name instead of a user. Watchers hear
 * of new comments; notifications are each user's in-app list (a mention, a comment on something
 * watched), read or unread. Whether a product's viewers may comment is a per-product setting, off by
 * default (a product without a row has the default).
 */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const text = 'text' as const;
  await db.schema
    .createTable('comments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    // item | initiative | prd
    .addColumn('entity_type', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    .addColumn('author_id', text, (c) => c.references('users.id'))
    // The original author of an imported comment (Trello, Jira), who has no user here.
    .addColumn('author_name', text)
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('edited_at', text)
    .addColumn('deleted_at', text)
    .execute();
  await db.schema
    .createIndex('comments_entity')
    .on('comments')
    .columns(['entity_type', 'entity_id', 'created_at'])
    .execute();
  await db.schema.createIndex('comments_product').on('comments').columns(['product_id']).execute();

  await db.schema
    .createTable('watchers')
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('entity_type', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('watchers_pk', ['entity_type', 'entity_id', 'user_id'])
    .execute();
  await db.schema.createIndex('watchers_user').on('watchers').columns(['user_id']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    // mention | comment
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('entity_type', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    .addColumn('comment_id', text, (c) => c.references('comments.id'))
    .addColumn('actor_id', text, (c) => c.references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('read_at', text)
    .execute();
  // The list (newest first, by id: UUIDv7 ids follow creation) and the unread count of one user.
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
  await db.schema
    .createIndex('notifications_unread')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();

  await db.schema
    .createTable('comment_settings')
    .addColumn('product_id', text, (c) => c.primaryKey().references('products.id'))
    .addColumn('viewers_may_comment', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('comment_settings').execute();
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('watchers').execute();
  await db.schema.dropTable('comments').execute();
}
