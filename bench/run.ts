/**
 * `npm run bench`: generates a product on each database, then measures bulk load, request latency, text
 * search, flatness, start-up, throughput and memory, the charts (bench/charts) and the planning analyses
 * (bench/intelligence), and reports them against the targets; then the artifacts' own benches
 * (bench/artifacts: baseline diffs, the shared page, the story map), which print theirs.
 *
 * BENCH_ITEMS (default 100000) and BENCH_DIALECTS (default sqlite,postgres) size a run; BENCH_SAMPLES
 * (default 2000) and BENCH_THROUGHPUT_SECONDS (default 5) shorten it while developing, as do BENCH_BULK_RUNS
 * (default 3), BENCH_THROUGHPUT_RUNS (default 5), BENCH_CLIENT_RUNS (default 5) and BENCH_CLIENT_ITEMS
 * (default 2000).
 */
import { spawnSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';
import type { DialectName } from '../src/store/database.ts';
import { benchArtifacts } from './artifacts/run.ts';
import { benchBackup } from './backup/run.ts';
import { type ChartResult, chartChecks, chartsMarkdown } from './charts/report.ts';
import { benchCharts } from './charts/run.ts';
import { type BenchDatabase, createBenchDatabase, databaseVersions } from './databases.ts';
import { createFixture, type Fixture } from './generate.ts';
import { type ClientWritesResult, measureClientWrites } from './http-client/measure.ts';
import { createClient, type HttpClient, measureLatency } from './http-latency.ts';
import { benchImports } from './imports/run.ts';
import { benchPages } from './integrations/pages.ts';
import { benchIntelligence, intelligenceMarkdown } from './intelligence/run.ts';
import { benchMarkdown, markdownTable } from './markdown/run.ts';
import {
  type BenchResults,
  checksFor,
  clientWriteChecks,
  clientWritesMarkdown,
  consoleTable,
  type DialectResult,
  markdown,
  writeJson,
} from './report.ts';
import { measureSearch } from './search.ts';
import { probeStartup, residentMemoryMb, type SpawnedServer, spawnServer } from './startup.ts';
import { measureThroughput } from './throughput.ts';
import { benchWebhooks } from './webhooks/run.ts';

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

const ITEMS = setting('BENCH_ITEMS', 100_000);
const SMALL_ITEMS = Math.min(2_000, ITEMS);
const SAMPLES = setting('BENCH_SAMPLES', 2_000);
const WARMUP = Math.min(300, SAMPLES);
const SEARCH_SAMPLES = Math.min(500, SAMPLES);
const THROUGHPUT_SECONDS = setting('BENCH_THROUGHPUT_SECONDS', 5);
const THROUGHPUT_RUNS = setting('BENCH_THROUGHPUT_RUNS', 5);
const BULK_RUNS = setting('BENCH_BULK_RUNS', 3);
const CLIENT_RUNS = setting('BENCH_CLIENT_RUNS', 5);
const CLIENT_ITEMS = setting('BENCH_CLIENT_ITEMS', 2_000);
const CONNECTIONS = 16;
const STARTUP_RUNS = 3;
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is DialectName => {
    if (d === 'sqlite' || d === 'postgres') return true;
    throw new Error(`BENCH_DIALECTS: unknown dialect "${d}"`);
  });
const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url));

