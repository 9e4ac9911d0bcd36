/**
 * Importing in a real browser: an editor brings a Jira CSV in through the wizard — a dry run first, a
 * status mapping fixed in the preview, then the import — and finds the epics on the roadmap as initiatives.
 * A refused file says why in place; a viewer is not offered the import at all.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

const EDITOR = { name: 'Eddie Editor', email: 'eddie@example.com', password: 'brisk otter paddle 7' };
const VIEWER = { name: 'Vera Viewer', email: 'vera@example.com', password: 'quiet lantern meadow 42' };

const EPICS = [
  ['SHOP-1', '10001', 'Faster checkout'],
  ['SHOP-2', '10002', 'Gift cards'],
  ['SHOP-3', '10003', 'Loyalty points'],
] as const;

/**
 * Ten stories under the three epics. "Waiting for QA" is guessed (In review); "Pending sign-off" is a
 * status no default mapping knows (backlog), which the user fixes in the preview.
 */
const STORIES = [
  ['SHOP-4', 'Pay with a saved card', 'In Progress', 'SHOP-1'],
  ['SHOP-5', 'One-page payment form', 'To Do', 'SHOP-1'],
  ['SHOP-6', 'Apple Pay button', 'Done', 'SHOP-1'],
  ['SHOP-7', 'Buy a gift card', 'To Do', 'SHOP-2'],
  ['SHOP-8', 'Redeem a gift card', 'In Progress', 'SHOP-2'],
  ['SHOP-9', 'Gift card balance page', 'To Do', 'SHOP-2'],
  ['SHOP-10', 'Earn points on orders', 'To Do', 'SHOP-3'],
  ['SHOP-11', 'Spend points at checkout', 'To Do', 'SHOP-3'],
  ['SHOP-12', 'Points statement e-mail', 'Waiting for QA', 'SHOP-3'],
  ['SHOP-13', 'Refund points on returns', 'Pending sign-off', 'SHOP-3'],
] as const;

function jiraCsv(): string {
  const header =
    'Issue key,Issue id,Summary,Issue Type,Status,Custom field (Epic Name),Custom field (Epic Link),Custom field (Story Points)';
  const epics = EPICS.map(([key, id, name]) => `${key},${id},${name},Epic,In Progress,${name},,`);
  const stories = STORIES.map(
    ([key, title, status, epic], n) =>
      `${key},${10_004 + n},"${title}",Story,${status},,${epic},${(n % 5) + 1}`,
  );
  return `${[header, ...epics, ...stories].join('\r\n')}\r\n`;
}

interface BacklogRow {
  key: string;
  title: string;
  status: string;
}

