/**
 * The account screen in a real browser: reached from the header's user name; a read-only token for one
 * product made (its secret shown once) and revoked; a calendar feed address made, which then serves
 * an iCalendar document without a cookie.
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

interface Token {
  id: string;
  name: string;
  scope: string;
  productIds: string[] | null;
  revokedAt: string | null;
}

browserSuite('account: API tokens and calendar feed', () => {
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

  it('makes a read-only token for one product, shows it once, and revokes it', async () => {
    const product = await api.call<{ id: string }>('POST', '/products', { key: 'ACC', name: 'Accounts' });
    await api.call('POST', '/products', { key: 'OTH', name: 'Other' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/products');
    await page.getByRole('link', { name: 'Olive Owner' }).first().click();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();

    const form = page.getByRole('form', { name: 'New API token' });
    await form.getByLabel('Name').fill('CI reader');
    await form.getByLabel('Read only').check();
    await form.getByLabel('Only some products').check();
    await form.getByLabel(/Accounts/).check();
    await form.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByLabel('Token “CI reader” (shown only now: copy it)');
    await secret.waitFor();
    const token = await secret.inputValue();
    assert.match(token, /^cairn_/);

    const listed = (await api.call<{ tokens: Token[] }>('GET', '/tokens')).tokens.find(
      (t) => t.name === 'CI reader',
    );
    assert.deepEqual([listed?.scope, listed?.productIds], ['read', [product.id]]);
    const read = await fetch(`${cairn.url}/api/v1/products`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.deepEqual(
      ((await read.json()) as { products: { key: string }[] }).products.map((p) => p.key),
      ['ACC'],
    );

    const row = page.getByRole('listitem').filter({ hasText: 'CI reader' });
    await row.getByText('read only · ACC').waitFor();
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.waitFor({ state: 'detached' });
    await eventually(async () => {
      const after = await fetch(`${cairn.url}/api/v1/products`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(after.status, 401);
    });
    assert.deepEqual(await seriousA11yViolations(page, { scope: '.account-page' }), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('makes a calendar feed address that serves iCalendar without signing in', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/account');
    await page.getByRole('button', { name: 'Make a feed address' }).click();
    const address = page.getByLabel('Feed address (shown only now: copy it)');
    await address.waitFor();
    const url = new URL(await address.inputValue());
    const feed = await fetch(`${cairn.url}${url.pathname}`);
    assert.equal(feed.status, 200);
    assert.match(await feed.text(), /^BEGIN:VCALENDAR/);
    await page.getByRole('button', { name: 'Turn the feed off' }).click();
    await page.getByText('You have no feed address.').waitFor();
    assert.equal((await fetch(`${cairn.url}${url.pathname}`)).status, 404);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
