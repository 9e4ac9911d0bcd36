/**
 * A user story map in a real browser: built through the UI (an activity, two steps, two slices tied to
 * releases, stories placed from the backlog), then a story dragged across a release line and another moved
 * across one with the keyboard. The item's release is checked through the API, and the slices' figures on
 * screen.
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

interface MapBody {
  id: string;
  steps: { id: string; title: string }[];
  slices: { id: string; name: string }[];
  cards: { itemId: string; key: string }[];
}

browserSuite('story maps', () => {
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

  const lineFigures = (page: Page, sliceName: string) =>
    page.locator('[data-slice-line]', { hasText: sliceName }).locator('[data-figures]').textContent();

  it('builds a map, and moves stories across release lines by drag and by keyboard', async () => {
    const product = await api.call<{ id: string }>('POST', '/products', { key: 'MAP', name: 'Map shop' });
    const mvp = await api.call<{ id: string }>('POST', `/products/${product.id}/releases`, { name: 'MVP' });
    const later = await api.call<{ id: string }>('POST', `/products/${product.id}/releases`, {
      name: 'Later',
    });
    const search = await api.call<{ id: string; key: string }>('POST', `/products/${product.id}/items`, {
      title: 'Search by name',
      estimate: 3,
    });
    const filter = await api.call<{ id: string; key: string }>('POST', `/products/${product.id}/items`, {
      title: 'Filter by price',
      estimate: 5,
    });

    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/MAP/story-maps');
    await page.getByLabel('Name').fill('Shopping journey');
    await page.getByRole('button', { name: 'Create map' }).click();
    await page.getByRole('heading', { name: 'Shopping journey' }).waitFor();
    const mapId = page.url().split('/').at(-1) ?? '';

    await page.getByLabel('New activity').fill('Find products');
    await page.getByRole('button', { name: 'Add activity' }).click();
    for (const step of ['Search', 'Narrow down']) {
      await page.getByRole('button', { name: 'Add a step to Find products' }).click();
      await page.getByLabel('New step').fill(step);
      await page.getByRole('button', { name: 'Add step' }).click();
      await page.locator('.sm-step', { hasText: step }).waitFor();
    }
    for (const slice of ['MVP', 'Later']) {
      await page.getByLabel('New slice').fill(`${slice} slice`);
      await page.getByLabel('Slice line').selectOption({ label: slice });
      await page.getByRole('button', { name: 'Add slice' }).click();
      await page.locator('[data-slice-line]', { hasText: `${slice} slice` }).waitFor();
    }
    await page.getByRole('button', { name: 'Place stories…' }).click();
    await page.getByLabel('Search the backlog').fill('search');
    await page.getByRole('button', { name: /Search by name/ }).click();
    await page
      .getByRole('combobox', { name: 'Under the step' })
      .selectOption({ label: 'Find products › Narrow down' });
    await page.getByLabel('Search the backlog').fill('price');
    await page.getByRole('button', { name: /Filter by price/ }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.locator(`[data-item="${filter.id}"]`).waitFor();
    assert.match((await lineFigures(page, 'Unplanned')) ?? '', /8 pts · 2 items/);

    const map = await api.call<MapBody>('GET', `/story-maps/${mapId}`);
    const [mvpSlice, laterSlice] = map.slices;
    const searchStep = map.steps.find((s) => s.title === 'Search');
    assert.ok(mvpSlice && laterSlice && searchStep);

    // Drag "Search by name" from the unplanned band into the MVP slice of its step.
    const card = page.locator(`[data-item="${search.id}"]`);
    const cell = page.locator(`[data-cell][data-step="${searchStep.id}"][data-slice="${mvpSlice.id}"]`);
    const from = await card.boundingBox();
    const to = await cell.boundingBox();
    assert.ok(from && to);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) {
      await page.mouse.move(
        from.x + from.width / 2 + ((to.x + to.width / 2 - from.x - from.width / 2) * i) / 8,
        from.y + from.height / 2 + ((to.y + 8 - from.y - from.height / 2) * i) / 8,
      );
    }
    await page.mouse.up();
    await eventually(async () => {
      const item = await api.call<{ releaseId: string | null }>('GET', `/items/${search.id}`);
      assert.equal(item.releaseId, mvp.id);
    });
    await eventually(async () =>
      assert.match((await lineFigures(page, 'MVP slice')) ?? '', /3 pts · 1 item/),
    );
    assert.match((await lineFigures(page, 'Unplanned')) ?? '', /5 pts · 1 item/);

    // With the keyboard: "Filter by price" up from the unplanned band into the Later slice.
    await page.locator(`[data-item="${filter.id}"]`).focus();
    await page.keyboard.press('Space');
    assert.match((await page.locator('[aria-live="assertive"]').textContent()) ?? '', /Picked up/);
    await page.keyboard.press('ArrowUp');
    assert.match((await page.locator('[aria-live="assertive"]').textContent()) ?? '', /slice Later slice/);
    await page.keyboard.press('Space');
    await eventually(async () => {
      const item = await api.call<{ releaseId: string | null }>('GET', `/items/${filter.id}`);
      assert.equal(item.releaseId, later.id);
    });
    await eventually(async () =>
      assert.match((await lineFigures(page, 'Later slice')) ?? '', /5 pts · 1 item/),
    );
    assert.match((await lineFigures(page, 'Unplanned')) ?? '', /0 pts · 0 items/);
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-item')), filter.id),
    );

    const events = await api.call<{ events: { entityType: string; entityId: string }[] }>(
      'GET',
      `/products/${product.id}/events?limit=500`,
    );
    assert.ok(events.events.some((e) => e.entityType === 'item' && e.entityId === filter.id));
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
