#!/usr/bin/env node
// Runs every test (unit, service/HTTP on both databases, process-level) with node's test runner.
// PostgreSQL: TEST_DATABASE_URL, else the local server at 127.0.0.1:5432. Outside CI an unreachable
// PostgreSQL is reported and its suites are left out; in CI (CI=true) that is a failure, never a skip.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

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

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

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

const filter = process.argv.slice(2);
const files = [...findTests('src'), ...findTests('test'), ...findTests('e2e')]
  .filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)))
  .sort();

// Browser tests: Debian's Chromium, never a downloaded one. Missing outside CI: said plainly and skipped;
// missing in CI: a failure.
if (files.some((f) => f.startsWith('e2e'))) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(chromium)) {
    console.log(`tests: browser tests in ${chromium}`);
    // Build the web app once here, not in each test process (it is skipped when dist/web is current).
    const build = spawnSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  } else if (ci) {
    console.error(
      `tests: Chromium is required in CI and is missing at ${chromium} (apt-get install chromium)`,
    );
    process.exit(1);
  } else {
    console.warn(
      `tests: Chromium not found at ${chromium}: the browser tests (e2e/) are SKIPPED. ` +
        'Install it with `apt-get install chromium` to run them.',
    );
  }
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
