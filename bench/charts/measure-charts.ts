/**
 * Times the chart endpoints in process (Hono's app.request against the real app and database, as the
 * HTTP tests call it); every answer is checked for status 200. For the burndown and the cumulative flow
 * three figures:
 * - first: the first request, with nothing kept in memory for it (the whole history read from the
 *   database), on a server that has served another chart before (for the burndown: another sprint's), so
 *   that it times the sprint's cold read and not the process's one-off start (JIT, ICU's time-zone data);
 *   that one-off is reported beside it as the process's first chart request;
 * - unchanged: the same request again, nothing written in between (p50/p95 after a warm-up);
 * - after a change: an item is changed (PATCH, not timed) before each timed request, so the events
 *   written since are read and the chart computed again: what a board refreshing its chart costs.
 */
import { createApp } from '../../src/http/app.ts';
import { defaultAuthSettings } from '../../src/services/auth/settings.ts';
import { createLiveHub } from '../../src/services/live/create-live-hub.ts';
import type { Database } from '../../src/store/database.ts';
import { percentile } from '../http-latency.ts';
import type { ChartFixture } from './generate-chart-data.ts';

export interface Timing {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

export interface ChartStats {
  firstMs: number;
  /** The burndown only: a fresh process's very first chart request (another sprint's burndown). */
  processFirstMs?: number;
  unchanged: Timing;
  afterChange?: Timing;
  /** What one answer held, e.g. "14 days; 500 items, 20,000 events". */
  size: string;
}

export interface ChartTimings {
  burndown: ChartStats;
  velocity: ChartStats;
  cumulativeFlow: ChartStats;
}

export interface MeasureOptions {
  samples: number;
  warmup: number;
  /** Cumulative flow runs: fewer, each takes longer. */
  flowSamples: number;
  flowWarmup: number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
const DAY = 86_400_000;

function summarize(durations: number[]): Timing {
  durations.sort((a, b) => a - b);
  return {
    samples: durations.length,
    p50: round(percentile(durations, 50)),
    p95: round(percentile(durations, 95)),
    max: round(durations.at(-1) ?? Number.NaN),
  };
}

export async function measureCharts(
  database: Database,
  fixture: ChartFixture,
  options: MeasureOptions,
): Promise<ChartTimings> {
  const live = createLiveHub({ database, log: () => {} });
  const app = createApp({
    db: database.db,
    dialect: database.dialect,
    version: 'bench',
    auth: defaultAuthSettings,
    publicOrigin: 'http://cairn.bench',
    corsOrigins: [],
    trustProxy: false,
    bodyLimitBytes: 1024 * 1024,
    live,
    log: () => {},
  });
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(`http://cairn.bench/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${fixture.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 200) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    }
    return text;
  };
  const timed = async (path: string) => {
    const started = performance.now();
    await request('GET', path);
    return performance.now() - started;
  };
  const measure = async (
    path: string,
    runs: { samples: number; warmup: number },
    change: ((i: number) => Promise<unknown>) | null,
    size: (body: string) => string,
  ): Promise<ChartStats> => {
    const started = performance.now();
    const body = await request('GET', path);
    const firstMs = performance.now() - started;
    for (let i = 1; i < runs.warmup; i++) await request('GET', path);
    const unchanged: number[] = [];
    for (let i = 0; i < runs.samples; i++) unchanged.push(await timed(path));
    const stats: ChartStats = { firstMs: round(firstMs), unchanged: summarize(unchanged), size: size(body) };
    if (change) {
      const after: number[] = [];
      for (let i = 0; i < runs.samples; i++) {
        await change(i);
        after.push(await timed(path));
      }
      stats.afterChange = summarize(after);
    }
    return stats;
  };

  try {
    // The app's own first request (authentication, routing) is not a chart's cost.
    await request('GET', `/products/${fixture.productId}`);
    const { counts } = fixture;
    const often = { samples: options.samples, warmup: options.warmup };
    const [first, second] = fixture.sprintItemIds;
    // A fresh process's first chart request pays its one-off start (time-zone data, the first compile of
    // the chart code); the active sprint's first request then reads and replays its whole history with
    // that code still barely run. Each database is measured in a process of its own (run.ts), so neither
    // finds the code warmed by the other's run.
    const processFirstMs = await timed(`/sprints/${fixture.lastClosedSprintId}/burndown`);
    const burndown = await measure(
      `/sprints/${fixture.activeSprintId}/burndown`,
      often,
      // A re-estimate: a scope change the chart lists.
      (i) => request('PATCH', `/items/${i % 2 === 0 ? first : second}`, { estimate: 1 + (i % 7) }),
      (body) =>
        `${JSON.parse(body).days.length} days; ${counts.sprintItems} items, ` +
        `${counts.sprintItemEvents.toLocaleString('en')} events`,
    );
    const velocity = await measure(
      `/products/${fixture.productId}/velocity?teamId=${fixture.teamId}&count=100`,
      often,
      null,
      (body) => `${JSON.parse(body).sprints.length} closed sprints`,
    );
    const today = new Date().toISOString().slice(0, 10);
    const yearAgo = new Date(Date.parse(today) - 365 * DAY).toISOString().slice(0, 10);
    const cumulativeFlow = await measure(
      `/products/${fixture.productId}/cumulative-flow?from=${yearAgo}&to=${today}&timezone=Europe/Berlin`,
      { samples: options.flowSamples, warmup: options.flowWarmup },
      (i) =>
        request('PATCH', `/items/${fixture.sprintItemIds[2 + (i % 2)]}`, {
          status: i % 4 < 2 ? 'in_progress' : 'in_review',
        }),
      (body) =>
        `${JSON.parse(body).days.length} days; ${counts.items.toLocaleString('en')} items, ` +
        `${counts.itemEvents.toLocaleString('en')} item events`,
    );
    return { burndown: { ...burndown, processFirstMs: round(processFirstMs) }, velocity, cumulativeFlow };
  } finally {
    await live.close();
  }
}
