/** First run in a real browser: create the owner, create a product, log out, log back in. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserSuite,
  type Cairn,
  launchBrowser,
  OWNER,
  seriousA11yViolations,
  startCairn,
  watchErrors,
} from './support/harness.ts';

browserSuite('first run', () => {
  let cairn: Cairn;
  let browser: Browser;
  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await cairn?.close();
  });

  it('creates the owner, a product, and signs out and back in', async () => {
    const context = await browser.newContext({ baseURL: cairn.url });
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto('/');
    await page.getByRole('heading', { name: 'Welcome to Cairn' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.getByLabel('Your name').fill(OWNER.name);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel(/^Password/).fill('too short');
    await page.getByRole('button', { name: 'Create owner account' }).click();
    // The browser's own check stops a short password before it reaches the server.
    assert.equal(await page.getByRole('heading', { name: 'Welcome to Cairn' }).isVisible(), true);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create owner account' }).click();

    await page.getByRole('heading', { name: 'Products' }).waitFor();
    await page.getByText('No products yet').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Checkout');
    await page.getByLabel(/^Key/).fill('chk');
    assert.equal(await page.getByLabel(/^Key/).inputValue(), 'CHK');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL('**/p/CHK/backlog');
    await page.getByRole('navigation', { name: 'Views' }).waitFor();

    // A reload keeps the screen.
    await page.reload();
    await page.waitForURL('**/p/CHK/backlog');
    await page.getByRole('navigation', { name: 'Views' }).waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Cairn' }).waitFor();
    // The session is gone on the server too.
    const me = await context.request.get('/api/v1/auth/me');
    assert.equal(me.status(), 401);

    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /password/i })
      .waitFor();

    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back to the product used last.
    await page.waitForURL('**/p/CHK/backlog');
    assert.deepEqual(
      errors.filter((e) => !e.includes('401') && !e.includes('Failed to load resource')),
      [],
    );
    await context.close();
  });

  it('sends a signed-out visitor of a deep link to the login, then back to the link', async () => {
    const context = await browser.newContext({ baseURL: cairn.url });
    const page = await context.newPage();
    await page.goto('/p/CHK/roadmap');
    await page.getByRole('heading', { name: 'Sign in to Cairn' }).waitFor();
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    assert.match(page.url(), /\/p\/CHK\/roadmap$/);
    await context.close();
  });
});
