// What scripts/run-tests.js and scripts/time-test-files.js share: the test files, and the environment the
// tests run in (PostgreSQL when it answers; in CI an unreachable PostgreSQL is a failure, never a skip).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

/** Every test file under src/, test/ and e2e/, sorted by path. */
export function findTestFiles() {
  return [...findTests('src'), ...findTests('test'), ...findTests('e2e')].sort();
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The tests' environment: TEST_DATABASE_URL when PostgreSQL answers (outside CI an unreachable one is
 * reported and its suites are left out; in CI the process exits with a failure), and a low scrypt cost.
 */
export async function testEnvironment() {
  const reachable = await postgresReachable();
  const env = { ...process.env, CAIRN_SCRYPT_COST: process.env.CAIRN_SCRYPT_COST ?? '12' };
  if (reachable === true) {
    env.TEST_DATABASE_URL = url;
    console.log(`tests: SQLite and PostgreSQL (${new URL(url).host})`);
  } else if (ci) {
    console.error(`tests: PostgreSQL at ${url} is required in CI and is not reachable: ${reachable.message}`);
    process.exit(1);
  } else {
    delete env.TEST_DATABASE_URL;
    console.warn(`tests: PostgreSQL not reachable at ${url} (${reachable.message}); running SQLite only.`);
  }
  return env;
}
