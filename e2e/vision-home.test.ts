/**
 * The product home and the vision, in a real browser: the home opens with what is overdue; a vision is
 * written with a live preview and published, then published again with a change, and the two versions
 * are compared with inserted and deleted text marked. A viewer sees the home without settings controls.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  browserSuite,
  type Cairn,
  eventually,
  launchBrowser,
  type SeedApi,
  seriousA11yViolations,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

browserSuite('product home and vision', () => {
  let cairn: Cairn;
  let browser: Browser;
  let api: SeedApi;
  let context: BrowserContext;
  let productId: string;

  before(async () => {
    cairn = await startCairn();
    api = await setupOwner(cairn.url);
    browser = await launchBrowser();
    context = await signedInContext(browser, cairn.url);
    productId = (await api.call<{ id: string }>('POST', '/products', { key: 'VIS', name: 'Visionary' })).id;
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  it('opens the product home with what is overdue and the leading screens', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/VIS');
    const overdue = page.getByRole('list', { name: 'Overdue' });
    await overdue.waitFor();
    assert.match((await overdue.textContent()) ?? '', /No strategic review has been held yet/);
    assert.match((await overdue.textContent()) ?? '', /No vision has been published yet/);
    const main = page.getByRole('navigation', { name: 'Main screens' });
    assert.equal(
      (await main.getByRole('link').first().textContent()) ?? '',
      'Roadmap',
      'the full profile leads',
    );
    assert.ok(await page.getByLabel('Process profile').isVisible(), 'editors may change the profile');
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('writes and publishes a vision, publishes a change and shows the diff', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/VIS/vision');
    const statement = page.getByLabel('Statement (Markdown)');
    await statement.waitFor();
    await statement.fill('Plans that **stay true** to the work.');
    await eventually(async () =>
      assert.equal((await page.locator('.vision-preview strong').textContent()) ?? '', 'stay true'),
    );
    await page.getByLabel('Problems we solve').fill('Roadmaps rot\nNobody reads plans');
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    await page.getByText('Version 1 —').waitFor();

    await statement.fill('Plans that **stay true** to the work, for every team.');
    await page.getByLabel('Problems we solve').fill('Roadmaps rot');
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    await page.getByText('Version 2 —').waitFor();

    const changes = page.getByRole('definition').first();
    await eventually(async () => {
      const ins = await page.locator('.vision-diff ins').allTextContents();
      assert.ok(
        ins.some((text) => /every team/.test(text)),
        ins.join('|'),
      );
    });
    await changes.waitFor();
    const deleted = await page.locator('.vision-diff del').allTextContents();
    assert.ok(
      deleted.some((text) => /Nobody reads plans/.test(text)),
      deleted.join('|'),
    );
    // Not colour alone: screen readers hear which text was inserted or deleted.
    assert.match((await page.locator('.vision-diff').textContent()) ?? '', /inserted:/);

    const versions = await api.call<{ versions: { number: number }[] }>(
      'GET',
      `/products/${productId}/vision/versions`,
    );
    assert.deepEqual(
      versions.versions.map((v) => v.number),
      [2, 1],
    );
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.deepEqual(errors, []);

    // The home no longer says the vision is overdue, and shows its first lines.
    await page.goto('/p/VIS');
    await page.getByRole('list', { name: 'Overdue' }).waitFor();
    assert.doesNotMatch((await page.getByRole('list', { name: 'Overdue' }).textContent()) ?? '', /vision/i);
    assert.match((await page.locator('.home-vision').textContent()) ?? '', /every team/);
    await page.close();
  });

  it('shows a viewer the overdue list and the vision, without settings or edit controls', async () => {
    const viewer = { name: 'Vic Viewer', email: 'vic@example.com', password: 'quiet lantern meadow 42' };
    const user = await api.call<{ id: string }>('POST', '/users', { ...viewer, role: 'viewer' });
    await api.call('PUT', `/products/${productId}/members/${user.id}`);
    const viewerContext = await signedInContext(browser, cairn.url, viewer);
    try {
      const page = await viewerContext.newPage();
      const errors = watchErrors(page);
      await page.goto('/p/VIS');
      await page.getByRole('list', { name: 'Overdue' }).waitFor();
      await page.getByRole('table').waitFor();
      assert.equal(await page.locator('.product-home select').count(), 0, 'no settings controls');
      await page.goto('/p/VIS/vision');
      await page.getByRole('article', { name: 'Vision, version 2' }).waitFor();
      assert.equal(await page.locator('.vision-screen textarea').count(), 0);
      assert.equal(await page.getByRole('button', { name: /publish/i }).count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      await viewerContext.close();
    }
  });
});
