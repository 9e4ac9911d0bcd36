/**
 * API token scopes and product lists, calendar feed secrets, single sign-on identities (issue 15).
 * Tokens made before this migration keep doing what they did: scope 'write', every product the user sees.
 */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const text = 'text' as const;
  // 'read' | 'write'.
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', text, (c) => c.notNull().defaultTo('write'))
    .execute();
  // JSON array of product ids; null: every product the token's user can see.
  await db.schema.alterTable('api_tokens').addColumn('product_ids', text).execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    // Hex SHA-256 of the secret in the feed's URL; the URL itself is shown once.
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('revoked_at', text)
    .execute();
  await db.schema.createIndex('calendar_feeds_user').on('calendar_feeds').columns(['user_id']).execute();

  await db.schema
    .createTable('oidc_identities')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('issuer', text, (c) => c.notNull())
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_login_at', text)
    .addUniqueConstraint('oidc_identities_issuer_subject', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('oidc_identities_user').on('oidc_identities').columns(['user_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('oidc_identities').execute();
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.alterTable('api_tokens').dropColumn('product_ids').execute();
  await db.schema.alterTable('api_tokens').dropColumn('scope').execute();
}
