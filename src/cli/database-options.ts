/** The database flags every CLI command shares. */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../store/database.ts';
import { migrateToLatest } from '../store/migrate.ts';

export function withDatabaseOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'data folder for the embedded SQLite database (env CAIRN_DATA_DIR)', undefined)
    .option('--database-url <url>', 'use PostgreSQL instead of SQLite: postgres://… (env DATABASE_URL)');
}

/** Opens and migrates the database named by the flags or environment (`log`: what it migrates). */
export async function openFromFlags(
  flags: { data?: string; databaseUrl?: string },
  log?: (line: string) => void,
): Promise<Database> {
  const config = loadConfig({ data: flags.data, databaseUrl: flags.databaseUrl });
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrateToLatest(database.db, log);
  return database;
}