browserSuite('imports', () => {
  let cairn: Cairn;
  let browser: Browser;
  let api: SeedApi;
  let productId: string;
  let editor: BrowserContext;

  before(async () => {
    cairn = await startCairn();
    api = await setupOwner(cairn.url);
    browser = await launchBrowser();
    productId = (await api.call<{ id: string }>('POST', '/products', { key: 'SHOP', name: 'Shop' })).id;
    for (const [person, role] of [
      [EDITOR, 'editor'],
      [VIEWER, 'viewer'],
    ] as const) {
      const user = await api.call<{ id: string }>('POST', '/users', { ...person, role });
      await api.call('PUT', `/products/${productId}/members/${user.id}`);
    }
    editor = await signedInContext(browser, cairn.url, EDITOR);
  });
  after(async () => {
    await editor?.close();
    await browser?.close();
    await cairn?.close();
  });

  /** Opens the wizard from the product home and picks Jira. */
  async function openWizard(page: Page): Promise<void> {
    await page.goto('/p/SHOP');
    await page.getByRole('link', { name: 'Import…' }).click();
    await page.waitForURL('**/p/SHOP/import');
    await page.getByRole('radio', { name: 'Jira (CSV or JSON)' }).check();
  }

  it('says in place why a file is refused, and nothing is written', async () => {
    const page = await editor.newPage();
    const errors = watchErrors(page);
    await openWizard(page);
    await page.getByLabel('Jira (CSV or JSON) export file').setInputFiles({
      name: 'not-jira.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Name,Colour\r\nApple,red\r\n'),
    });
    const alert = page.locator('.import-wizard [role="alert"]');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /line 1/i);
    // The wizard is still there to choose another file: never a blank page.
    assert.ok(await page.getByLabel('Jira (CSV or JSON) export file').isEnabled());
    const backlog = await api.call<{ items: BacklogRow[] }>('GET', `/products/${productId}/backlog`);
    assert.equal(backlog.items.length, 0);
    // The browser logs the refused request itself; the app must add nothing of its own.
    assert.deepEqual(
      errors.filter((e) => !/Failed to load resource/.test(e)),
      [],
    );
    await page.close();
  });

  it('imports a Jira CSV through a dry run with a fixed mapping, and the epics reach the roadmap', async () => {
    const page = await editor.newPage();
    const errors = watchErrors(page);
    await openWizard(page);
    await page.getByLabel('Jira (CSV or JSON) export file').setInputFiles({
      name: 'jira.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(jiraCsv()),
    });

    // The dry run's preview: ten items and three initiatives to create, nothing written yet.
    const preview = page.locator('.import-preview');
    await preview.waitFor();
    const counts = page.locator('.import-counts');
    assert.equal(await counts.locator('tr[data-kind="items"] td').first().textContent(), '10');
    assert.equal(await counts.locator('tr[data-kind="initiatives"] td').first().textContent(), '3');
    assert.equal(
      (await api.call<{ items: BacklogRow[] }>('GET', `/products/${productId}/backlog`)).items.length,
      0,
      'a dry run writes nothing',
    );

    // "Waiting for QA" is guessed; "Pending sign-off" is not: the user maps it to In review, the preview follows.
    assert.equal(await page.getByLabel('Cairn status for “Waiting for QA”').inputValue(), 'in_review');
    const mapping = page.getByLabel('Cairn status for “Pending sign-off”');
    assert.equal(await mapping.inputValue(), 'backlog');
    const refunds = page.locator('.import-rows tr[data-external-key="SHOP-13"] .import-status');
    assert.notEqual(await refunds.textContent(), 'In review');
    // By keyboard: three steps down from Backlog (Ready, In progress, In review), each a new dry run; the
    // select keeps its focus while the preview updates, and the last answer is the one shown.
    await mapping.focus();
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      () =>
        document.querySelector('.import-rows tr[data-external-key="SHOP-13"] .import-status')?.textContent ===
          'In review' && document.querySelector('.import-preview')?.getAttribute('aria-busy') === 'false',
    );
    assert.equal(await mapping.inputValue(), 'in_review');
    assert.ok(
      await mapping.evaluate((select) => select === document.activeElement),
      'the select keeps focus',
    );
    assert.deepEqual(await seriousA11yViolations(page, { scope: '.import-screen' }), []);

    await page.getByRole('button', { name: 'Import 10 items' }).click();
    await page.getByRole('heading', { name: 'Imported' }).waitFor();

    const backlog = await api.call<{ items: BacklogRow[] }>('GET', `/products/${productId}/backlog`);
    assert.equal(backlog.items.length, 10);
    const statusOf = (title: string) => backlog.items.find((item) => item.title === title)?.status;
    assert.equal(statusOf('Refund points on returns'), 'in_review');
    assert.equal(statusOf('Points statement e-mail'), 'in_review');
    assert.equal(statusOf('Pay with a saved card'), 'in_progress');

    await page.getByRole('link', { name: 'Open the roadmap' }).click();
    await page.waitForURL('**/p/SHOP/roadmap');
    for (const [, , title] of EPICS) {
      await page.locator('.initiative-card', { hasText: title }).waitFor();
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('downloads the exports from the links the wizard shows, with the imported work in them', async () => {
    const page = await editor.newPage();
    await page.goto('/p/SHOP/import');
    for (const [name, expected] of [
      ['Export JSON', 'Faster checkout'],
      ['Export items CSV', 'Refund points on returns'],
      ['Export initiatives CSV', 'Loyalty points'],
    ] as const) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      assert.ok(href, name);
      // The browser's own session cookie: the link works as the user clicks it.
      const response = await editor.request.get(href);
      assert.equal(response.status(), 200, name);
      assert.match(response.headers()['content-disposition'] ?? '', /attachment/, name);
      assert.ok((await response.text()).includes(expected), `${name} holds ${expected}`);
    }
    await page.close();
  });

  it('offers a viewer the exports but not the import', async () => {
    const viewer = await signedInContext(browser, cairn.url, VIEWER);
    const page = await viewer.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/SHOP');
    await page.getByRole('heading', { name: 'Export' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Import…' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Export JSON' }).count(), 1);
    // Even by address, the wizard is not there for a viewer.
    await page.goto('/p/SHOP/import');
    await page.getByText('Only editors can import').waitFor();
    assert.equal(await page.locator('input[type="file"]').count(), 0);
    assert.deepEqual(errors, []);
    await viewer.close();
  });
});
