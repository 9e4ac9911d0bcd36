/**
 * Fresh databases for a benchmark run: a SQLite data folder under .bench-data/ (on the real disk, not a
 * tmpfs), or a PostgreSQL database `cairn_bench_<random>` created through the admin URL and dropped after.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, type DialectName, openDatabase } from '../src/store/database.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import type { ServerLocation } from './startup.ts';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DATA_ROOT = fileURLToPath(new URL('../.bench-data/', import.meta.url));

export interface BenchDatabase {
  database: Database;
  location: ServerLocation;
  /** Closes the bench's own connection (servers open theirs) — idempotent. */
  close(): Promise<void>;
  /** Closes and deletes the database. */
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(dialect: DialectName): Promise<BenchDatabase> {
  const suffix = randomBytes(5).toString('hex');
  let location: ServerLocation;
  let remove: () => Promise<void>;
  if (dialect === 'postgres') {
    const name = `cairn_bench_${suffix}`;
    await admin((client) => client.query(`create database ${name}`));
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    location = { databaseUrl: url.toString() };
    remove = () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then();
  } else {
    const dataDir = join(DATA_ROOT, suffix);
    mkdirSync(dataDir, { recursive: true });
    location = { dataDir };
    remove = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  const database = openLocation(location);
  await migrateToLatest(database.db);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await database.close();
  };
  return {
    database,
    location,
    close,
    drop: async () => {
      await close();
      await remove();
    },
  };
}

/** The database at a bench location, opened again (by another process, or after `close`). */
export function openLocation(location: ServerLocation): Database {
  return openDatabase({
    databaseUrl: location.databaseUrl,
    sqliteFile: location.dataDir ? join(location.dataDir, 'cairn.db') : undefined,
  });
}

/** Versions for the report: SQLite's library and the PostgreSQL server's. */
export async function databaseVersions(): Promise<{ sqlite: string; postgres: string | null }> {
  const memory = openDatabase({ sqliteFile: ':memory:' });
  const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(memory.db);
  await memory.close();
  const postgres = await admin((client) =>
    client.query<{ v: string }>("select current_setting('server_version') as v"),
  ).then(
    (result) => result.rows[0]?.v ?? null,
    () => null,
  );
  return { sqlite: rows[0]?.v ?? 'unknown', postgres };
}