/** 300 initiatives and 20,000 dependencies per 100,000 items. */
function sizes(items: number) {
  return {
    items,
    initiatives: Math.max(1, Math.round((300 * items) / 100_000)),
    dependencies: Math.round((20_000 * items) / 100_000),
  };
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Runs `work` against an in-process server (startServer, port 0) on the bench database. */
async function withInProcessServer<T>(
  bench: BenchDatabase,
  fixture: Fixture,
  work: (client: HttpClient) => Promise<T>,
): Promise<T> {
  await bench.close();
  const config = loadConfig(
    { host: '127.0.0.1', port: 0, data: bench.location.dataDir, databaseUrl: bench.location.databaseUrl },
    {},
  );
  const server = await startServer(config, () => {});
  const client = createClient(server.url, fixture.token);
  try {
    return await work(client);
  } finally {
    client.close();
    await server.close();
  }
}

async function generate(dialect: DialectName, items: number) {
  const bench = await createBenchDatabase(dialect);
  log(`${dialect}: generating ${items.toLocaleString('en')} items`);
  const fixture = await createFixture(bench.database.db, sizes(items));
  // Steady state: autovacuum analyzes a freshly loaded PostgreSQL table within about a minute; without
  // statistics the planner filters the whole product instead of using the search index. (Cairn never runs
  // ANALYZE on SQLite, so neither does the benchmark.)
  if (dialect === 'postgres') await sql`analyze`.execute(bench.database.db);
  log(
    `${dialect}: importItems ${fixture.importItemsSeconds.toFixed(2)} s, ` +
      `importDependencies ${fixture.importDependenciesSeconds.toFixed(2)} s`,
  );
  return { bench, fixture };
}

const loadAverage = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

async function benchDialect(dialect: DialectName): Promise<DialectResult> {
  const loadAtStart = loadAverage();
  const latencyOptions = { samples: SAMPLES, warmup: WARMUP };

  const small = await generate(dialect, SMALL_ITEMS);
  log(`${dialect}: latency at ${SMALL_ITEMS} items`);
  const smallLatency = await withInProcessServer(small.bench, small.fixture, (client) =>
    measureLatency(client, small.fixture, {
      ...latencyOptions,
      operations: ['getItem', 'listFirstPage', 'patchItem'],
    }),
  );
  await small.bench.drop();

  // The bulk load is timed BULK_RUNS times, each on a fresh database; the last one is measured further.
  const bulkRuns: { importItemsSeconds: number; importDependenciesSeconds: number }[] = [];
  for (let run = 1; run < BULK_RUNS; run++) {
    const extra = await generate(dialect, ITEMS);
    bulkRuns.push(extra.fixture);
    await extra.bench.drop();
  }
  const { bench, fixture } = await generate(dialect, ITEMS);
  bulkRuns.push(fixture);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  try {
    log(`${dialect}: latency and search at ${ITEMS} items`);
    const { latency, search } = await withInProcessServer(bench, fixture, async (client) => ({
      latency: await measureLatency(client, fixture, latencyOptions),
      search: await measureSearch(client, fixture, { samples: SEARCH_SAMPLES, warmup: 50 }),
    }));

    log(`${dialect}: start-up`);
    const breakdown = await probeStartup(bench.location);
    const readyMs: number[] = [];
    let server: SpawnedServer | undefined;
    for (let run = 0; run < STARTUP_RUNS; run++) {
      await server?.stop();
      server = await spawnServer(bench.location);
      readyMs.push(server.readyMs);
    }
    if (!server) throw new Error('no server started');
    try {
      const idleRssMb = residentMemoryMb(server.pid);
      log(`${dialect}: throughput, ${CONNECTIONS} connections × ${THROUGHPUT_SECONDS} s`);
      const throughput = await measureThroughput({
        cairnUrl: server.url,
        cairnPid: server.pid,
        path: `/items/${fixture.itemKeys[Math.floor(fixture.itemKeys.length / 2)]}`,
        token: fixture.token,
        connections: CONNECTIONS,
        durationMs: THROUGHPUT_SECONDS * 1000,
        runs: THROUGHPUT_RUNS,
        readRssMb: residentMemoryMb,
      });
      const sorted = [...readyMs].sort((a, b) => a - b);
      return {
        dialect,
        data: fixture.counts,
        bulkLoad: {
          importItemsSeconds: median(bulkRuns.map((r) => r.importItemsSeconds)),
          importDependenciesSeconds: median(bulkRuns.map((r) => r.importDependenciesSeconds)),
          importItemsRuns: bulkRuns.map((r) => Math.round(r.importItemsSeconds * 100) / 100),
        },
        latency,
        search,
        flatness: { smallItems: SMALL_ITEMS, small: smallLatency },
        startup: {
          readyMs,
          medianReadyMs: sorted[Math.floor(sorted.length / 2)]!,
          breakdown,
          idleRssMb: Math.round(idleRssMb * 10) / 10,
        },
        throughput,
        loadAverage: { start: loadAtStart, end: loadAverage() },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await bench.drop();
  }
}

const versions = await databaseVersions();
const loadAverageStart = loadavg().map((l) => Math.round(l * 100) / 100);
log(
  `items=${ITEMS} dialects=${DIALECTS.join(',')} samples=${SAMPLES} load average ${loadAverageStart.join(' ')}`,
);
const results: DialectResult[] = [];
// The server is measured as `npm start` runs it: from the esbuild bundle.
const build = spawnSync(process.execPath, ['scripts/build.js'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
});
if (build.status !== 0) throw new Error('npm run build failed');
for (const dialect of DIALECTS) results.push(await benchDialect(dialect));
// Writes from a client in its own process (bench/http-client), on SQLite: each run a fresh server.
let clientWrites: ClientWritesResult | undefined;
if (DIALECTS.includes('sqlite')) {
  log(`sqlite: writes from a separate client process, ${CLIENT_RUNS} runs × ${CLIENT_ITEMS} items`);
  clientWrites = await measureClientWrites({ runs: CLIENT_RUNS, items: CLIENT_ITEMS });
}
// The charts last, each database on data of its own (bench/charts).
const charts: ChartResult[] = [];
for (const dialect of DIALECTS) charts.push(await benchCharts(dialect, log));
// The Markdown renderer: no database, CPU only (bench/markdown).
const markdownRows = await benchMarkdown(log);
// The planning-intelligence analyses and their routes, each database on data of its own.
const intelligence = [];
for (const dialect of DIALECTS) intelligence.push(await benchIntelligence(dialect));
// The artifacts (bench/artifacts): baseline diffs, the shared page, the story map in Chromium. Printed.
benchArtifacts({ build: false });
// Webhook fan-out (bench/webhooks): one event to 100 loopback receivers. Printed.
await benchWebhooks();

const report: BenchResults = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    sqlite: versions.sqlite,
    postgres: versions.postgres,
    loadAverageStart,
    loadAverageEnd: loadavg().map((l) => Math.round(l * 100) / 100),
  },
  settings: {
    items: ITEMS,
    smallItems: SMALL_ITEMS,
    samples: SAMPLES,
    warmup: WARMUP,
    searchSamples: SEARCH_SAMPLES,
    throughputSeconds: THROUGHPUT_SECONDS,
    connections: CONNECTIONS,
    throughputRuns: THROUGHPUT_RUNS,
    bulkRuns: BULK_RUNS,
    clientRuns: CLIENT_RUNS,
    clientItems: CLIENT_ITEMS,
    startupRuns: STARTUP_RUNS,
    freeMemoryGiBAtEnd: Math.round((freemem() / 2 ** 30) * 10) / 10,
  },
  results,
  clientWrites,
  checks: [
    ...results.flatMap(checksFor),
    ...(clientWrites ? clientWriteChecks(clientWrites) : []),
    ...charts.flatMap(chartChecks),
  ],
};
writeJson(RESULTS_FILE, report);
console.log(`\n${consoleTable(report.checks)}\n`);
console.log(markdown(report));
if (clientWrites) console.log(`\n${clientWritesMarkdown(clientWrites)}`);
console.log(`\n${chartsMarkdown(charts)}`);
console.log(`\n${markdownTable(markdownRows)}`);
console.log(`\n${intelligenceMarkdown(intelligence)}`);
console.log(`\nwrote ${RESULTS_FILE}`);
// Backup and restore of 100,000 items on each database (bench/backup): printed.
await benchBackup();
// Parse, dry run and import of a 50,000-row Jira CSV on each database (bench/imports): printed.
await benchImports();
// The pages issue 15 added, opened by their address in Chromium (bench/integrations/pages.ts): printed.
await benchPages();
