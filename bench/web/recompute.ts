/**
 * Recomputation after one change, until the web shows it: with the backlog open, an item's estimate is
 * cleared (or set again) through the API, and the time is taken from the request's start until that row's
 * readiness mark says so (the live event reaches the page, the readiness report is read again, the row is
 * drawn). The target, at 2,000 items: ≤ 1 s.
 */
import type { BrowserContext } from 'playwright-core';
import { type Summary, summarize } from './stats.ts';

export async function measureRecompute(
  context: BrowserContext,
  productKey: string,
  itemKey: string,
  runs: number,
): Promise<Summary> {
  const page = await context.newPage();
  // Every item, done ones too (the backlog shows open work only by default; the item may be done).
  await page.goto(`/p/${productKey}/backlog?open=0`);
  const row = page.locator(`[data-item-key="${itemKey}"]`);
  await row.waitFor();
  // Open work with an estimate to start from: readiness marks only open items.
  await page.evaluate(async (key) => {
    await fetch(`/api/v1/items/${key}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'backlog', estimate: 3 }),
    });
  }, itemKey);
  const mark = row.locator('.readiness-mark');
  await mark.waitFor();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const clear = i % 2 === 0;
    const started = Number(await page.evaluate('performance.now()'));
    // The write goes from the page itself (same origin, the session's cookie): another person's edit
    // would arrive the same way, through the live stream.
    await page.evaluate(
      async ({ key, estimate }) => {
        const response = await fetch(`/api/v1/items/${key}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ estimate }),
        });
        if (!response.ok) throw new Error(`PATCH answered ${response.status}`);
      },
      { key: itemKey, estimate: clear ? null : 3 },
    );
    await page.waitForFunction(
      ({ key, clear }) => {
        const { document } = globalThis as unknown as {
          document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
        };
        const label =
          document.querySelector(`[data-item-key="${key}"] .readiness-mark`)?.getAttribute('aria-label') ??
          '';
        return clear === label.includes('no estimate');
      },
      { key: itemKey, clear },
      { timeout: 10_000, polling: 'raf' },
    );
    samples.push(Number(await page.evaluate('performance.now()')) - started);
  }
  await page.close();
  return summarize(samples);
}
