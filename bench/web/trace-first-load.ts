/**
 * Where a first load's time goes: `node --import tsx bench/web/trace-first-load.ts` (after
 * `node scripts/build.js`). Loads the backlog, an item by its address and the roadmap at 2,000 items (cold,
 * then warm: a second page in the same context) with a Chromium performance trace running, and prints for
 * each load the time the content showed and the renderer main thread's CPU time until then, the self time
 * of each kind of work (script, style, layout, paint…), its tasks of 8 ms or more, and whether the whole
 * backlog had arrived before the content. CPU time and counts are what a shared, noisy machine can still
 * compare; wall times are as inflated as the machine makes them. WEB_BENCH_VS=<another built checkout>
 * traces that one too, WEB_BENCH_RUNS sets the loads of each kind (3), WEB_BENCH_ITEMS the size,
 * WEB_BENCH_TRACES=<folder> keeps the traces (DevTools opens them), WEB_BENCH_WATERFALL=1 prints the
 * requests of one load.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../e2e/support/harness.ts';
import { spawnServer } from '../startup.ts';
import { watchFor } from './first-load.ts';
import { seedWebBench } from './seed.ts';
import { loggedIn } from './signed-in.ts';

const ITEMS = Number(process.env.WEB_BENCH_ITEMS ?? 2_000);
/** Another built checkout to trace too (its `dist/`), as in `bench:web`. */
const VS = process.env.WEB_BENCH_VS;
const ROUNDS = Number(process.env.WEB_BENCH_RUNS ?? 3);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event: below `dur` when the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { isOutermostMainFrame?: boolean; documentLoaderURL?: string } };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8.execute',
  'toplevel',
];

/** Self time (ms) by event name on one thread between two trace times, and the longest top-level tasks. */
function breakdown(events: TraceEvent[], from: number, to: number) {
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts < to && e.ts + (e.dur ?? 0) > from)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const tasks: { at: number; ms: number; inside: string }[] = [];
  let cpu = 0;
  const stack: { end: number; name: string }[] = [];
  for (const span of spans) {
    const start = Math.max(span.ts, from);
    const end = Math.min(span.ts + (span.dur ?? 0), to);
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= start) stack.pop();
    const parent = stack.at(-1);
    const ms = (end - start) / 1000;
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - ms);
    self.set(span.name, (self.get(span.name) ?? 0) + ms);
    if (!parent && span.name === 'RunTask') tasks.push({ at: (start - from) / 1000, ms, inside: '' });
    // A task cut by the window counts its CPU time in proportion.
    if (!parent) cpu += ((span.tdur ?? 0) / 1000) * (span.dur ? (end - start) / span.dur : 0);
    if (parent?.name === 'RunTask' && stack.length === 1) {
      const task = tasks.at(-1);
      if (task && !task.inside) task.inside = span.name;
    }
    stack.push({ end, name: span.name });
  }
  return { self, tasks, cpu };
}

