#!/usr/bin/env node
// Runs the test files it is given with node's test runner, `--concurrency` at a time, in the order given.
// `node --test` sorts the files it is given by name, which would undo the longest-first order that
// scripts/run-tests.js chooses; the runner's run() keeps it. Each file still runs in its own process (with
// this process's node options, e.g. --enable-source-maps). Exits 1 when any test fails.
//   node --enable-source-maps scripts/run-test-files.js --concurrency 3 file.mjs …
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const args = process.argv.slice(2);
let concurrency = 1;
if (args[0] === '--concurrency') {
  concurrency = Number(args[1]);
  args.splice(0, 2);
}
if (!Number.isInteger(concurrency) || concurrency < 1)
  throw new Error('--concurrency must be a whole number');

const stream = run({ files: args, concurrency });
stream.on('test:fail', (event) => {
  if (!event.todo) process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
