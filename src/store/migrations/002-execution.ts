/**
 * Execution: teams and their members, sprints, releases; items gain a sprint and a release; products
 * gain the switch that makes their release notes public.
 */
import { type Kysely, sql } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const text = 'text' as const;

  await db.schema
    .createTable('teams')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('teams_product').on('teams').column('product_id').execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', text, (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_members_user').on('team_members').column('user_id').execute();

  await db.schema
    .createTable('sprints')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('team_id', text, (c) => c.references('teams.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('goal', text, (c) => c.notNull())
    .addColumn('start_date', text, (c) => c.notNull())
    .addColumn('end_date', text, (c) => c.notNull())
    .addColumn('timezone', text, (c) => c.notNull())
    .addColumn('capacity', 'double precision')
    .addColumn('state', text, (c) => c.notNull())
    .addColumn('wip_limits', text, (c) => c.notNull())
    .addColumn('started_at', text)
    .addColumn('closed_at', text)
    .addColumn('committed_points', 'double precision')
    .addColumn('completed_points', 'double precision')
    .addColumn('report', text)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema
    .createIndex('sprints_product_team')
    .on('sprints')
    .columns(['product_id', 'team_id', 'start_date'])
    .execute();
  // One active sprint per team (a product's sprints without a team count as one team). Both databases
  // enforce it, so two servers starting sprints at once cannot both succeed.
  await sql`create unique index sprints_one_active on sprints (product_id, coalesce(team_id, ''))
    where state = 'active' and deleted_at is null`.execute(db);

  // Every item that has ever been in a sprint. Only an index into the event log (the events say when an
  // item entered or left): a burndown reads the events of these items and nothing else.
  await db.schema
    .createTable('sprint_scope_items')
    .addColumn('sprint_id', text, (c) => c.notNull().references('sprints.id').onDelete('cascade'))
    .addColumn('item_id', text, (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('sprint_scope_items_pk', ['sprint_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('releases')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('target_date', text)
    .addColumn('state', text, (c) => c.notNull())
    .addColumn('released_at', text)
    .addColumn('notes_draft', text, (c) => c.notNull())
    .addColumn('notes_generated_at', text)
    .addColumn('notes_published', text)
    .addColumn('notes_published_at', text)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('releases_product').on('releases').column('product_id').execute();

  await db.schema
    .alterTable('items')
    .addColumn('sprint_id', text, (c) => c.references('sprints.id'))
    .execute();
  await db.schema
    .alterTable('items')
    .addColumn('release_id', text, (c) => c.references('releases.id'))
    .execute();
  await db.schema.createIndex('items_sprint').on('items').column('sprint_id').execute();
  await db.schema.createIndex('items_release').on('items').column('release_id').execute();

  await db.schema
    .alterTable('products')
    .addColumn('release_notes_public', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('products').dropColumn('release_notes_public').execute();
  await db.schema.dropIndex('items_release').execute();
  await db.schema.dropIndex('items_sprint').execute();
  await db.schema.alterTable('items').dropColumn('release_id').execute();
  await db.schema.alterTable('items').dropColumn('sprint_id').execute();
  await db.schema.dropTable('releases').execute();
  await db.schema.dropTable('sprint_scope_items').execute();
  await db.schema.dropTable('sprints').execute();
  await db.schema.dropTable('team_members').execute();
  await db.schema.dropTable('teams').execute();
}
