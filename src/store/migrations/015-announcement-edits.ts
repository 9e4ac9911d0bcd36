/**
 * Announcements become versioned objects: their words can be edited (If-Match), and they go to the trash
 * and come back. Existing announcements start at version 1, last updated when they were made.
 */
import { type Kysely, sql } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const table = 'roadmap_announcements';
  await db.schema
    .alterTable(table)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Not null with a placeholder default (SQLite adds no NOT NULL column without one), filled just below.
  await db.schema
    .alterTable(table)
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable(table).addColumn('deleted_at', 'text').execute();
  await sql`update roadmap_announcements set updated_at = created_at`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  const table = 'roadmap_announcements';
  await db.schema.alterTable(table).dropColumn('deleted_at').execute();
  await db.schema.alterTable(table).dropColumn('updated_at').execute();
  await db.schema.alterTable(table).dropColumn('version').execute();
}
