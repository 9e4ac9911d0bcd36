/**
 * The command palette and the shortcuts overlay in a real browser: jump to an item by key, to an initiative
 * by words, to a view; create an item; `?` lists the shortcuts; no serious accessibility violations.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserSuite,
  type Cairn,
  launchBrowser,
  OWNER,
  type SeedApi,
  seriousA11yViolations,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

browserSuite('command palette and shortcuts', () => {
  let cairn: Cairn;
  let browser: Browser;
  let api: SeedApi;
  let context: BrowserContext;
  let productId: string;
  let initiativeId: string;

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    const product = await api.call<{ id: string }>('POST', '/products', { key: 'CHK', name: 'Checkout' });
    productId = product.id;
    const initiative = await api.call<{ id: string }>('POST', `/products/${productId}/initiatives`, {
      title: 'Faster checkout for returning shoppers',
    });
    initiativeId = initiative.id;
    await api.call('POST', `/products/${productId}/initiatives`, { title: 'Fraud screening' });
    for (const title of [
      'Save card for later',
      'Pay with one click',
      'Receipt email',
      'Timeline of orders',
    ]) {
      await api.call('POST', `/products/${productId}/items`, { title });
    }
    context = await signedInContext(browser, cairn.url, { email: OWNER.email, password: OWNER.password });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  const resultsOf = (page: Page) => page.getByRole('listbox', { name: 'Results' });
  const openPalette = async (page: Page) => {
    // The shortcut belongs to a product's screens: wait until one is there.
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Search items, initiatives, views and actions' });
    await input.waitFor();
    return input;
  };

  it('opens an item by key with Ctrl+K, its key and Enter', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/CHK/backlog');
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    const input = await openPalette(page);
    await input.fill('chk-3');
    await resultsOf(page)
      .getByRole('option', { name: /CHK-3 Receipt email/ })
      .waitFor();
    await input.press('Enter');
    await page.waitForURL(/\/CHK-3$/);
    await page.getByRole('complementary', { name: 'Item CHK-3' }).getByLabel('Title').waitFor();
    assert.equal(await page.getByRole('dialog', { name: 'Command palette' }).count(), 0);
    // The backlog stays underneath, and closing the panel returns to it.
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/p\/CHK\/backlog$/);

    // Words of a title find the item, the key alone finds it too ("2" in product CHK).
    const again = await openPalette(page);
    await again.fill('one click');
    await resultsOf(page)
      .getByRole('option', { name: /CHK-2 Pay with one click/ })
      .waitFor();
    await again.fill('2');
    await resultsOf(page)
      .getByRole('option', { name: /CHK-2 Pay with one click/ })
      .waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor({ state: 'detached' });

    // A key the backlog does not hold is still opened (the panel says there is no such item), not created.
    const unknown = await openPalette(page);
    await unknown.fill('CHK-404');
    await unknown.press('Enter');
    await page.waitForURL(/\/CHK-404$/);
    await page.getByRole('heading', { name: 'No item CHK-404' }).waitFor();
    assert.deepEqual(
      errors.filter((e) => !e.includes('404')),
      [],
    );
    await page.close();
  });

  it('opens an initiative from part of its title, and moves with ↑/↓', async () => {
    const page = await context.newPage();
    await page.goto('/p/CHK/backlog');
    const input = await openPalette(page);
    await input.fill('returning');
    const option = resultsOf(page).getByRole('option', { name: /Faster checkout for returning shoppers/ });
    await option.waitFor();
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    assert.equal(await input.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
    await input.press('Enter');
    await page.waitForURL(new RegExp(`/p/CHK/initiatives/${initiativeId}$`));

    // ↓ moves the active option; Enter runs that one.
    const next = await openPalette(page);
    await next.fill('f');
    const options = resultsOf(page).getByRole('option');
    await options.first().waitFor();
    const secondId = await options.nth(1).getAttribute('id');
    await next.press('ArrowDown');
    assert.equal(await next.getAttribute('aria-activedescendant'), secondId);
    await next.press('ArrowUp');
    assert.equal(await next.getAttribute('aria-activedescendant'), await options.first().getAttribute('id'));
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('goes to the views by name, and creates an item from the palette', async () => {
    const page = await context.newPage();
    await page.goto('/p/CHK/backlog');
    let input = await openPalette(page);
    // "Timeline" is also a word of CHK-4's title: the view named exactly comes first.
    await input.fill('Timeline');
    await input.press('Enter');
    await page.waitForURL(/\/p\/CHK\/timeline$/);
    input = await openPalette(page);
    await input.fill('backlog');
    await input.press('Enter');
    await page.waitForURL(/\/p\/CHK\/backlog$/);
    input = await openPalette(page);
    await input.fill('all products');
    await input.press('Enter');
    await page.waitForURL(/\/products$/);

    await page.goto('/p/CHK/backlog');
    input = await openPalette(page);
    await input.fill('new item');
    await resultsOf(page).getByRole('option', { name: 'New item…' }).click();
    const title = page.getByRole('combobox', { name: 'Title of the new item' });
    await title.fill('Apple Pay button');
    await title.press('Enter');
    await page.waitForURL(/\/CHK-5$/);
    assert.equal(
      await page.getByRole('complementary', { name: 'Item CHK-5' }).getByLabel('Title').inputValue(),
      'Apple Pay button',
    );
    const created = await api.call<{ title: string }>('GET', '/items/CHK-5');
    assert.equal(created.title, 'Apple Pay button');
    await page.close();
  });

  it('shows the keyboard shortcuts with ?, from the palette too', async () => {
    const page = await context.newPage();
    await page.goto('/p/CHK/backlog');
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const text of ['Everywhere', 'Backlog', 'Go to the backlog', 'Show these shortcuts']) {
      await help.getByText(text, { exact: true }).first().waitFor();
    }
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    const input = await openPalette(page);
    await input.fill('shortcuts');
    await input.press('Enter');
    await help.waitFor();
    await help.getByRole('button', { name: 'Close' }).click();
    await help.waitFor({ state: 'detached' });
    await page.close();
  });

  it('has no serious accessibility violations with the panel and the palette open', async () => {
    const page = await context.newPage();
    await page.goto('/CHK-1');
    await page.getByRole('complementary', { name: 'Item CHK-1' }).getByLabel('Title').waitFor();
    await page.getByRole('list', { name: 'History' }).getByText('created this item').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    const input = await openPalette(page);
    await input.fill('c');
    await resultsOf(page).getByRole('option').first().waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.close();
  });
});
