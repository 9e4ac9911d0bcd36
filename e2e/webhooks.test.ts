/**
 * Webhooks in a real browser: an editor adds a webhook (the secret is shown once), pings it and reads the
 * delivery log — the server's SSRF guard refuses the loopback target (private addresses are not allowed by
 * default), the log says why, and Redeliver queues it again. A viewer is told only editors manage them.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  browserSuite,
  type Cairn,
  launchBrowser,
  type SeedApi,
  seriousA11yViolations,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

browserSuite('webhooks', () => {
  let cairn: Cairn;
  let browser: Browser;
  let api: SeedApi;
  let context: BrowserContext;
  let productId = '';

  before(async () => {
    cairn = await startCairn();
    api = await setupOwner(cairn.url);
    browser = await launchBrowser();
    context = await signedInContext(browser, cairn.url);
    productId = (await api.call<{ id: string }>('POST', '/products', { key: 'HOOK', name: 'Hooks' })).id;
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  it('adds a webhook, shows its secret once, and logs a refused ping that can be redelivered', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/HOOK');
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByText('No webhooks yet.').waitFor();

    await page.getByRole('button', { name: 'Add a webhook' }).click();
    await page.getByLabel('Payload URL').fill('http://127.0.0.1:9/cairn');
    await page.getByLabel('Every event').check();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = page.getByLabel('Signing secret');
    await secret.waitFor();
    assert.match(await secret.inputValue(), /^whsec_/);
    assert.deepEqual(await seriousA11yViolations(page, { scope: 'main' }), []);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    assert.equal(await secret.count(), 0, 'the secret is gone for good');
    await page.getByText('http://127.0.0.1:9/cairn').waitFor();

    await page.getByRole('button', { name: 'Send a ping' }).click();
    const refused = page.getByRole('row', { name: /ping.*Failed/ });
    await refused.waitFor({ timeout: 15_000 });
    assert.match((await refused.textContent()) ?? '', /refused: 127\.0\.0\.1 is a loopback address/);
    await refused.getByRole('button', { name: /^Redeliver/ }).click();
    await page.getByText('(again)').waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('tells a viewer that only editors manage webhooks', async () => {
    const credentials = { email: 'vic@example.com', password: 'a long enough password' };
    const vic = await api.call<{ id: string }>('POST', '/users', {
      ...credentials,
      name: 'Vic',
      role: 'viewer',
    });
    await api.call('PUT', `/products/${productId}/members/${vic.id}`);
    const viewer = await signedInContext(browser, cairn.url, credentials);
    const page = await viewer.newPage();
    await page.goto('/p/HOOK/webhooks');
    await page.getByText('Only editors manage the webhooks of Hooks.').waitFor();
    await viewer.close();
  });
});
