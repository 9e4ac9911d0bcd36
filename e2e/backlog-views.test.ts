/**
 * The backlog as a grooming tool, in a real browser: open work only by default, multi-select filters, the
 * not-ready filter, saved views (kept through a reload, picked from the menu and from the palette), a sprint
 * set from the bulk bar, accessibility. Changes are checked through the API as well as on screen.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

const ITEMS = [
  { title: 'Pay with a saved card', type: 'story', status: 'ready', estimate: 3 },
  { title: 'Fix rounding of tax totals', type: 'bug', status: 'in_progress' },
  { title: 'Old checkout page', type: 'task', status: 'done', estimate: 1 },
  { title: 'Wallet spike', type: 'spike', status: 'wont_do' },
  { title: 'Receipt emails', type: 'task', status: 'backlog', estimate: 2 },
] as const;

browserSuite('backlog views', () => {
  let cairn: Cairn;
  let browser: Browser;
  let api: SeedApi;
  let context: BrowserContext;

  before(async () => {
    cairn = await startCairn();
    api = await setupOwner(cairn.url);
    browser = await launchBrowser();
    context = await signedInContext(browser, cairn.url);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  async function seed(key: string): Promise<{ productId: string; sprintId: string }> {
    const product = await api.call<{ id: string }>('POST', '/products', { key, name: `Product ${key}` });
    for (const item of ITEMS) await api.call('POST', `/products/${product.id}/items`, item);
    const sprint = await api.call<{ id: string }>('POST', `/products/${product.id}/sprints`, {
      name: 'Sprint Falcon',
      startDate: '2026-12-01',
      endDate: '2026-12-14',
    });
    return { productId: product.id, sprintId: sprint.id };
  }

  async function keysOnScreen(page: Page): Promise<string[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.backlog-body tr[data-item-key]')]
        .map((row) => ({ key: row.dataset.itemKey ?? '', top: row.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.key),
    );
  }

  async function openBacklog(key: string, search = ''): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`/p/${key}/backlog${search}`);
    await page.getByRole('grid', { name: 'Backlog items in rank order' }).waitFor();
    return page;
  }

  it('hides done and won’t-do items until "Open only" is turned off', async () => {
    await seed('OPN');
    const page = await openBacklog('OPN');
    const errors = watchErrors(page);
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['OPN-1', 'OPN-2', 'OPN-5']));
    // A filter is a navigation rendered in a transition: the box follows the URL a moment after the click.
    await page.getByLabel('Open only').click();
    await page.waitForURL(/open=0/);
    await eventually(async () => assert.equal((await keysOnScreen(page)).length, 5));
    await page.reload();
    await page.getByRole('grid').waitFor();
    assert.equal(await page.getByLabel('Open only').isChecked(), false);
    await eventually(async () => assert.equal((await keysOnScreen(page)).length, 5));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('filters by two statuses at once, and by readiness', async () => {
    const s = await seed('MUL');
    const page = await openBacklog('MUL');
    await page.getByLabel('Status', { exact: true }).selectOption(['ready', 'done']);
    await page.waitForURL(/status=ready&status=done/);
    // Naming "done" in the status filter shows done items although "Open only" is on.
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['MUL-1', 'MUL-3']));
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.waitForURL((url) => url.search === '');

    const report = await api.call<{ items: { itemId: string; ready: boolean }[] }>(
      'GET',
      `/products/${s.productId}/readiness`,
    );
    const backlog = await api.call<{ items: { id: string; key: string }[] }>(
      'GET',
      `/products/${s.productId}/backlog`,
    );
    const notReady = report.items
      .filter((item) => !item.ready)
      .map((item) => backlog.items.find((row) => row.id === item.itemId)?.key)
      .sort();
    assert.ok(notReady.length > 0);
    await page.getByLabel('Readiness', { exact: true }).selectOption('not_ready');
    await page.waitForURL(/readiness=not_ready/);
    await eventually(async () => assert.deepEqual((await keysOnScreen(page)).sort(), notReady));
    await page.close();
  });

  it('saves a view, keeps it through a reload, and opens it from the menu and the palette', async () => {
    const s = await seed('VEW');
    const page = await openBacklog('VEW');
    const errors = watchErrors(page);
    await page.getByLabel('Type', { exact: true }).selectOption(['task', 'bug']);
    await page.waitForURL(/type=task&type=bug|type=bug&type=task/);
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['VEW-2', 'VEW-5']));

    await page.getByRole('button', { name: 'Save view…' }).click();
    await page.getByLabel('Name of the new view').fill('Tasks and bugs');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/view=/);
    await eventually(async () =>
      assert.equal(
        await page.getByLabel('Saved views').locator('option:checked').textContent(),
        'Tasks and bugs',
      ),
    );

    // The same name again is refused at the name field.
    await page.getByRole('button', { name: 'Save view…' }).click();
    await page.getByLabel('Name of the new view').fill('tasks and bugs');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'already the name' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.goto('/p/VEW/backlog');
    await page.getByRole('grid').waitFor();
    await eventually(async () => assert.equal((await keysOnScreen(page)).length, 3));
    await page.reload();
    await page.getByRole('grid').waitFor();
    await page.getByLabel('Saved views').selectOption({ label: 'Tasks and bugs' });
    await page.waitForURL(/view=/);
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['VEW-2', 'VEW-5']));

    // Rename it, delete it, and undo the delete.
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name of the view').fill('Bugs and tasks');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    const names = async () =>
      (await api.call<{ views: { name: string }[] }>('GET', `/products/${s.productId}/views`)).views.map(
        (view) => view.name,
      );
    await eventually(async () => assert.deepEqual(await names(), ['Bugs and tasks']));
    await page.getByRole('button', { name: 'Delete view' }).click();
    await eventually(async () => assert.deepEqual(await names(), []));
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () => assert.deepEqual(await names(), ['Bugs and tasks']));

    await page.goto('/p/VEW/backlog?status=done');
    await page.getByRole('grid').waitFor();
    await page.keyboard.press('Control+k');
    await page.getByLabel('Search items, initiatives, views and actions').fill('bugs and');
    await page
      .getByRole('listbox', { name: 'Results' })
      .getByRole('option', { name: /Bugs and tasks/ })
      .click();
    await page.waitForURL(/view=/);
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['VEW-2', 'VEW-5']));
    assert.deepEqual(
      errors.filter((e) => !e.includes('409')),
      [],
    );
    await page.close();
  });

  it('sets the sprint of the selected items from the bulk bar', async () => {
    const s = await seed('SPR');
    const page = await openBacklog('SPR');
    await page.getByLabel('Select SPR-1').check();
    await page.getByLabel('Select SPR-2').check();
    await page.getByText('2 selected').waitFor();
    await page.getByLabel('Set the sprint of the selected items').selectOption({ label: 'Sprint Falcon' });
    await eventually(async () => {
      const { items } = await api.call<{ items: { key: string; sprintId: string | null }[] }>(
        'GET',
        `/products/${s.productId}/backlog`,
      );
      const planned = items.filter((item) => item.sprintId === s.sprintId).map((item) => item.key);
      assert.deepEqual(planned, ['SPR-1', 'SPR-2']);
    });
    await page.keyboard.press('Escape');
    await page.getByLabel('Sprint', { exact: true }).selectOption({ label: 'Sprint Falcon' });
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['SPR-1', 'SPR-2']));
    await page.close();
  });

  it('has no serious accessibility violations', async () => {
    await seed('AXV');
    const page = await openBacklog('AXV');
    await page.getByRole('button', { name: 'Save view…' }).click();
    const violations = await seriousA11yViolations(page);
    assert.deepEqual(violations, []);
    await page.close();
  });
});
