#!/usr/bin/env node
// Runs every test (unit, service/HTTP on both databases, process-level, browser) with node's test runner,
// one file more at a time than there are cores (three on 2 cores): a test process spends much of its time
// waiting (for a child process, a browser, a stream, a database), and a third worker uses that time; on a
// quiet 2-core machine two workers kept the CPU only 122 % busy. PostgreSQL: TEST_DATABASE_URL, else the
// local server at 127.0.0.1:5432 (see test-files.js). The test files are bundled first
// (scripts/bundle-tests.js), so no test process loads the TypeScript sources module by module. The longest
// files start first (test/support/durations.json, refreshed with `node scripts/time-test-files.js --write`),
// so the workers finish together instead of one running a long file alone at the end.
// scripts/run-test-files.js keeps that order (`node --test` sorts by name).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { bundleTests } from './bundle-tests.js';
import { findTestFiles, testEnvironment } from './test-files.js';

const ci = process.env.CI === 'true' || process.env.CI === '1';
/** What the whole suite may take on 2 cores; a run over it says so, naming the slowest files. */
const BUDGET_SECONDS = 240;
/** Test files run at once: TEST_CONCURRENCY, else one more than the cores (see above). */
const concurrency = process.env.TEST_CONCURRENCY || String(availableParallelism() + 1);

const env = await testEnvironment();
const filter = process.argv.slice(2);
const durations = JSON.parse(readFileSync('test/support/durations.json', 'utf8'));
/** A file not timed yet is placed by a guess from its folder until durations.json is refreshed. */
const guess = (file) => (file.startsWith('e2e') ? 30 : file.startsWith('test') ? 10 : 2);
const estimate = (file) => durations[file] ?? guess(file);
const files = findTestFiles()
  .filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)))
  .sort((a, b) => estimate(b) - estimate(a) || a.localeCompare(b));
const untimed = files.filter((f) => durations[f] === undefined);
if (untimed.length > 0)
  console.log(`tests: not in test/support/durations.json yet (placed by a guess): ${untimed.join(', ')}`);

// Browser tests: Debian's Chromium, never a downloaded one. Missing outside CI: said plainly and skipped;
// missing in CI: a failure.
if (files.some((f) => f.startsWith('e2e'))) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(chromium)) {
    console.log(`tests: browser tests in ${chromium}`);
    // Build the web app and the server bundle once here, not in each browser test process.
    const build = spawnSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
    env.CAIRN_TEST_BUILT = '1';
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
const started = performance.now();
const bundles = await bundleTests(files);
const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', 'scripts/run-test-files.js', '--concurrency', concurrency, ...bundles],
  { stdio: 'inherit', env },
);
const seconds = (performance.now() - started) / 1000;
console.log(`tests: ${files.length} files in ${seconds.toFixed(0)} s`);
if (filter.length === 0 && seconds > BUDGET_SECONDS) {
  const slowest = [...files].sort((a, b) => estimate(b) - estimate(a)).slice(0, 5);
  console.warn(
    `tests: over the ${BUDGET_SECONDS} s budget. The slowest files (durations.json): ` +
      `${slowest.map((f) => `${f} ${estimate(f)} s`).join(', ')}. ` +
      'Time them with `node scripts/time-test-files.js`.',
  );
}
process.exit(result.status ?? 1);
