/**
 * User story maps: a product's maps (optionally tied to an initiative), the backbone of user activities
 * and their steps, the backlog items placed under each step, and the release slices across the map. The
 * child rows are ordered by fractional rank keys (as items are) and belong to their map: they carry no
 * version or trash of their own (the map's version covers every change to them).
 */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const text = 'text' as const;

  await db.schema
    .createTable('story_maps')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('initiative_id', text, (c) => c.references('initiatives.id'))
    .addColumn('name', text, (c) => c.notNull())
    // The name trimmed and lower-cased: unique among a product's live maps.
    .addColumn('name_key', text, (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema
    .createIndex('story_maps_product')
    .on('story_maps')
    .columns(['product_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('story_map_activities')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('map_id', text, (c) => c.notNull().references('story_maps.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('rank', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('story_map_activities_map')
    .on('story_map_activities')
    .columns(['map_id', 'rank'])
    .execute();

  await db.schema
    .createTable('story_map_steps')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('map_id', text, (c) => c.notNull().references('story_maps.id'))
    .addColumn('activity_id', text, (c) => c.notNull().references('story_map_activities.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('rank', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('story_map_steps_map')
    .on('story_map_steps')
    .columns(['map_id', 'activity_id', 'rank'])
    .execute();

  // An item sits at most once on a map: the key is (map, item).
  await db.schema
    .createTable('story_map_placements')
    .addColumn('map_id', text, (c) => c.notNull().references('story_maps.id'))
    .addColumn('item_id', text, (c) => c.notNull().references('items.id'))
    .addColumn('step_id', text, (c) => c.notNull().references('story_map_steps.id'))
    .addColumn('rank', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('story_map_placements_pk', ['map_id', 'item_id'])
    .execute();
  await db.schema
    .createIndex('story_map_placements_step')
    .on('story_map_placements')
    .columns(['step_id', 'rank'])
    .execute();
  // The gaps ask which of an initiative's items are on any map.
  await db.schema
    .createIndex('story_map_placements_item')
    .on('story_map_placements')
    .column('item_id')
    .execute();

  // A slice is tied to exactly one release or one sprint of the map's product.
  await db.schema
    .createTable('story_map_slices')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('map_id', text, (c) => c.notNull().references('story_maps.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('release_id', text, (c) => c.references('releases.id'))
    .addColumn('sprint_id', text, (c) => c.references('sprints.id'))
    .addColumn('rank', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('story_map_slices_map')
    .on('story_map_slices')
    .columns(['map_id', 'rank'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('story_map_slices').execute();
  await db.schema.dropTable('story_map_placements').execute();
  await db.schema.dropTable('story_map_steps').execute();
  await db.schema.dropTable('story_map_activities').execute();
  await db.schema.dropTable('story_maps').execute();
}