async function traced(
  browser: Browser,
  context: BrowserContext,
  path: string,
): Promise<{
  contentMs: number;
  /** The main thread's CPU time from navigation start until the content showed. */
  cpuMs: number;
  self: Map<string, number>;
  tasks: { at: number; ms: number; inside: string }[];
  waterfall: [string, number, number, number, number][];
}> {
  const page: Page = await context.newPage();
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(path);
  await page.waitForFunction(
    () => (globalThis as { __contentAt?: number }).__contentAt !== undefined,
    undefined,
    {
      timeout: 30_000,
    },
  );
  const contentMs = Number(await page.evaluate('window.__contentAt'));
  const waterfall = (await page.evaluate(`performance.getEntriesByType('navigation')
    .concat(performance.getEntriesByType('resource'))
    .filter((e) => e.startTime < window.__contentAt)
    .map((e) => [e.name.replace(location.origin, ''), e.startTime, e.responseStart, e.responseEnd, e.transferSize])`)) as [
    string,
    number,
    number,
    number,
    number,
  ][];
  await page.waitForTimeout(200);
  const buffer = await browser.stopTracing();
  await page.close();
  if (process.env.WEB_BENCH_TRACES) {
    // For Chromium's DevTools (Performance → Load profile) or a script of one's own.
    writeFileSync(`${process.env.WEB_BENCH_TRACES}/${path.replace(/\W+/g, '_')}-${Date.now()}.json`, buffer);
  }
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  // The navigation to the page's address (a new page's first navigation names no URL yet).
  const navigation = traceEvents
    .filter(
      (e) =>
        e.name === 'navigationStart' &&
        e.args?.data?.isOutermostMainFrame &&
        e.args.data.documentLoaderURL?.startsWith('http'),
    )
    .at(-1);
  if (!navigation) throw new Error('no navigationStart in the trace');
  const main = traceEvents.find(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      e.pid === navigation.pid,
  );
  const thread = traceEvents.filter(
    (e) => e.pid === navigation.pid && e.tid === (main?.tid ?? navigation.tid),
  );
  const { self, tasks, cpu } = breakdown(thread, navigation.ts, navigation.ts + contentMs * 1000);
  return { contentMs, cpuMs: cpu, self, tasks, waterfall };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const { bench, fixture } = await seedWebBench(ITEMS, 300);
await bench.close();
const servers = [{ name: 'this', server: await spawnServer(bench.location) }];
if (VS) servers.push({ name: VS, server: await spawnServer(bench.location, VS) });
const browser = await launchBrowser();
const middleKey = fixture.itemKeys[Math.floor(fixture.itemKeys.length / 2)];
const targets = [
  { name: 'backlog', path: `/p/${fixture.productKey}/backlog`, selector: '[data-item-key]' },
  { name: 'item', path: `/${middleKey}`, selector: '.item-detail' },
  { name: 'roadmap', path: `/p/${fixture.productKey}/roadmap`, selector: '[data-initiative-id]' },
];
try {
  for (const target of targets) {
    for (const { name, server } of servers) {
      for (const kind of ['cold', 'warm'] as const) {
        const totals = new Map<string, number>();
        const contents: number[] = [];
        const cpus: number[] = [];
        /** Loads whose whole backlog had arrived before the content showed. */
        let wholeFirst = 0;
        const longest: string[] = [];
        for (let round = 0; round <= ROUNDS; round++) {
          const context = await loggedIn(browser, server.url);
          await context.addInitScript(watchFor(target.selector));
          if (kind === 'warm') {
            const first = await context.newPage();
            await first.goto(target.path);
            await first.waitForFunction(
              () => (globalThis as { __contentAt?: number }).__contentAt !== undefined,
            );
            await first.close();
          }
          const result = await traced(browser, context, target.path).catch((error: Error) => {
            // Said and skipped: now and then a trace misses the navigation's start.
            console.error(`  ${target.name} ${kind} on ${name}: ${error.message}`);
            return null;
          });
          await context.close();
          if (round === 0 || !result) continue; // the server's warm-up
          contents.push(result.contentMs);
          cpus.push(result.cpuMs);
          for (const [event, ms] of result.self) totals.set(event, (totals.get(event) ?? 0) + ms / ROUNDS);
          const top = result.tasks.filter((t) => t.ms >= 8);
          longest.push(top.map((t) => `${t.at.toFixed(0)}+${t.ms.toFixed(0)}`).join(' '));
          const whole = result.waterfall.find(([url]) => /\/backlog$/.test(url));
          if (whole && whole[3] < result.contentMs) wholeFirst += 1;
          if (round === 1 && process.env.WEB_BENCH_WATERFALL) {
            for (const [url, start, first, end, bytes] of result.waterfall) {
              console.log(
                `  ${url.slice(0, 60).padEnd(60)} ${start.toFixed(0).padStart(5)} ${first.toFixed(0).padStart(5)} ${end.toFixed(0).padStart(5)} ${String(bytes).padStart(8)}`,
              );
            }
          }
        }
        const busy = [...totals.values()].reduce((sum, ms) => sum + Math.max(0, ms), 0);
        console.log(
          `\n${target.name} ${kind} on ${name}: content at ${contents.map((ms) => ms.toFixed(0)).join(', ')} ms; main thread busy ${busy.toFixed(0)} ms (mean of ${ROUNDS}), its CPU ${cpus.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${median(cpus).toFixed(0)}); the whole backlog in before the content in ${wholeFirst} of ${ROUNDS}`,
        );
        const rows = [...totals].filter(([, ms]) => ms >= 2).sort((a, b) => b[1] - a[1]);
        for (const [event, ms] of rows.slice(0, 8))
          console.log(`  ${event.padEnd(36)} ${ms.toFixed(1).padStart(7)} ms`);
        for (const line of longest) console.log(`  tasks ≥ 8 ms (at+ms): ${line}`);
      }
    }
  }
} finally {
  await browser.close();
  for (const { server } of servers) await server.stop();
}
