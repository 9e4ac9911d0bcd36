/**
 * Real databases for tests: a fresh SQLite file, and a fresh PostgreSQL database created from
 * TEST_DATABASE_URL (dropped afterwards). Every service and HTTP suite runs once per dialect. A migrated
 * PostgreSQL database is a copy of a migrated template (see postgres-template.ts); SQLite runs the
 * migrations, which take it a few milliseconds.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type DialectName, openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { migratedTemplate } from './postgres-template.ts';

/** Set by scripts/run-tests.js after checking the server answers; unset means "PostgreSQL not available". */
const postgresUrl = process.env.TEST_DATABASE_URL || undefined;

export const DIALECTS: DialectName[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends Database {
  /** The URL (PostgreSQL) or file (SQLite) — for tests that start a server process on it. */
  location: { databaseUrl?: string; sqliteFile?: string };
}

export async function createTestDatabase(
  dialect: DialectName,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let database: Database;
  let location: TestDatabase['location'];
  let cleanup: () => Promise<void>;
  let migrated = false;
  if (dialect === 'postgres') {
    if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `cairn_test_${randomBytes(6).toString('hex')}`;
    const template = options.migrate === false ? undefined : await migratedTemplate(postgresUrl);
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
    // A commit answers without waiting for its WAL flush to disk (what every test write paid): only a crash
    // of the PostgreSQL server could lose such a commit, and no test crashes it. Visibility, isolation and
    // locking are unchanged. Set on this test database only, never on the server.
    await admin.query(`alter database ${name} set synchronous_commit = off`);
    await admin.end();
    migrated = template !== undefined;
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    location = { databaseUrl: url.toString() };
    database = openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
    cleanup = async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-test-'));
    location = { sqliteFile: join(dir, 'cairn.db') };
    database = openDatabase({ sqliteFile: location.sqliteFile });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  if (options.migrate !== false && !migrated) await migrateToLatest(database.db);
  return {
    ...database,
    location,
    close: async () => {
      await database.close();
      await cleanup();
    },
  };
}

/** A users row to insert directly (store tests): `id@example.com`, named `id`, a viewer unless told. */
export function userRow(id: string, fields: { email?: string; role?: 'editor' | 'viewer' } = {}) {
  return {
    id,
    email: fields.email ?? `${id}@example.com`,
    name: id,
    role: fields.role ?? ('viewer' as const),
    password_hash: 'x',
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    disabled_at: null,
  };
}
