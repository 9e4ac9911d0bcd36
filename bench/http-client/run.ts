/**
 * `node --import tsx bench/http-client/run.ts`: the write benchmark from a separate client process alone
 * (`npm run bench` runs it too). CLIENT_RUNS (default 5) and CLIENT_ITEMS (default 2000) size it.
 * CLIENT_COMPARE=<checkout> (another build of Cairn, `node scripts/build.js` run in it) alternates runs of
 * this build and that one, one of each per round, and reports both: an A/B under the same machine load.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureClientWrites } from './measure.ts';

const runs = Number(process.env.CLIENT_RUNS ?? 5);
const items = Number(process.env.CLIENT_ITEMS ?? 2000);
const build = spawnSync(process.execPath, ['scripts/build.js'], {
  cwd: fileURLToPath(new URL('../..', import.meta.url)),
  stdio: 'inherit',
});
if (build.status !== 0) throw new Error('npm run build failed');
const roots = [fileURLToPath(new URL('../..', import.meta.url))];
if (process.env.CLIENT_COMPARE) roots.push(resolve(process.env.CLIENT_COMPARE));
const results = await measureClientWrites({ runs, items, roots });
for (const [i, result] of results.entries()) {
  console.log(`${roots[i]}:`);
  for (const run of result.runs) console.log(JSON.stringify(run));
  console.log(`median: ${JSON.stringify(result.median)}`);
}
