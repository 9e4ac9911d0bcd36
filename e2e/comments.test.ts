/**
 * Comments in real browsers: one person mentions another on an item; the other, already on the app in a
 * second browser, sees their unread count rise and the notification appear without a reload, and opening
 * it lands on the item with the comment.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserSuite,
  launchBrowser,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

const BEA = {
  name: 'Bea Berg',
  email: 'bea@example.com',
  password: 'a quiet reader passphrase',
  role: 'editor',
};

browserSuite('comments and notifications', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('notifies a mentioned member live, and the notification opens the item', async () => {
    const cairn = await startCairn();
    try {
      const owner = await setupOwner(cairn.url);
      const product = await owner.call<{ id: string }>('POST', '/products', { key: 'CMT', name: 'Comments' });
      await owner.call('POST', `/products/${product.id}/items`, { title: 'Fix login' });
      const bea = await owner.call<{ id: string }>('POST', '/users', BEA);
      await owner.call('PUT', `/products/${product.id}/members/${bea.id}`);

      // B is on the app already, on another screen of the product.
      const beaContext = await signedInContext(browser, cairn.url, BEA);
      const beaPage = await beaContext.newPage();
      const beaErrors = watchErrors(beaPage);
      await beaPage.goto('/p/CMT/backlog');
      await beaPage.getByText('Fix login').waitFor();
      await beaPage.getByRole('status').filter({ hasText: 'Live' }).waitFor();
      await beaPage.getByRole('button', { name: 'Notifications', exact: true }).waitFor();

      // A comments on the item, picking B from the mention suggestions.
      const ownerContext = await signedInContext(browser, cairn.url);
      const ownerPage = await ownerContext.newPage();
      await ownerPage.goto('/CMT-1');
      const composer = ownerPage.getByLabel('Write a comment');
      await composer.waitFor();
      await composer.fill('@Be');
      await ownerPage
        .getByRole('list', { name: 'Mention' })
        .getByRole('button', { name: /Bea Berg/ })
        .click();
      await composer.press('End');
      await composer.pressSequentially('please look');
      assert.equal(await composer.inputValue(), '@Bea Berg please look');
      await ownerPage.getByRole('button', { name: 'Comment', exact: true }).click();
      await ownerPage
        .getByRole('listitem', { name: 'Comment by Olive Owner' })
        .getByText('please look')
        .waitFor();

      // B's count rises without a reload, and the list shows the mention.
      const bell = beaPage.getByRole('button', { name: 'Notifications, 1 unread' });
      await bell.waitFor({ timeout: 5000 });
      await bell.click();
      const entry = beaPage
        .getByRole('region', { name: 'Notifications' })
        .getByRole('button', { name: /Olive Owner mentioned you on CMT-1 Fix login/ });
      await entry.waitFor();
      await entry.click();
      await beaPage.waitForURL(/\/CMT-1$/);
      await beaPage
        .getByRole('listitem', { name: 'Comment by Olive Owner' })
        .getByText('please look')
        .waitFor();
      // Opening it marked it read.
      await beaPage.getByRole('button', { name: 'Notifications', exact: true }).waitFor({ timeout: 5000 });
      assert.deepEqual(beaErrors, []);
      await ownerContext.close();
      await beaContext.close();
    } finally {
      await cairn.close();
    }
  });
});
