/**
 * `npm run bench:intelligence` (and a part of `npm run bench`): the planning-intelligence analyses on a
 * product of 100,000 items, 300 initiatives and 20,000 dependencies (bench/generate.ts), on each database:
 * - each analysis as a pure function over the model already loaded (readiness, duplicates, sequencing,
 *   alignment, a 10,000-trial forecast of 300 initiatives, the dependency map), the median of 5 runs;
 * - each route end to end over HTTP, p50 of BENCH_INTEL_SAMPLES requests, at 100,000 and at 2,000 items:
 *   the first read after a change to the plan (cold) and the same read again (the report kept), each
 *   against a server of its own process started from the build, as `npm start` runs it.
 * The data is generated in a process of its own (fixture.ts), so that its garbage weighs on nothing timed.
 *
 * BENCH_DIALECTS (default sqlite,postgres), BENCH_INTEL_ITEMS (default 100000), BENCH_INTEL_SAMPLES
 * (default 10).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignmentOf } from '../../src/domain/alignment.ts';
import { dependencyMap } from '../../src/domain/dependency-map.ts';
import { findDuplicates } from '../../src/domain/duplicates.ts';
import { isOpen } from '../../src/domain/planning-model.ts';
import { productForecast } from '../../src/domain/product-forecast.ts';
import { assessReadiness } from '../../src/domain/readiness-report.ts';
import { sequenceBacklog } from '../../src/domain/sequence.ts';
import type { Actor } from '../../src/services/context.ts';
import { definitionOfReadyOf } from '../../src/services/intelligence/definition-of-ready.ts';
import { clearItemSnapshots } from '../../src/services/intelligence/item-snapshot.ts';
import { loadPlanningModel } from '../../src/services/intelligence/load-planning-model.ts';
import type { DialectName } from '../../src/store/database.ts';
import { createBenchDatabase, openLocation } from '../databases.ts';
import { createClient, percentile } from '../http-latency.ts';
import { type ServerLocation, spawnServer } from '../startup.ts';

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

const ITEMS = setting('BENCH_INTEL_ITEMS', 100_000);
const SAMPLES = setting('BENCH_INTEL_SAMPLES', 10);
const RESULTS_FILE = fileURLToPath(new URL('../results/intelligence.json', import.meta.url));

/** Targets of the issue, in ms. */
export const PURE_TARGETS: Record<string, number> = {
  readiness: 200,
  duplicates: 2000,
  sequencing: 300,
  alignment: 300,
  forecast: 1000,
};
export const ROUTE_TARGETS = { large: 1500, small: 50 };

export const ROUTES = [
  'readiness',
  'grooming',
  'dependency-graph',
  'sequence',
  'alignment',
  'forecast',
  'review-figures',
] as const;

