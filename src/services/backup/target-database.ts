/** The database a restore writes into: whether it holds anything, and emptying it of every table. */
import { sql } from 'kysely';
import { type Db, dialectOf } from '../../store/database.ts';
import { tableNames } from './catalog.ts';

/** The migrator's bookkeeping holds no data: a migrated but unused database counts as empty. */
const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock']);

/** The first table (by name) that has a row, or null when none has. */
export async function firstNonEmptyTable(db: Db): Promise<string | null> {
  for (const name of await tableNames(db)) {
    if (BOOKKEEPING.has(name)) continue;
    const { rows } = await sql`select 1 as found from ${sql.table(name)} limit 1`.execute(db);
    if (rows.length > 0) return name;
  }
  return null;
}

/**
 * Drops every table (the migrator's too), so migrating builds the backup's schema from nothing. SQLite's
 * full-text index is a virtual table that takes its shadow tables with it.
 */
export async function clearDatabase(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    const names = await tableNames(db);
    if (names.length > 0) {
      await sql`drop table if exists ${sql.join(names.map((name) => sql.table(name)))} cascade`.execute(db);
    }
    return;
  }
  const { rows } = await sql<{ name: string; type: string }>`select name, type from pragma_table_list
    where schema = 'main' and type in ('table', 'virtual', 'view') and name not like 'sqlite%'
    order by type = 'table', name`.execute(db);
  // Dropping a referenced table first would fail the foreign-key check on its implicit delete.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    for (const row of rows) {
      const kind = row.type === 'view' ? sql`view` : sql`table`;
      await sql`drop ${kind} if exists ${sql.table(row.name)}`.execute(db);
    }
    const sequence = await sql`select 1 from pragma_table_list where name = 'sqlite_sequence'`.execute(db);
    if (sequence.rows.length > 0) await sql`delete from sqlite_sequence`.execute(db);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
