/**
 * A migrated PostgreSQL database kept as a template, so a test database is a copy (CREATE DATABASE …
 * TEMPLATE, about a third of the time of running every migration) instead of a fresh migration. Its name
 * carries a hash of the migration sources: a changed or added migration gets a new template, never a stale
 * one. Test processes share it; an advisory lock lets exactly one of them build it, under a temporary name
 * renamed once complete, so a process killed mid-build never leaves a half-migrated template behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';

const STORE = join(import.meta.dirname, '..', '..', 'src', 'store');
/** Any constant: the key of the advisory lock that serialises building the template. */
const BUILD_LOCK = 7_306_221;

function migrationsHash(): string {
  const hash = createHash('sha256');
  const files = [
    join(STORE, 'migrate.ts'),
    ...readdirSync(join(STORE, 'migrations'))
      .sort()
      .map((name) => join(STORE, 'migrations', name)),
  ];
  for (const file of files) hash.update(file.slice(STORE.length)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function urlOf(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let template: Promise<string> | undefined;

/** The template's name, built first if no process has built it yet for these migrations. */
export function migratedTemplate(serverUrl: string): Promise<string> {
  template ??= buildOnce(serverUrl, `cairn_template_${migrationsHash()}`);
  return template;
}

async function buildOnce(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [BUILD_LOCK]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      const building = `${name}_${randomBytes(4).toString('hex')}`;
      await admin.query(`create database ${building}`);
      const database = openDatabase({ databaseUrl: urlOf(serverUrl, building), poolSize: 1 });
      try {
        await migrateToLatest(database.db);
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
      // No connections to it, ever: CREATE DATABASE … TEMPLATE refuses a template someone is connected to.
      await admin.query(`alter database ${name} is_template true allow_connections false`);
    }
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [BUILD_LOCK]).catch(() => {});
    await admin.end();
  }
}