function log(message: string): void {
  console.log(`[bench:intelligence ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeRuns(work: () => unknown, runs = 5): number {
  work(); // The first run compiles the code: a warm measure is what a server that has served once sees.
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return Math.round(median(times) * 10) / 10;
}

interface DialectReport {
  dialect: DialectName;
  items: number;
  dependencies: number;
  loadModelMs: number;
  pure: Record<string, number>;
  routes: Record<string, { large: { cold: number; warm: number }; small: { cold: number; warm: number } }>;
}

/** Each route timed against a server of its own process, as `npm start` runs it (from the build). */
async function routeTimes(
  location: ServerLocation,
  token: string,
  productId: string,
  itemId: string,
): Promise<Record<string, { cold: number; warm: number }>> {
  const server = await spawnServer(location);
  const client = createClient(server.url, token);
  const p50 = (times: number[]) =>
    Math.round(
      percentile(
        times.sort((a, b) => a - b),
        50,
      ) * 10,
    ) / 10;
  let edits = 0;
  try {
    const result: Record<string, { cold: number; warm: number }> = {};
    for (const route of ROUTES) {
      const path = `/products/${productId}/${route}`;
      await client.expect(200, 'GET', path);
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        // Cold: the first read after a change to the plan (an item's title edited: one event).
        await client.expect(200, 'PATCH', `/items/${itemId}`, { title: `Edited ${++edits}` });
        let started = performance.now();
        await client.expect(200, 'GET', path);
        cold.push(performance.now() - started);
        // Warm: the same report read again, nothing changed since.
        started = performance.now();
        await client.expect(200, 'GET', path);
        warm.push(performance.now() - started);
      }
      result[route] = { cold: p50(cold), warm: p50(warm) };
    }
    return result;
  } finally {
    client.close();
    await server.stop();
  }
}

interface Fixture {
  token: string;
  actor: Actor;
  productId: string;
  itemId: string;
}

/** A bench database with a product of `items` items, generated by bench/intelligence/fixture.ts. */
async function fixtureOf(dialect: DialectName, items: number) {
  const bench = await createBenchDatabase(dialect);
  await bench.close();
  const sizes = {
    items,
    initiatives: Math.max(1, Math.round((300 * items) / 100_000)),
    dependencies: Math.round((20_000 * items) / 100_000),
  };
  const script = fileURLToPath(new URL('fixture.ts', import.meta.url));
  const made = spawnSync(
    process.execPath,
    ['--import', 'tsx', script, JSON.stringify({ location: bench.location, ...sizes })],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (made.status !== 0) throw new Error(`bench/intelligence/fixture.ts failed:\n${made.stderr}`);
  const fixture = JSON.parse(made.stdout.trim().split('\n').at(-1) ?? '{}') as Fixture;
  return { bench, fixture, sizes };
}

export async function benchIntelligence(dialect: DialectName): Promise<DialectReport> {
  log(`${dialect}: generating ${ITEMS.toLocaleString('en')} items`);
  const large = await fixtureOf(dialect, ITEMS);
  const small = await fixtureOf(dialect, Math.min(2_000, ITEMS));
  const database = openLocation(large.bench.location);
  let open = true;
  const closeDatabase = async () => {
    if (open) await database.close();
    open = false;
  };
  try {
    const db = database.db;
    const { actor, productId } = large.fixture;
    const model = await loadPlanningModel(db, actor, productId);
    const definition = await definitionOfReadyOf(db, productId);
    const today = new Date().toISOString().slice(0, 10);
    const open = model.items.filter(isOpen);
    const ids = new Set(open.map((item) => item.id));
    const edges = model.dependencies.filter((e) => ids.has(e.from) && ids.has(e.to));
    const completed = model.items
      .filter((item) => item.status === 'done')
      .map((item, index) => ({
        itemId: item.id,
        day: new Date(Date.now() - (1 + (index % 84)) * 86_400_000).toISOString().slice(0, 10),
      }));
    log(`${dialect}: timing the pure functions`);
    const pure = {
      readiness: timeRuns(() => assessReadiness(model, definition)),
      duplicates: timeRuns(() =>
        findDuplicates(
          open.map((item) => ({
            id: item.id,
            title: item.title,
            story:
              item.story && `As ${item.story.asA}, I want ${item.story.iWant}, so that ${item.story.soThat}`,
            description: item.description,
          })),
        ),
      ),
      sequencing: timeRuns(() =>
        sequenceBacklog(
          open.map((i) => ({ id: i.id, rank: i.rank })),
          edges,
        ),
      ),
      alignment: timeRuns(() => alignmentOf(model, today, [])),
      forecast: timeRuns(() => productForecast(model, completed, { today, trials: 10_000 })),
      dependencyMap: timeRuns(() => dependencyMap(model, today)),
    };
    // The whole read, as a server's first report of the product: after the analyses, so that the models
    // read and dropped here weigh on none of them.
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      clearItemSnapshots();
      const started = performance.now();
      await loadPlanningModel(db, actor, productId);
      loads.push(performance.now() - started);
    }
    log(`${dialect}: timing the routes at ${ITEMS.toLocaleString('en')} items`);
    await closeDatabase();
    const largeRoutes = await routeTimes(
      large.bench.location,
      large.fixture.token,
      productId,
      large.fixture.itemId,
    );
    log(`${dialect}: timing the routes at 2,000 items`);
    const smallRoutes = await routeTimes(
      small.bench.location,
      small.fixture.token,
      small.fixture.productId,
      small.fixture.itemId,
    );
    const none = { cold: 0, warm: 0 };
    const routes: DialectReport['routes'] = {};
    for (const route of ROUTES) {
      routes[route] = { large: largeRoutes[route] ?? none, small: smallRoutes[route] ?? none };
    }
    return {
      dialect,
      items: ITEMS,
      dependencies: large.sizes.dependencies,
      loadModelMs: Math.round(median(loads)),
      pure,
      routes,
    };
  } finally {
    await closeDatabase();
    await large.bench.drop();
    await small.bench.drop();
  }
}

export function intelligenceMarkdown(reports: readonly DialectReport[]): string {
  const lines = [
    '| Analysis (pure, model loaded) | Target | ' + reports.map((r) => r.dialect).join(' | ') + ' |',
    '|---|---|' + reports.map(() => '---|').join(''),
  ];
  const names = Object.keys(reports[0]?.pure ?? {});
  for (const name of names) {
    const target = PURE_TARGETS[name];
    lines.push(
      `| ${name} | ${target === undefined ? '—' : `≤ ${target} ms`} | ` +
        reports.map((r) => `${r.pure[name as keyof typeof r.pure]} ms`).join(' | ') +
        ' |',
    );
  }
  lines.push(`| (loading the model) | — | ${reports.map((r) => `${r.loadModelMs} ms`).join(' | ')} |`);
  lines.push('');
  lines.push(
    `| Route p50, after a change / again | ${reports.map((r) => `${r.dialect} ${r.items.toLocaleString('en')} (≤ 1,500 ms)`).join(' | ')} | ${reports.map((r) => `${r.dialect} 2,000 (≤ 50 ms)`).join(' | ')} |`,
  );
  lines.push(`|---|${reports.map(() => '---|').join('')}${reports.map(() => '---|').join('')}`);
  const pair = (t: { cold: number; warm: number } | undefined) => (t ? `${t.cold} / ${t.warm} ms` : '—');
  for (const route of ROUTES) {
    lines.push(
      `| ${route} | ${reports.map((r) => pair(r.routes[route]?.large)).join(' | ')} | ${reports.map((r) => pair(r.routes[route]?.small)).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The servers run from the build, as `npm start` runs them.
  const build = spawnSync(process.execPath, ['scripts/build.js'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('npm run build failed');
  const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[];
  const reports: DialectReport[] = [];
  for (const dialect of dialects) reports.push(await benchIntelligence(dialect));
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ at: new Date().toISOString(), reports }, null, 2)}\n`);
  console.log(`\n${intelligenceMarkdown(reports)}`);
}
