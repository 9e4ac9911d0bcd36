/**
 * `node --import tsx bench/http-client/run.ts`: the write benchmark from a separate client process alone
 * (`npm run bench` runs it too). CLIENT_RUNS (default 5) and CLIENT_ITEMS (default 2000) size it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measureClientWrites } from './measure.ts';

const runs = Number(process.env.CLIENT_RUNS ?? 5);
const items = Number(process.env.CLIENT_ITEMS ?? 2000);
const build = spawnSync(process.execPath, ['scripts/build.js'], {
  cwd: fileURLToPath(new URL('../..', import.meta.url)),
  stdio: 'inherit',
});
if (build.status !== 0) throw new Error('npm run build failed');
const result = await measureClientWrites({ runs, items });
for (const run of result.runs) console.log(JSON.stringify(run));
console.log(`median: ${JSON.stringify(result.median)}`);
