/**
 * First load: navigation start → the screen's content in the DOM, for a page opened by its address (the
 * backlog, one item by its URL, the roadmap). "Cold" is a fresh browser context (nothing cached); "warm"
 * is a second navigation in that same context, so the hashed assets come from its cache, as for someone who
 * has opened the app before. The time is `performance.now()` (zero at navigation start) at the first frame
 * after a MutationObserver sees the content's selector (see watchFor), plus the bytes the page transferred.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { type Summary, summarize } from './stats.ts';

export interface FirstLoadTarget {
  name: string;
  path: string;
  /** The content that counts as visible: a backlog row, the item panel's title, an initiative card. */
  selector: string;
}

export interface FirstLoadResult {
  cold: Summary;
  warm: Summary;
  /** Bytes received before the content showed (0 for what came from the cache), cold and warm, medians. */
  coldBytes: number;
  warmBytes: number;
  /** Loads whose content did not show within 30 s (left out of the figures, said on the console). */
  failures: number;
}

/**
 * Records when the content is drawn: the first frame after the selector first matches (a frame's
 * animation callbacks run just before it is painted, and not before the page's stylesheets are in, so
 * content in the DOM but not yet paintable does not count). Installed before any script of the page runs.
 */
export function watchFor(selector: string): string {
  return `
    new MutationObserver((_, observer) => {
      if (document.querySelector(${JSON.stringify(selector)})) {
        observer.disconnect();
        requestAnimationFrame(() => { window.__contentAt = performance.now(); });
      }
    }).observe(document, { childList: true, subtree: true });
  `;
}

async function load(page: Page, target: FirstLoadTarget): Promise<{ ms: number; bytes: number }> {
  await page.goto(target.path);
  await page.waitForFunction(
    () => (globalThis as { __contentAt?: number }).__contentAt !== undefined,
    undefined,
    { timeout: 30_000 },
  );
  const measured = await page.evaluate(`(() => {
    const bytes = performance.getEntriesByType('navigation')
      .concat(performance.getEntriesByType('resource'))
      .filter((entry) => entry.responseEnd <= window.__contentAt)
      .reduce((sum, entry) => sum + (entry.transferSize || 0), 0);
    return { ms: window.__contentAt, bytes };
  })()`);
  return measured as { ms: number; bytes: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** A server to load the pages from: this build, or (an A/B run) another checkout's. */
export interface FirstLoadSide {
  name: string;
  newContext: () => Promise<BrowserContext>;
}

/**
 * `loads` cold and warm loads of each target on each side, after one warm-up round not counted (the freshly
 * spawned server's JIT and SQLite page cache are cold then, which a server in use is not). With two sides
 * the loads alternate (A B B A A B …), so both see the same machine while its load drifts.
 */
export async function measureFirstLoads(
  sides: readonly FirstLoadSide[],
  targets: readonly FirstLoadTarget[],
  loads: number,
): Promise<Record<string, Record<string, FirstLoadResult>>> {
  const results: Record<string, Record<string, FirstLoadResult>> = {};
  for (const side of sides) results[side.name] = {};
  for (const target of targets) {
    const samples = new Map(
      sides.map((side) => [
        side.name,
        {
          cold: [] as number[],
          warm: [] as number[],
          coldBytes: [] as number[],
          warmBytes: [] as number[],
          failures: 0,
        },
      ]),
    );
    for (let i = 0; i <= loads; i++) {
      const order = i % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const context = await side.newContext();
        await context.addInitScript(watchFor(target.selector));
        const problems: string[] = [];
        const page = async () => {
          const opened = await context.newPage();
          opened.on('pageerror', (error) => problems.push(error.message));
          opened.on('console', (message) => {
            if (message.type() === 'error') problems.push(message.text());
          });
          return opened;
        };
        let first: { ms: number; bytes: number };
        let second: { ms: number; bytes: number };
        try {
          first = await load(await page(), target);
          // A new page in the same context: a fresh navigation with the assets in the HTTP cache.
          second = await load(await page(), target);
        } catch (error) {
          // Counted and said, not fatal: one stuck load on a busy machine must not lose the whole run.
          console.error(`${target.name} on ${side.name}: ${(error as Error).message.split('\n')[0]}`);
          if (problems.length) console.error(`  page errors: ${problems.join(' | ')}`);
          const kept = samples.get(side.name);
          if (kept) kept.failures += 1;
          continue;
        } finally {
          await context.close();
        }
        const kept = samples.get(side.name);
        if (i === 0 || !kept) continue;
        kept.cold.push(first.ms);
        kept.warm.push(second.ms);
        kept.coldBytes.push(first.bytes);
        kept.warmBytes.push(second.bytes);
      }
    }
    for (const [name, kept] of samples) {
      const result: FirstLoadResult = {
        cold: summarize(kept.cold),
        warm: summarize(kept.warm),
        coldBytes: median(kept.coldBytes),
        warmBytes: median(kept.warmBytes),
        failures: kept.failures,
      };
      const side = results[name];
      if (side) side[target.name] = result;
    }
  }
  return results;
}
