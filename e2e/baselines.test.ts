/**
 * Roadmap baselines in a real browser: save the roadmap as a baseline, move a committed initiative on the
 * board (the web asks for an announcement), and read the diff beside the board and the changelog.
 * Every change made in the browser is checked through the API too.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserSuite,
  type Cairn,
  eventually,
  launchBrowser,
  OWNER,
  type SeedApi,
  seriousA11yViolations,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

interface Changelog {
  announcements: { initiativeId: string; text: string; publicText: string | null }[];
  unannounced: { initiativeId: string }[];
}

browserSuite('roadmap baselines', () => {
  let cairn: Cairn;
  let browser: Browser;
  let context: BrowserContext;
  let api: SeedApi;
  let productId: string;
  let committedId: string;

  before(async () => {
    cairn = await startCairn();
    api = await setupOwner(cairn.url);
    browser = await launchBrowser();
    context = await signedInContext(browser, cairn.url);
    const product = await api.call<{ id: string }>('POST', '/products', { key: 'BSL', name: 'Baselines' });
    productId = product.id;
    const committed = await api.call<{ id: string }>('POST', `/products/${productId}/initiatives`, {
      title: 'Faster checkout',
      horizon: 'now',
      confidence: 'committed',
    });
    committedId = committed.id;
    await api.call('POST', `/products/${productId}/initiatives`, {
      title: 'Voice ordering',
      horizon: 'later',
      confidence: 'exploratory',
    });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  it('saves a baseline, asks for an announcement when committed work moves, and shows the diff', async () => {
    const page: Page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/BSL/roadmap');
    const card = (title: string) => page.getByRole('link', { name: title, exact: true });
    await card('Faster checkout').waitFor();

    await page.getByRole('button', { name: 'Baselines' }).click();
    const panel = page.getByRole('complementary', { name: 'Baselines' });
    await panel.getByText(/No baseline yet/).waitFor();
    await panel.getByLabel('Save the roadmap as').fill('Q3 plan');
    await panel.getByRole('button', { name: 'Save baseline' }).click();
    await panel.getByText('No change since Q3 plan.').waitFor();
    const baselines = await api.call<{ roadmapBaselines: { name: string }[] }>(
      'GET',
      `/products/${productId}/roadmap-baselines`,
    );
    assert.deepEqual(
      baselines.roadmapBaselines.map((b) => b.name),
      ['Q3 plan'],
    );

    // Moving committed work is a pivot: the web asks for words before saving.
    await card('Faster checkout').dragTo(page.locator('[data-cell="none:next"]'));
    const dialog = page.getByRole('dialog', { name: 'Announce the change to Faster checkout' });
    await dialog.waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await dialog.getByLabel('Announcement').fill('Checkout waits for the new payment provider.');
    await dialog.getByLabel(/For customers/).fill('Faster checkout comes next quarter.');
    await dialog.getByRole('button', { name: 'Save and announce' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('list', { name: 'Next, No theme' })
      .getByRole('link', { name: 'Faster checkout' })
      .waitFor();

    // Moving exploratory work asks nothing.
    await card('Voice ordering').dragTo(page.locator('[data-cell="none:now"]'));
    await page
      .getByRole('list', { name: 'Now, No theme' })
      .getByRole('link', { name: 'Voice ordering' })
      .waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);

    // The diff beside the board follows the live changes: who moved what, and when.
    const moved = panel.getByRole('region', { name: 'Moved' });
    await moved.getByText('Faster checkout').waitFor();
    await moved.getByText(`by ${OWNER.name}`, { exact: false }).first().waitFor();
    await eventually(async () => {
      const text = (await moved.textContent()) ?? '';
      assert.match(text, /Horizon: Now\s*→\s*Next/);
      assert.match(text, /Voice ordering/);
    });
    const log = await api.call<Changelog>('GET', `/products/${productId}/roadmap-changelog`);
    assert.deepEqual(
      log.announcements.map((a) => [a.initiativeId, a.text, a.publicText]),
      [[committedId, 'Checkout waits for the new payment provider.', 'Faster checkout comes next quarter.']],
    );
    assert.deepEqual(log.unannounced, []);

    // The changelog lists the announcement.
    await page.getByRole('button', { name: 'Changelog' }).click();
    const changelog = page.getByRole('complementary', { name: 'Roadmap changelog' });
    await changelog.getByText('Checkout waits for the new payment provider.').waitFor();
    await changelog.getByText('For customers: Faster checkout comes next quarter.').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('lists a pivot saved without announcing as unannounced', async () => {
    const page: Page = await context.newPage();
    await page.goto('/p/BSL/roadmap?panel=changelog');
    const card = page.getByRole('link', { name: 'Faster checkout', exact: true });
    await card.waitFor();
    await card.dragTo(page.locator('[data-cell="none:later"]'));
    const dialog = page.getByRole('dialog', { name: /Announce the change/ });
    await dialog.getByRole('button', { name: 'Save without announcing' }).click();
    const changelog = page.getByRole('complementary', { name: 'Roadmap changelog' });
    await changelog
      .getByRole('region', { name: 'Unannounced pivots' })
      .getByText('Faster checkout')
      .waitFor();
    const log = await api.call<Changelog>('GET', `/products/${productId}/roadmap-changelog`);
    assert.deepEqual(
      log.unannounced.map((p) => p.initiativeId),
      [committedId],
    );

    // Escape keeps the card where it was: nothing is saved.
    await page
      .getByRole('link', { name: 'Faster checkout', exact: true })
      .dragTo(page.locator('[data-cell="none:now"]'));
    await page.getByRole('dialog', { name: /Announce the change/ }).waitFor();
    await page.keyboard.press('Escape');
    await page
      .getByRole('list', { name: 'Later, No theme' })
      .getByRole('link', { name: 'Faster checkout' })
      .waitFor();
    const still = await api.call<{ horizon: string }>('GET', `/initiatives/${committedId}`);
    assert.equal(still.horizon, 'later');
    await page.close();
  });
});
