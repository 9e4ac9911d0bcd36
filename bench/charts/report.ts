/** The chart benchmarks' figures held to the issue's targets, and a markdown table for BENCHMARKS.md. */
import type { DialectName } from '../../src/store/database.ts';
import type { Check } from '../report.ts';
import type { ChartFixture } from './generate-chart-data.ts';
import type { ChartStats, ChartTimings, Timing } from './measure-charts.ts';

export interface ChartResult {
  dialect: DialectName;
  counts: ChartFixture['counts'];
  generateSeconds: number;
  /** Of generateSeconds, rebuilding the chart projections from the log. */
  rebuildSeconds: number;
  timings: ChartTimings;
  /** 1-minute load average at the start and end of the dialect's chart run. */
  loadAverage: { start: number; end: number };
}

const TARGETS = { burndown: 20, velocity: 50, cumulativeFlow: 500 } as const;
const n = (value: number) => value.toLocaleString('en');
const NAMES: Record<keyof ChartTimings, (counts: ChartFixture['counts']) => string> = {
  burndown: (c) => `burndown (${n(c.sprintItems)}-item sprint, ${n(c.sprintItemEvents)} events)`,
  velocity: (c) => `velocity (${n(c.closedSprints)} closed sprints)`,
  cumulativeFlow: (c) => `cumulative flow (a year, ${n(c.items)} items, ${n(c.itemEvents)} events)`,
};
const DIALECT_NAMES: Record<DialectName, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** The p50 after a change (a chart refreshed as a board changes) and the first request, per chart. */
export function chartChecks(result: ChartResult): Check[] {
  const checks: Check[] = [];
  for (const chart of Object.keys(TARGETS) as (keyof ChartTimings)[]) {
    const stats = result.timings[chart];
    const target = TARGETS[chart];
    const steady = stats.afterChange ?? stats.unchanged;
    checks.push({
      dialect: result.dialect,
      metric: `${NAMES[chart](result.counts)} p50${stats.afterChange ? ', after a change' : ''}`,
      value: steady.p50,
      unit: 'ms',
      target: `≤ ${target} ms`,
      pass: steady.p50 <= target,
    });
    if (stats.processFirstMs !== undefined) {
      checks.push({
        dialect: result.dialect,
        metric: `${NAMES[chart](result.counts)}: the server's first chart request (another sprint's)`,
        value: stats.processFirstMs,
        unit: 'ms',
        target: '—',
        pass: null,
      });
    }
    if (stats.afterChange) {
      checks.push({
        dialect: result.dialect,
        metric: `${NAMES[chart](result.counts)}, first request`,
        value: stats.firstMs,
        unit: 'ms',
        target: `≤ ${target} ms`,
        pass: stats.firstMs <= target,
      });
    }
  }
  return checks;
}

const timing = (t: Timing | undefined) => (t ? `${t.p50} / ${t.p95}` : '—');

/** Every figure behind the checks, with the data sizes and the machine's load. */
export function chartsMarkdown(results: readonly ChartResult[]): string {
  const rows = results.flatMap((r) =>
    (Object.keys(NAMES) as (keyof ChartTimings)[]).map((chart) => {
      const stats: ChartStats = r.timings[chart];
      return `| ${DIALECT_NAMES[r.dialect]} | ${chart} | ${stats.size} | ${stats.firstMs} | ${timing(stats.unchanged)} | ${timing(stats.afterChange)} | ≤ ${TARGETS[chart]} |`;
    }),
  );
  const data = results.map(
    (r) =>
      `${DIALECT_NAMES[r.dialect]}: ${r.counts.items.toLocaleString('en')} items, ` +
      `${r.counts.itemEvents.toLocaleString('en')} item events, generated in ${r.generateSeconds.toFixed(1)} s ` +
      `(of which the chart projections rebuilt from the log: ${r.rebuildSeconds.toFixed(1)} s); ` +
      `load average ${r.loadAverage.start} / ${r.loadAverage.end}`,
  );
  return [
    '### Charts (ms, in process: app.request)',
    '',
    '| Database | Chart | Answer | first request | unchanged p50 / p95 | after a change p50 / p95 | target |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Data: ${data.join('. ')}.`,
  ].join('\n');
}
