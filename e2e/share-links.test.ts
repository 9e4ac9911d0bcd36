/**
 * Audience views and share links in a real browser: an editor opens the audiences screen, creates a share
 * link of the customer roadmap, and the link opens in a fresh context (no login, no cookies) showing the
 * public words and none of the internal text. A viewer sees the views and the export, not the sharing.
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

const INTERNAL = [
  'Secret acquisition',
  'needs the sync rewrite',
  'Grow revenue',
  '2031-02-03',
  'Sync engine',
];

browserSuite('share links', () => {
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
    const product = await api.call<{ id: string }>('POST', '/products', { key: 'TERN', name: 'Tern' });
    productId = product.id;
    const objective = await api.call<{ id: string }>('POST', `/products/${product.id}/objectives`, {
      title: 'Grow revenue',
    });
    const offline = await api.call<{ id: string }>('POST', `/products/${product.id}/initiatives`, {
      title: 'Offline mode',
      summary: 'Internal: needs the sync rewrite',
      publicSummary: 'Work without a connection.',
      visibility: 'public',
      horizon: 'next',
      confidence: 'planned',
      objectiveIds: [objective.id],
      startDate: '2031-02-03',
    });
    await api.call('POST', `/products/${product.id}/initiatives`, {
      title: 'Calendar sync',
      publicSummary: 'See your meetings beside your work.',
      visibility: 'public',
      horizon: 'later',
    });
    await api.call('POST', `/products/${product.id}/initiatives`, {
      title: 'Secret acquisition',
      horizon: 'now',
      confidence: 'committed',
    });
    await api.call('POST', `/products/${product.id}/items`, {
      title: 'Sync engine',
      initiativeId: offline.id,
    });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  it('creates a customer share link that a fresh browser opens without login and without internal text', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/TERN/roadmap');
    await page.getByRole('link', { name: 'Audiences' }).click();
    await page.getByRole('heading', { name: 'Roadmap for executives' }).waitFor();
    await page.getByRole('row', { name: /Secret acquisition/ }).waitFor();

    await page.getByRole('tab', { name: 'Customers' }).click();
    await page.getByRole('heading', { name: 'Roadmap for customers' }).waitFor();
    await page.getByText('Work without a connection.').waitFor();
    assert.equal(await page.getByText('Secret acquisition').count(), 0);
    assert.equal(await page.getByText('Exploring').count(), 1, 'Calendar sync is still an idea');
    assert.deepEqual(await seriousA11yViolations(page, { scope: 'main' }), []);

    await page.getByRole('button', { name: 'Share…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share the customer roadmap' });
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const field = dialog.getByLabel('Link (shown only now: copy it)');
    await field.waitFor();
    const shown = await field.inputValue();
    assert.match(shown, /\/share\/[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole('button', { name: /^Revoke/ }).waitFor();
    assert.deepEqual(errors, []);

    // A fresh context: no cookie, no token.
    const stranger = await browser.newContext({ baseURL: cairn.url, javaScriptEnabled: false });
    const requests: string[] = [];
    const publicPage = await stranger.newPage();
    publicPage.on('request', (request) => requests.push(request.url()));
    const response = await publicPage.goto(new URL(shown).pathname);
    assert.equal(response?.status(), 200);
    assert.equal(response?.headers()['x-robots-tag'], 'noindex, nofollow');
    await publicPage.getByRole('heading', { name: 'Tern roadmap' }).waitFor();
    const text = (await publicPage.locator('body').textContent()) ?? '';
    for (const words of ['Offline mode', 'Work without a connection.', 'Calendar sync', 'Exploring']) {
      assert.ok(text.includes(words), words);
    }
    const html = await publicPage.content();
    for (const internal of INTERNAL) assert.ok(!html.includes(internal), internal);
    assert.deepEqual(
      requests,
      [new URL(new URL(shown).pathname, cairn.url).href],
      'the page loads nothing else',
    );
    assert.equal(
      await publicPage.locator('meta[name="robots"]').getAttribute('content'),
      'noindex, nofollow',
    );

    // Revoked: the same address answers 404.
    await dialog.getByRole('button', { name: /^Revoke/ }).click();
    await dialog.getByText('No links yet.').waitFor();
    const gone = await publicPage.goto(new URL(shown).pathname);
    assert.equal(gone?.status(), 404);
    await stranger.close();
    await page.close();
  });

  it('lets a viewer read and export the views, without the sharing', async () => {
    const viewer = await api.call<{ id: string }>('POST', '/users', {
      email: 'vera@example.com',
      name: 'Vera Viewer',
      role: 'viewer',
      password: 'correct horse battery',
    });
    await api.call('PUT', `/products/${productId}/members/${viewer.id}`);
    const viewerContext = await signedInContext(browser, cairn.url, {
      email: 'vera@example.com',
      password: 'correct horse battery',
    });
    const page = await viewerContext.newPage();
    await page.goto('/p/TERN/roadmap/audiences?view=team');
    await page.getByRole('heading', { name: 'Roadmap for team' }).waitFor();
    await page.getByRole('row', { name: /Offline mode/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Share…' }).count(), 0);
    // Printed: the view alone, no navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
    assert.equal(await page.getByRole('navigation', { name: 'Views' }).isVisible(), false);
    assert.equal(await page.getByRole('row', { name: /Offline mode/ }).isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^roadmap-TERN-team\.csv$/);
    await viewerContext.close();
  });
});
