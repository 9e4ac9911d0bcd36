/**
 * The Backlog screen in a real browser: quick-add, reordering by drag and by keyboard, inline edits, filters
 * kept in the URL, bulk changes, a light DOM with hundreds of items, accessibility. Every change is checked
 * through the API as well as on screen.
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

interface Row {
  id: string;
  key: string;
  title: string;
  status: string;
  estimate: number | null;
  initiativeId: string | null;
  labels: string[];
}

interface Seeded {
  productId: string;
  key: string;
  initiatives: { checkout: string; gifts: string };
  ids: Record<string, string>;
}

const ITEMS = [
  { title: 'Pay with a saved card', type: 'story', status: 'ready', labels: ['payments'], estimate: 3 },
  { title: 'Fix rounding of tax totals', type: 'bug', labels: ['tax'] },
  { title: 'Spike: wallet providers', type: 'spike', labels: ['payments', 'research'] },
  { title: 'Receipt emails', type: 'task', estimate: 2 },
  { title: 'Fix crash on an empty cart', type: 'bug', status: 'in_progress' },
  { title: 'Gift card balance page', type: 'story' },
] as const;

browserSuite('backlog', () => {
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

  /** A product with two initiatives and the six items above (the first two items serve "Checkout"). */
  async function seed(key: string): Promise<Seeded> {
    const product = await api.call<{ id: string }>('POST', '/products', { key, name: `Product ${key}` });
    const initiative = (title: string) =>
      api.call<{ id: string }>('POST', `/products/${product.id}/initiatives`, { title });
    const checkout = await initiative('Faster checkout');
    const gifts = await initiative('Gift cards');
    const ids: Record<string, string> = {};
    for (const [index, item] of ITEMS.entries()) {
      const initiativeId = index < 2 ? checkout.id : index === 5 ? gifts.id : null;
      const created = await api.call<{ id: string; key: string }>('POST', `/products/${product.id}/items`, {
        ...item,
        initiativeId,
      });
      ids[created.key] = created.id;
    }
    return { productId: product.id, key, initiatives: { checkout: checkout.id, gifts: gifts.id }, ids };
  }

  async function backlog(productId: string): Promise<Row[]> {
    return (await api.call<{ items: Row[] }>('GET', `/products/${productId}/backlog`)).items;
  }

  async function keysInApi(productId: string): Promise<string[]> {
    return (await backlog(productId)).map((item) => item.key);
  }

  /** Keys of the rows on screen, top to bottom. */
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

  const row = (page: Page, key: string) => page.locator(`.backlog-body [data-item-key="${key}"]`);

  it('adds items at the top and at the bottom, shown at once and saved', async () => {
    const s = await seed('ADD');
    const page = await openBacklog(s.key);
    const errors = watchErrors(page);

    await page.keyboard.press('c');
    const top = page.getByLabel('Add an item at the top');
    assert.equal(await top.evaluate((el) => el === document.activeElement), true);
    await top.fill('Apple Pay');
    await top.press('Enter');
    await top.fill('Google Pay');
    await top.press('Enter');
    // The field stays focused and empty for the next title.
    assert.equal(await top.inputValue(), '');
    assert.equal(await top.evaluate((el) => el === document.activeElement), true);

    const bottom = page.getByLabel('Add an item at the bottom');
    await bottom.fill('Invoices as PDF');
    await bottom.press('Enter');

    await page.getByRole('row', { name: 'ADD-9 Invoices as PDF' }).waitFor();
    assert.deepEqual((await keysOnScreen(page)).slice(0, 2), ['ADD-8', 'ADD-7']);
    await eventually(async () => {
      const items = await backlog(s.productId);
      assert.deepEqual(
        items.map((item) => item.title),
        ['Google Pay', 'Apple Pay', ...ITEMS.map((item) => item.title), 'Invoices as PDF'],
      );
    });
    assert.equal(
      await page.getByRole('status').filter({ hasText: 'items' }).textContent(),
      '9 items · 5 points (7 unestimated)',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('reorders by dragging a row by its handle', async () => {
    const s = await seed('DRG');
    const page = await openBacklog(s.key);

    // DRG-5 dragged up to just above DRG-2.
    const handle = row(page, 'DRG-5').locator('.drag-handle');
    const from = await handle.boundingBox();
    const target = await row(page, 'DRG-2').boundingBox();
    assert.ok(from && target);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 4 });
    await page.mouse.move(from.x + from.width / 2, target.y + 6, { steps: 6 });
    await page.locator('.drop-indicator').waitFor();
    await page.mouse.up();
    assert.deepEqual(await keysOnScreen(page), ['DRG-1', 'DRG-5', 'DRG-2', 'DRG-3', 'DRG-4', 'DRG-6']);
    await eventually(async () =>
      assert.deepEqual(await keysInApi(s.productId), ['DRG-1', 'DRG-5', 'DRG-2', 'DRG-3', 'DRG-4', 'DRG-6']),
    );

    // And down, to the bottom, past the last row.
    const first = await row(page, 'DRG-1').locator('.drag-handle').boundingBox();
    const last = await row(page, 'DRG-6').boundingBox();
    assert.ok(first && last);
    await page.mouse.move(first.x + 4, first.y + 4);
    await page.mouse.down();
    await page.mouse.move(first.x + 4, last.y + last.height - 4, { steps: 8 });
    await page.mouse.up();
    await eventually(async () =>
      assert.deepEqual(await keysInApi(s.productId), ['DRG-5', 'DRG-2', 'DRG-3', 'DRG-4', 'DRG-6', 'DRG-1']),
    );

    // Esc cancels a drag: nothing moves.
    const third = await row(page, 'DRG-3').locator('.drag-handle').boundingBox();
    assert.ok(third);
    await page.mouse.move(third.x + 4, third.y + 4);
    await page.mouse.down();
    await page.mouse.move(third.x + 4, third.y - 60, { steps: 5 });
    await page.keyboard.press('Escape');
    await page.mouse.up();
    assert.equal(await page.locator('.drop-indicator').count(), 0);
    assert.deepEqual(await keysOnScreen(page), ['DRG-5', 'DRG-2', 'DRG-3', 'DRG-4', 'DRG-6', 'DRG-1']);
    await page.close();
  });

  it('reorders with the keyboard: Alt+↑/↓ one place, Alt+Shift+↑ to the top', async () => {
    const s = await seed('KEY');
    const page = await openBacklog(s.key);

    // j from the page focuses the first row; j again moves down.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.itemKey);
    assert.equal(await focused(), 'KEY-3');

    await page.keyboard.press('Alt+ArrowUp');
    assert.deepEqual(await keysOnScreen(page), ['KEY-1', 'KEY-3', 'KEY-2', 'KEY-4', 'KEY-5', 'KEY-6']);
    assert.equal(await focused(), 'KEY-3');
    await eventually(async () =>
      assert.deepEqual(await keysInApi(s.productId), ['KEY-1', 'KEY-3', 'KEY-2', 'KEY-4', 'KEY-5', 'KEY-6']),
    );

    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(async () =>
      assert.deepEqual(await keysInApi(s.productId), ['KEY-1', 'KEY-2', 'KEY-4', 'KEY-3', 'KEY-5', 'KEY-6']),
    );

    await page.keyboard.press('k');
    await page.keyboard.press('k');
    assert.equal(await focused(), 'KEY-2');
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await eventually(async () =>
      assert.deepEqual(await keysInApi(s.productId), ['KEY-2', 'KEY-1', 'KEY-4', 'KEY-3', 'KEY-5', 'KEY-6']),
    );
    assert.equal(await focused(), 'KEY-2');

    // With a filter on, a move goes past the neighbour as shown: bugs are KEY-2 and KEY-5.
    await page.getByLabel('Type', { exact: true }).selectOption('bug');
    // A filter is a navigation, which react-router renders in a transition: wait for it.
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['KEY-2', 'KEY-5']));
    await row(page, 'KEY-5').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(async () =>
      assert.deepEqual(await keysInApi(s.productId), ['KEY-5', 'KEY-2', 'KEY-1', 'KEY-4', 'KEY-3', 'KEY-6']),
    );
    await page.close();
  });

  it('edits title, status and estimate in place', async () => {
    const s = await seed('EDT');
    const page = await openBacklog(s.key);
    const id = s.ids['EDT-2'] ?? '';

    await row(page, 'EDT-2').focus();
    await page.keyboard.press('e');
    const title = page.getByLabel('Title of EDT-2');
    await title.fill('Fix rounding of VAT totals');
    await title.press('Enter');
    await page.getByRole('row', { name: 'EDT-2 Fix rounding of VAT totals' }).waitFor();
    // The focus is back on the row, so the keyboard carries on.
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.itemKey), 'EDT-2');

    // Esc cancels an edit.
    await page.keyboard.press('F2');
    await title.fill('Not this');
    await title.press('Escape');
    assert.equal(await title.count(), 0);
    await page.getByRole('row', { name: 'EDT-2 Fix rounding of VAT totals' }).waitFor();

    // Double-click edits too.
    await row(page, 'EDT-4').locator('.title-text').dblclick();
    await page.getByLabel('Title of EDT-4').fill('Receipt emails, with the logo');
    await page.getByLabel('Title of EDT-4').press('Enter');

    await page.getByLabel('Status of EDT-2').selectOption('in_review');
    await page.getByLabel('Estimate of EDT-2 (points)').fill('5');
    await page.getByLabel('Estimate of EDT-2 (points)').press('Enter');
    await page.getByLabel('Estimate of EDT-1 (points)').fill('');
    await page.getByLabel('Estimate of EDT-1 (points)').press('Enter');

    await eventually(async () => {
      const items = await backlog(s.productId);
      const byKey = new Map(items.map((item) => [item.key, item]));
      assert.equal(byKey.get('EDT-2')?.title, 'Fix rounding of VAT totals');
      assert.equal(byKey.get('EDT-2')?.status, 'in_review');
      assert.equal(byKey.get('EDT-2')?.estimate, 5);
      assert.equal(byKey.get('EDT-1')?.estimate, null);
      assert.equal(byKey.get('EDT-4')?.title, 'Receipt emails, with the logo');
    });
    const saved = await api.call<{ title: string }>('GET', `/items/${id}`);
    assert.equal(saved.title, 'Fix rounding of VAT totals');
    await page.close();
  });

  it('keeps the filters in the URL, through a reload and back', async () => {
    const s = await seed('FLT');
    const page = await openBacklog(s.key);
    const count = page.getByRole('status').filter({ hasText: 'items' });

    await page.getByLabel('Type', { exact: true }).selectOption('bug');
    await page.waitForURL(/type=bug/);
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['FLT-2', 'FLT-5']));
    await eventually(async () =>
      assert.equal(await count.textContent(), '2 of 6 items · 0 points (2 unestimated)'),
    );

    await page.keyboard.press('/');
    await page.keyboard.type('CRASH cart');
    await page.waitForURL(/q=CRASH\+cart/);
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['FLT-5']));

    await page.reload();
    await page.getByRole('grid').waitFor();
    assert.equal(await page.getByLabel('Filter by text').inputValue(), 'CRASH cart');
    assert.equal(await page.getByLabel('Type', { exact: true }).inputValue(), 'bug');
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['FLT-5']));

    // The URL changes first and the list renders right after: every check on the screen waits for it.
    // Typing replaced the URL; choosing the type was a step of its own: back undoes both.
    await page.goBack();
    await page.waitForURL((url) => url.search === '');
    await eventually(async () => assert.equal((await keysOnScreen(page)).length, 6));
    await eventually(async () => assert.equal(await page.getByLabel('Filter by text').inputValue(), ''));
    await page.goForward();
    await page.waitForURL(/type=bug/);
    await eventually(async () =>
      assert.equal(await page.getByLabel('Filter by text').inputValue(), 'CRASH cart'),
    );
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['FLT-5']));

    // Initiative "none" and a label, from a URL typed by hand.
    await page.goto(`/p/${s.key}/backlog?initiative=none&label=payments`);
    await page.getByRole('grid').waitFor();
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['FLT-3']));
    await page.goto(`/p/${s.key}/backlog?initiative=${s.initiatives.checkout}`);
    await page.getByRole('grid').waitFor();
    await eventually(async () => assert.deepEqual(await keysOnScreen(page), ['FLT-1', 'FLT-2']));

    await page.goto(`/p/${s.key}/backlog?q=nothing+like+this`);
    await page.getByText('No items match these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.waitForURL((url) => url.search === '');
    await eventually(async () => assert.equal((await keysOnScreen(page)).length, 6));
    await page.close();
  });

  it('changes the status and initiative of many selected items at once', async () => {
    const s = await seed('BLK');
    const page = await openBacklog(s.key);

    await page.getByLabel('Select BLK-2').check();
    await page.getByLabel('Select BLK-4').click({ modifiers: ['Shift'] });
    await row(page, 'BLK-6').focus();
    await page.keyboard.press('x');
    await page.getByText('4 selected').waitFor();

    await page.getByLabel('Set the status of the selected items').selectOption('done');
    await page.getByLabel('Set the initiative of the selected items').selectOption({ label: 'Gift cards' });
    await eventually(async () => {
      const items = await backlog(s.productId);
      const changed = items.filter((item) => item.status === 'done').map((item) => item.key);
      assert.deepEqual(changed, ['BLK-2', 'BLK-3', 'BLK-4', 'BLK-6']);
      const gifts = items.filter((item) => item.initiativeId === s.initiatives.gifts).map((item) => item.key);
      assert.deepEqual(gifts, ['BLK-2', 'BLK-3', 'BLK-4', 'BLK-6']);
    });

    await page.getByLabel('Label to add to the selected items').fill('q3');
    await page.getByRole('button', { name: 'Add label' }).click();
    await eventually(async () => {
      const labelled = (await backlog(s.productId)).filter((item) => item.labels.includes('q3'));
      assert.equal(labelled.length, 4);
    });

    // "Select all shown" with a filter on selects what is shown; Esc clears.
    await page.keyboard.press('Escape');
    assert.equal(await page.getByText(/\d+ selected/).count(), 0);
    await page.getByLabel('Status', { exact: true }).selectOption('done');
    await page.getByLabel('Select all shown items').check();
    await page.getByText('4 selected').waitFor();
    await page.getByLabel('Remove a label from the selected items').selectOption('q3');
    await eventually(async () => {
      const labelled = (await backlog(s.productId)).filter((item) => item.labels.includes('q3'));
      assert.equal(labelled.length, 0);
    });
    await page.close();
  });

  it('keeps well under 200 rows in the DOM with hundreds of items, scrolled anywhere', async () => {
    const product = await api.call<{ id: string }>('POST', '/products', { key: 'BIG', name: 'Big' });
    const titles = Array.from({ length: 400 }, (_, i) => `Item number ${i + 1}`);
    for (let start = 0; start < titles.length; start += 25) {
      await Promise.all(
        titles
          .slice(start, start + 25)
          .map((title) => api.call('POST', `/products/${product.id}/items`, { title })),
      );
    }
    const page = await openBacklog('BIG');
    const rowCount = () => page.locator('.backlog-body tr').count();
    assert.ok((await rowCount()) < 80, `rows at the top: ${await rowCount()}`);
    const body = page.locator('.backlog-scroll');
    for (const fraction of [0.25, 0.5, 1]) {
      // The row at the top of the view once scrolled (aria-rowindex counts the header row as 1).
      const topRow = await body.evaluate((el, f) => {
        el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
        return Math.floor(el.scrollTop / 36) + 2;
      }, fraction);
      await page.locator(`.backlog-body [aria-rowindex="${topRow}"]`).waitFor();
      const count = await rowCount();
      assert.ok(count > 10 && count < 80, `rows at ${fraction}: ${count}`);
    }
    await page.locator('.backlog-body [aria-rowindex="401"]').waitFor();

    // The place in the list survives a trip to another view and a reload.
    const middle = await body.evaluate((el) => {
      el.scrollTop = 5000;
      return el.scrollTop;
    });
    await page.waitForTimeout(300); // the position is saved once scrolling pauses
    await page.getByRole('link', { name: 'Roadmap', exact: true }).click();
    await page.waitForURL('**/p/BIG/roadmap');
    await page.goBack();
    await page.locator('.backlog-body [aria-rowindex="140"]').waitFor();
    assert.equal(await body.evaluate((el) => el.scrollTop), middle);
    await page.reload();
    await page.locator('.backlog-body [aria-rowindex="140"]').waitFor();
    assert.equal(await body.evaluate((el) => el.scrollTop), middle);
    assert.equal(await page.getByRole('grid').getAttribute('aria-rowcount'), '401');
    await page.close();
  });

  it('has no serious accessibility problems, with a selection and the empty states', async () => {
    const s = await seed('AXE');
    const page = await openBacklog(s.key);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.getByLabel('Select AXE-1').check();
    await page.keyboard.press('j');
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.goto(`/p/${s.key}/backlog?q=zzz`);
    await page.getByText('No items match these filters').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);

    await api.call('POST', '/products', { key: 'NEW', name: 'Empty product' });
    await page.goto('/p/NEW/backlog');
    await page.getByRole('heading', { name: 'No items yet' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.close();
  });
});
