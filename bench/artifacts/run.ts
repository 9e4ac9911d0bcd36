/**
 * `npm run bench:artifacts` (and the end of `npm run bench`): the artifacts' targets, each script in a
 * process of its own so none shares a heap with another's data —
 * - baseline-diff.ts: a roadmap baseline's diff over 300 initiatives and their events, read from the
 *   database (≤ 50 ms);
 * - shared-page.ts: a customer share link's page over HTTP (p50 ≤ 30 ms);
 * - story-map.ts: in Chromium, a story map of 500 stories shown after navigation (≤ 500 ms) and a card's
 *   drag (p95 ≤ 50 ms).
 * Builds once first (the pages are served by the built server). BENCH_DIALECTS (default sqlite,postgres)
 * is passed on to the two database benches.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPTS = ['baseline-diff.ts', 'shared-page.ts', 'story-map.ts'];

export function benchArtifacts(options: { build: boolean }): void {
  if (options.build) {
    const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the build failed');
  }
  const env = {
    ...process.env,
    BENCH_DIALECTS: process.env.BENCH_DIALECTS ?? 'sqlite,postgres',
    STORY_MAP_NO_BUILD: '1',
  };
  for (const script of SCRIPTS) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/artifacts/${script}`], {
      cwd: root,
      stdio: 'inherit',
      env,
    });
    if (run.status !== 0) throw new Error(`bench/artifacts/${script} failed (exit ${run.status})`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) benchArtifacts({ build: true });
