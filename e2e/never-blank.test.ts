/**
 * Screens never go blank, and edits are never lost, in a real browser: a refused edit shows its message at
 * the field; a screen that fails to render shows why in its place, with the rest of the app still there;
 * the conflict banner is readable (axe colour contrast); the header fits from 1,024 px; an item opened by
 * its URL has its backlog row wholly in view; an initiative edited by two people meanwhile shows a conflict.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import {
  browserSuite,
  type Cairn,
  eventually,
  launchBrowser,
  type SeedApi,
  seedProduct,
  seriousA11yViolations,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

const VIEWER = { name: 'Vera Viewer', email: 'vera@example.com', password: 'quiet lantern meadow 42' };
const ITEMS = 120;

/** The server's answer to an invalid edit, with the field's path as the server sends it: a dotted string. */
function refuse(route: Route, path: string, message: string): Promise<void> {
  return route.fulfill({
    status: 400,
    contentType: 'application/json',
    body: JSON.stringify({
      error: {
        code: 'validation_failed',
        message: `invalid request: ${path}: ${message}`,
        details: { issues: [{ path, message }] },
      },
    }),
  });
}

browserSuite('screens never go blank', () => {
  let cairn: Cairn;
  let browser: Browser;
  let context: BrowserContext;
  let api: SeedApi;
  let productId: string;
  let initiativeId: string;

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    productId = (await seedProduct(api)).id;
    initiativeId = (
      await api.call<{ id: string }>('POST', `/products/${productId}/initiatives`, {
        title: 'Faster checkout',
        summary: 'The original summary.',
      })
    ).id;
    for (let n = 1; n <= ITEMS; n += 1) {
      await api.call('POST', `/products/${productId}/items`, { title: `Item number ${n}` });
    }
    const viewer = await api.call<{ id: string }>('POST', '/users', { ...VIEWER, role: 'viewer' });
    await api.call('PUT', `/products/${productId}/members/${viewer.id}`);
    context = await signedInContext(browser, cairn.url);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  async function openPage(): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    return { page, errors: watchErrors(page) };
  }

  it('shows a refused title at the title field, and the panel and backlog stay', async () => {
    const { page } = await openPage();
    await page.route('**/api/v1/items/*', (route) =>
      route.request().method() === 'PATCH'
        ? refuse(route, 'title', 'must be at most 500 characters')
        : route.continue(),
    );
    await page.goto('/CHK-3');
    const title = page.locator('.item-panel').getByRole('textbox', { name: 'Title' });
    await title.waitFor();
    await title.fill('A title the server refuses');
    await title.press('Enter');

    const message = page.locator('.item-panel .field-error');
    await message.waitFor();
    assert.equal(await message.textContent(), 'must be at most 500 characters');
    assert.equal(await title.getAttribute('aria-invalid'), 'true');
    assert.equal(await title.getAttribute('aria-describedby'), await message.getAttribute('id'));
    assert.equal(await title.inputValue(), 'Item number 3', 'the refused title is rolled back');
    await page.locator('tr[data-item-key="CHK-3"]').waitFor();
    await page.getByRole('navigation', { name: 'Views' }).waitFor();

    // Saved next time: the message goes.
    await page.unroute('**/api/v1/items/*');
    await title.fill('Item number 3, renamed');
    await title.press('Enter');
    await eventually(async () => assert.equal(await message.count(), 0));
    await page.close();
  });

  it('shows a refused form with the field named, instead of going blank', async () => {
    const { page } = await openPage();
    await page.route('**/api/v1/products/*/themes', (route) =>
      route.request().method() === 'POST' ? refuse(route, 'name', 'is already used') : route.continue(),
    );
    await page.goto('/p/CHK/roadmap');
    await page.getByRole('button', { name: 'Add theme' }).click();
    await page.getByLabel('Theme name').fill('Payments');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'name: is already used' }).waitFor();
    await page.getByRole('heading', { name: 'Roadmap' }).waitFor();
    await page.close();
  });

  it('shows a screen that fails to render in its place, with a way to reload it', async () => {
    const { page } = await openPage();
    // Dependencies the panel cannot draw (not lists): the panel fails, the backlog beside it does not.
    await page.route('**/api/v1/items/*/dependencies', (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({ blockedBy: 'not a list', blocks: 'not a list', external: 'not a list' }),
          })
        : route.continue(),
    );
    await page.goto('/CHK-4');
    const failure = page.getByRole('alert').filter({ hasText: 'Something went wrong showing item CHK-4' });
    await failure.waitFor();
    await page.locator('tr[data-item-key="CHK-1"]').waitFor();
    await page.getByRole('navigation', { name: 'Views' }).waitFor();

    await page.unroute('**/api/v1/items/*/dependencies');
    await failure.getByRole('button', { name: 'Reload this screen' }).click();
    await page.locator('.item-panel').getByRole('textbox', { name: 'Title' }).waitFor();
    await page.close();
  });

  it('shows the conflict banner in readable colours', async () => {
    await api.call('PATCH', '/items/CHK-5', { description: 'The original text.' });
    const { page } = await openPage();
    await page.goto('/CHK-5');
    const panel = page.locator('.item-panel');
    await panel.getByText('The original text.').waitFor();
    await panel.getByRole('button', { name: 'Edit description' }).click();
    await panel.getByLabel('Description (Markdown)').fill('Mine.');
    await api.call('PATCH', '/items/CHK-5', { description: 'Theirs.' });
    await panel.getByRole('button', { name: 'Save description' }).click();

    const banner = page.getByRole('alertdialog', { name: 'Edited by someone else' });
    await banner.waitFor();
    assert.deepEqual(
      await seriousA11yViolations(page, {
        scope: '.notice-conflict',
        rules: ['color-contrast'],
        strict: true,
      }),
      [],
    );
    await banner.getByRole('button', { name: 'Keep theirs' }).click();
    await banner.waitFor({ state: 'detached' });
    assert.equal((await api.call<{ description: string }>('GET', '/items/CHK-5')).description, 'Theirs.');
    await page.close();
  });

  for (const who of ['an owner', 'a viewer'] as const) {
    it(`fits the header in 1,024 px for ${who}`, async () => {
      const own = who === 'a viewer' ? await signedInContext(browser, cairn.url, VIEWER) : null;
      const page = await (own ?? context).newPage();
      try {
        for (const width of [1024, 1280, 1360]) {
          await page.setViewportSize({ width, height: 800 });
          await page.goto('/p/CHK/backlog');
          // The app's row, not the server's first paint of it (which goes once the app has drawn its own).
          await page.locator('#root tr[data-item-key="CHK-1"]').waitFor();
          if (own) await page.getByText('Read-only').waitFor();
          const { scrollWidth, clientWidth } = await page
            .locator('.app-header')
            .evaluate((header) => ({ scrollWidth: header.scrollWidth, clientWidth: header.clientWidth }));
          assert.ok(
            scrollWidth <= clientWidth,
            `${width} px: header ${scrollWidth} px wide in ${clientWidth} px`,
          );
          for (const name of ['Backlog', 'Releases']) {
            assert.ok(
              await page.getByRole('link', { name, exact: true }).isVisible(),
              `${width} px: ${name}`,
            );
          }
          assert.ok(await page.getByRole('button', { name: 'Log out' }).isVisible(), `${width} px: Log out`);
          assert.ok(await page.getByRole('button', { name: /^Search/ }).isVisible());
        }
      } finally {
        await page.close();
        await own?.close();
      }
    });
  }

  it('scrolls the row of an item opened by its URL wholly into view', async () => {
    const { page, errors } = await openPage();
    await page.setViewportSize({ width: 1280, height: 700 });
    // CHK-120 is past the backlog's first page (100 rows): its panel puts it into the first page as the
    // 101st row, then the whole backlog moves it to the 120th; the saved place (of CHK-90) must not win.
    for (const n of [90, ITEMS, 60]) {
      await page.goto(`/CHK-${n}`);
      await page.locator('.item-panel').getByRole('textbox', { name: 'Title' }).waitFor();
      await eventually(async () => {
        const row = await page.locator(`tr[data-item-key="CHK-${n}"]`).boundingBox();
        const list = await page.locator('.backlog-scroll').boundingBox();
        const head = await page.locator('.backlog-head').boundingBox();
        assert.ok(row && list && head, `CHK-${n}: row shown`);
        assert.ok(row.y >= head.y + head.height - 1, `CHK-${n}: row top ${row.y} under the header`);
        assert.ok(row.y + row.height <= list.y + list.height + 1, `CHK-${n}: row bottom inside the list`);
      });
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  // Needs the server's If-Match on initiatives (the "writes" branch): until then the server overwrites.
  it('shows a conflict when someone else changed the initiative meanwhile (needs If-Match on initiatives)', async () => {
    const { page } = await openPage();
    await page.goto(`/p/CHK/initiatives/${initiativeId}`);
    await page.getByText('The original summary.').waitFor();
    await page.getByRole('button', { name: 'Edit summary' }).click();
    await page.getByRole('textbox', { name: 'Summary' }).fill('Mine: the summary from session A.');
    await api.call('PATCH', `/initiatives/${initiativeId}`, { summary: 'Theirs: from session B.' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    const banner = page.getByRole('alertdialog', { name: 'Edited by someone else' });
    await banner.waitFor({ timeout: 5000 });
    const text = (await banner.textContent()) ?? '';
    assert.match(text, /Theirs: from session B\./);
    assert.match(text, /Mine: the summary from session A\./);
    assert.equal(
      (await api.call<{ summary: string }>('GET', `/initiatives/${initiativeId}`)).summary,
      'Theirs: from session B.',
    );
    await banner.getByRole('button', { name: 'Apply mine over theirs' }).click();
    await eventually(async () =>
      assert.equal(
        (await api.call<{ summary: string }>('GET', `/initiatives/${initiativeId}`)).summary,
        'Mine: the summary from session A.',
      ),
    );
    await page.close();
  });
});
