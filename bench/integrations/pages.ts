/**
 * `npm run bench:pages` (and the end of `npm run bench`): the pages issue 15 added, timed as a person opens
 * them by their address: navigation start → the screen's content drawn (bench/web/first-load.ts), cold (a
 * fresh browser context) and warm (the assets cached). A product of 2,000 items; the item opened carries 40
 * comments; the product has 10 webhooks with their delivery logs; the owner has 10 API tokens.
 */
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../e2e/support/harness.ts';
import { createApiToken } from '../../src/services/auth/api-tokens.ts';
import { createComment } from '../../src/services/comments/create-comment.ts';
import { createWebhook } from '../../src/services/webhooks/create-webhook.ts';
import { spawnServer } from '../startup.ts';
import { measureFirstLoads } from '../web/first-load.ts';
import { seedWebBench } from '../web/seed.ts';
import { loggedIn } from '../web/signed-in.ts';

const LOADS = Number(process.env.PAGES_BENCH_LOADS ?? 10);

export async function benchPages() {
  const { bench, fixture } = await seedWebBench(2_000, 50);
  const ctx = { db: bench.database.db, actor: fixture.actor };
  const itemKey = fixture.itemKeys[Math.floor(fixture.itemKeys.length / 2)] ?? '';
  for (let n = 0; n < 40; n++) {
    await createComment({
      ...ctx,
      entityType: 'item',
      ref: itemKey,
      input: { body: `Comment ${n}: **bold**, a [link](https://example.com) and \`code\`.` },
    });
  }
  for (let n = 0; n < 10; n++) {
    await createWebhook({
      ...ctx,
      productId: fixture.productId,
      input: { url: `https://hooks.example.com/${n}`, eventTypes: ['item.created'], active: true },
    });
    await createApiToken({ ...ctx, input: { name: `script ${n}` } });
  }
  await bench.close();
  const server = await spawnServer(bench.location);
  const browser = await launchBrowser();
  try {
    const key = fixture.productKey;
    const results = await measureFirstLoads(
      [{ name: 'this', newContext: () => loggedIn(browser, server.url) }],
      [
        { name: 'import wizard', path: `/p/${key}/import`, selector: '.import-sources' },
        { name: 'webhooks', path: `/p/${key}/webhooks`, selector: '.webhook-url' },
        { name: 'account (tokens)', path: '/account', selector: '.token-list li' },
        { name: 'item with 40 comments', path: `/${itemKey}`, selector: 'li.comment' },
      ],
      LOADS,
    );
    const rows = Object.entries(results.this ?? {}).map(
      ([name, r]) =>
        `| ${name} | ${r.cold.p50.toFixed(0)} / ${r.cold.p95.toFixed(0)} | ${r.warm.p50.toFixed(0)} / ${r.warm.p95.toFixed(0)} | ${r.failures} |`,
    );
    console.log(`\nPages of issue 15, ${LOADS} loads each, Chromium ${browser.version()}\n`);
    console.log('| page | cold p50 / p95 ms | warm p50 / p95 ms | failed loads |');
    console.log('|---|---|---|---|');
    for (const row of rows) console.log(row);
    return results;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchPages();
