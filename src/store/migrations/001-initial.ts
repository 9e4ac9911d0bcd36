/** The initial schema: users and credentials, products and the planning model, the event log. */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

type AnyDb = Kysely<unknown>;

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: AnyDb): Promise<void> {
  const postgres = isPostgres(db);
  const text = 'text' as const;

  // One row: its primary key is what makes `setup` succeed exactly once, even under concurrent calls.
  await db.schema
    .createTable('workspace')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('email', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('password_hash', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('disabled_at', text)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_seen_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('prefix', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_used_at', text)
    .addColumn('expires_at', text)
    .addColumn('revoked_at', text)
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('window_start', text, (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('key', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('next_item_number', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('product_members')
    .addColumn('product_id', text, (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('product_members_pk', ['product_id', 'user_id'])
    .execute();
  await db.schema.createIndex('product_members_user').on('product_members').column('user_id').execute();

  await db.schema
    .createTable('objectives')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('objectives_product').on('objectives').column('product_id').execute();

  await db.schema
    .createTable('themes')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('color', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('themes_product').on('themes').column('product_id').execute();

  await db.schema
    .createTable('initiatives')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('theme_id', text, (c) => c.references('themes.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('horizon', text, (c) => c.notNull())
    .addColumn('start_date', text)
    .addColumn('target_date', text)
    .addColumn('confidence', text, (c) => c.notNull())
    .addColumn('visibility', text, (c) => c.notNull())
    .addColumn('public_summary', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('success_metrics', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('initiatives_product').on('initiatives').column('product_id').execute();

  await db.schema
    .createTable('initiative_objectives')
    .addColumn('initiative_id', text, (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('objective_id', text, (c) => c.notNull().references('objectives.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('initiative_objectives_pk', ['initiative_id', 'objective_id'])
    .execute();
  await db.schema
    .createIndex('initiative_objectives_objective')
    .on('initiative_objectives')
    .column('objective_id')
    .execute();

  // `seq` is a stable integer key for the full-text index (SQLite FTS5 external content needs one).
  await db.schema
    .createTable('items')
    .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('id', text, (c) => c.notNull().unique())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('key', text, (c) => c.notNull().unique())
    .addColumn('type', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('story', text)
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('acceptance_criteria', text, (c) => c.notNull())
    .addColumn('estimate', 'double precision')
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('initiative_id', text, (c) => c.references('initiatives.id'))
    .addColumn('assignee_id', text, (c) => c.references('users.id'))
    .addColumn('labels', text, (c) => c.notNull())
    // Ranks compare bytewise: PostgreSQL must not sort them by a locale's collation.
    .addColumn('rank', postgres ? sql`text collate "C"` : text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  // Trashed items keep their rank so a restore puts them back where they were; ranks stay unique.
  await db.schema
    .createIndex('items_product_rank')
    .on('items')
    .columns(['product_id', 'rank'])
    .unique()
    .execute();
  await db.schema
    .createIndex('items_product_status_rank')
    .on('items')
    .columns(['product_id', 'status', 'rank'])
    .execute();
  await db.schema.createIndex('items_initiative').on('items').columns(['initiative_id', 'rank']).execute();

  await db.schema
    .createTable('item_labels')
    .addColumn('item_id', text, (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('label', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('item_labels_pk', ['item_id', 'label'])
    .execute();
  await db.schema.createIndex('item_labels_label').on('item_labels').columns(['label', 'item_id']).execute();

  await db.schema
    .createTable('dependencies')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('blocker_id', text, (c) => c.notNull().references('items.id'))
    .addColumn('blocked_id', text, (c) => c.notNull().references('items.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('created_by', text)
    .addUniqueConstraint('dependencies_pair', ['blocker_id', 'blocked_id'])
    .execute();
  await db.schema.createIndex('dependencies_blocked').on('dependencies').column('blocked_id').execute();
  await db.schema.createIndex('dependencies_product').on('dependencies').column('product_id').execute();

  await db.schema
    .createTable('external_dependencies')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('item_id', text, (c) => c.notNull().references('items.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('owner', text, (c) => c.notNull())
    .addColumn('expected_date', text)
    .addColumn('met', 'integer', (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('external_dependencies_item')
    .on('external_dependencies')
    .column('item_id')
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('product_id', text)
    .addColumn('actor_id', text)
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('entity_type', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('changes', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_product').on('events').columns(['product_id', 'id']).execute();
  await db.schema.createIndex('events_entity').on('events').columns(['entity_id', 'id']).execute();

  if (postgres) {
    await sql`alter table items add column search tsvector generated always as
      (to_tsvector('simple', translate(key, '-', ' ') || ' ' || title || ' ' || description)) stored`.execute(
      db,
    );
    await sql`create index items_search on items using gin (search)`.execute(db);
  } else {
    await sql`create virtual table items_fts using fts5(key, title, description, content='items', content_rowid='seq')`.execute(
      db,
    );
    await sql`create trigger items_fts_insert after insert on items begin
      insert into items_fts(rowid, key, title, description) values (new.seq, new.key, new.title, new.description);
    end`.execute(db);
    await sql`create trigger items_fts_delete after delete on items begin
      insert into items_fts(items_fts, rowid, key, title, description)
        values ('delete', old.seq, old.key, old.title, old.description);
    end`.execute(db);
    await sql`create trigger items_fts_update after update of key, title, description on items begin
      insert into items_fts(items_fts, rowid, key, title, description)
        values ('delete', old.seq, old.key, old.title, old.description);
      insert into items_fts(rowid, key, title, description) values (new.seq, new.key, new.title, new.description);
    end`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  const postgres = isPostgres(db);
  if (!postgres) await sql`drop table if exists items_fts`.execute(db);
  for (const table of [
    'events',
    'external_dependencies',
    'dependencies',
    'item_labels',
    'items',
    'initiative_objectives',
    'initiatives',
    'themes',
    'objectives',
    'product_members',
    'products',
    'login_attempts',
    'api_tokens',
    'sessions',
    'users',
    'workspace',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
