/**
 * First load: navigation start → the screen's content in the DOM, for a page opened by its address (the
 * backlog, one item by its URL, the roadmap). "Cold" is a fresh browser context (nothing cached); "warm"
 * is a second navigation in that same context, so the hashed assets come from its cache, as for someone who
 * has opened the app before. The time is `performance.now()` (zero at navigation start) when a
 * MutationObserver first sees the content's selector, plus the bytes the page transferred.
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
}

/** Records when the selector first matches; installed before any script of the page runs. */
function watchFor(selector: string): string {
  return `
    new MutationObserver((_, observer) => {
      if (document.querySelector(${JSON.stringify(selector)})) {
        window.__contentAt = performance.now();
        observer.disconnect();
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

/**
 * `loads` cold and warm loads of each target, after one warm-up round not counted (the freshly spawned
 * server's JIT and SQLite page cache are cold then, which a server in use is not).
 */
export async function measureFirstLoads(
  newContext: () => Promise<BrowserContext>,
  targets: readonly FirstLoadTarget[],
  loads: number,
): Promise<Record<string, FirstLoadResult>> {
  const results: Record<string, FirstLoadResult> = {};
  for (const target of targets) {
    const cold: number[] = [];
    const warm: number[] = [];
    const coldBytes: number[] = [];
    const warmBytes: number[] = [];
    for (let i = 0; i <= loads; i++) {
      const context = await newContext();
      await context.addInitScript(watchFor(target.selector));
      const first = await load(await context.newPage(), target);
      // A new page in the same context: a fresh navigation with the assets in the HTTP cache.
      const second = await load(await context.newPage(), target);
      await context.close();
      if (i === 0) continue;
      cold.push(first.ms);
      warm.push(second.ms);
      coldBytes.push(first.bytes);
      warmBytes.push(second.bytes);
    }
    results[target.name] = {
      cold: summarize(cold),
      warm: summarize(warm),
      coldBytes: median(coldBytes),
      warmBytes: median(warmBytes),
    };
  }
  return results;
}
