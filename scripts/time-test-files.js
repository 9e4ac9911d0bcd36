#!/usr/bin/env node
// Runs test files one at a time and prints each one's wall time and CPU time (user + sys, the test process
// and everything it spawns), with its test count. CPU time is the figure to compare on a busy machine: wall
// time moves with the load. `--write` records the wall times in test/support/durations.json, which
// scripts/run-tests.js reads to start the longest files first.
//   node scripts/time-test-files.js [--write] [part of a path ...]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { bundleTests } from './bundle-tests.js';
import { findTestFiles, testEnvironment } from './test-files.js';

const args = process.argv.slice(2);
const write = args.includes('--write');
const filter = args.filter((a) => a !== '--write');
const files = findTestFiles().filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)));
const env = await testEnvironment();

const durationsFile = 'test/support/durations.json';
const durations = existsSync(durationsFile) ? JSON.parse(readFileSync(durationsFile, 'utf8')) : {};
// Timed as `npm test` runs them: bundled (scripts/bundle-tests.js).
const bundles = await bundleTests(files);
console.log(['file', 'wall_s', 'cpu_s', 'tests', 'fail'].join('\t'));
let total = { wall: 0, cpu: 0, tests: 0 };
for (const [index, file] of files.entries()) {
  const started = process.hrtime.bigint();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'TIME %U %S',
      process.execPath,
      '--enable-source-maps',
      '--test',
      '--test-reporter=tap',
      bundles[index],
    ],
    { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const [, user, sys] = /TIME ([\d.]+) ([\d.]+)/.exec(run.stderr) ?? [0, 'NaN', 'NaN'];
  const cpu = Number(user) + Number(sys);
  const tests = Number(/^# tests (\d+)/m.exec(run.stdout)?.[1] ?? Number.NaN);
  const fail = Number(/^# fail (\d+)/m.exec(run.stdout)?.[1] ?? Number.NaN);
  total = { wall: total.wall + wall, cpu: total.cpu + cpu, tests: total.tests + tests };
  console.log([file, wall.toFixed(1), cpu.toFixed(1), tests, fail].join('\t'));
  durations[file] = Math.round(wall * 10) / 10;
}
console.log(['total', total.wall.toFixed(1), total.cpu.toFixed(1), total.tests, ''].join('\t'));
if (write) {
  const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(durationsFile, `${JSON.stringify(sorted, null, 2)}\n`);
}
