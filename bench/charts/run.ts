/**
 * `npm run bench:charts` (and the last part of `npm run bench`): generates a year of history for a
 * 100,000-item product with a 500-item active sprint and 100 closed sprints on each database, then times
 * the burndown, velocity and cumulative flow endpoints against the targets.
 *
 * BENCH_DIALECTS (default sqlite,postgres), BENCH_CHART_ITEMS (default 100000), BENCH_CHART_SAMPLES
 * (default 200) and BENCH_CHART_FLOW_SAMPLES (default 20) size a run.
 *
 * Each database is measured in a process of its own (this file, run with BENCH_CHARTS_CHILD=<dialect>):
 * a first request's time is mostly JavaScript that has not run yet (the replay of a sprint's events), and
 * in one process the second database's run found that code compiled by the first's: PostgreSQL, always
 * second, was measured with 13–24 % less CPU for a sprint's first burndown than it costs cold.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DialectName } from '../../src/store/database.ts';
import { createBenchDatabase } from '../databases.ts';
import { consoleTable } from '../report.ts';
import { createChartFixture } from './generate-chart-data.ts';
import { measureCharts } from './measure-charts.ts';
import { type ChartResult, chartChecks, chartsMarkdown } from './report.ts';

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

const loadAverage = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** Generates the chart data on a fresh database of `dialect`, measures in this process, and drops it. */
async function benchChartsHere(dialect: DialectName, log: (message: string) => void): Promise<ChartResult> {
  const items = setting('BENCH_CHART_ITEMS', 100_000);
  const samples = setting('BENCH_CHART_SAMPLES', 200);
  const flowSamples = setting('BENCH_CHART_FLOW_SAMPLES', 20);
  const start = loadAverage();
  const bench = await createBenchDatabase(dialect);
  try {
    log(`${dialect}: generating chart data (${items.toLocaleString('en')} items, a year of events)`);
    const fixture = await createChartFixture(bench.database.db, {
      items,
      sprintItems: 500,
      sprintEvents: 20_000,
      closedSprints: 100,
    });
    // As in the main benchmark: the planner's statistics as autovacuum would leave them.
    if (dialect === 'postgres') await sql`analyze`.execute(bench.database.db);
    log(
      `${dialect}: ${fixture.counts.itemEvents.toLocaleString('en')} events in ${fixture.generateSeconds.toFixed(1)} s (chart projections rebuilt from the log in ${fixture.rebuildSeconds.toFixed(1)} s); timing charts`,
    );
    const timings = await measureCharts(bench.database, fixture, {
      samples,
      warmup: Math.min(20, samples),
      flowSamples,
      flowWarmup: Math.min(3, flowSamples),
    });
    return {
      dialect,
      counts: fixture.counts,
      generateSeconds: fixture.generateSeconds,
      rebuildSeconds: fixture.rebuildSeconds,
      timings,
      loadAverage: { start, end: loadAverage() },
    };
  } finally {
    await bench.drop();
  }
}

/** benchChartsHere in a new process: nothing of the chart code has run in it before. */
export async function benchCharts(
  dialect: DialectName,
  log: (message: string) => void,
): Promise<ChartResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_CHARTS_CHILD: dialect },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    const lines = stderr.split('\n');
    stderr = lines.pop() ?? '';
    for (const line of lines) if (line) log(line);
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`the ${dialect} chart benchmark exited with ${code}: ${stderr}`);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChartResult;
}

const childDialect = process.env.BENCH_CHARTS_CHILD;
if (childDialect === 'sqlite' || childDialect === 'postgres') {
  const result = await benchChartsHere(childDialect, (message) => console.error(message));
  console.log(JSON.stringify(result));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres')
    .split(',')
    .map((d) => d.trim())
    .filter((d): d is DialectName => {
      if (d === 'sqlite' || d === 'postgres') return true;
      throw new Error(`BENCH_DIALECTS: unknown dialect "${d}"`);
    });
  const log = (message: string) =>
    console.log(`[bench:charts ${new Date().toISOString().slice(11, 19)}] ${message}`);
  const results: ChartResult[] = [];
  for (const dialect of dialects) results.push(await benchCharts(dialect, log));
  console.log(`\n${consoleTable(results.flatMap(chartChecks))}\n`);
  console.log(chartsMarkdown(results));
}
