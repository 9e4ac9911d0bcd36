/**
 * The dependency map in a real browser: a low-ranked blocker of the top item is drawn with the critical
 * path and an overdue external dependency marked, its box opens the item panel from the keyboard, the map
 * filters by initiative; a viewer sees the suggested order but no way to apply it; an editor applies it
 * through the confirmation, a suggestion gone stale moves nothing and is replaced, and the backlog read
 * through the API then has every blocker above what it blocks.
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
  seedProduct,
  seriousA11yViolations,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

const VIEWER = { name: 'Vic Viewer', email: 'vic@example.com', password: 'correct horse battery' };

browserSuite('dependency map', () => {
  let cairn: Cairn;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: SeedApi;
  let productId: string;
  let initiativeId: string;

  const createItem = (input: Record<string, unknown>) =>
    api.call<{ id: string; key: string }>('POST', `/products/${productId}/items`, input);
  /** Item keys in backlog (rank) order, as the server holds them. */
  const backlogKeys = async () =>
    (await api.call<{ items: { key: string }[] }>('GET', `/products/${productId}/backlog`)).items.map(
      (item) => item.key,
    );
  const above = (keys: string[], a: string, b: string) => keys.indexOf(a) < keys.indexOf(b);

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    productId = (await seedProduct(api, 'DEP', 'Depot')).id;
    initiativeId = (
      await api.call<{ id: string }>('POST', `/products/${productId}/initiatives`, {
        title: 'Faster checkout',
      })
    ).id;
    // DEP-1 tops the backlog but waits on DEP-3, ranked last; DEP-2 blocks DEP-4 (already in order).
    await createItem({ title: 'Checkout redesign', estimate: 5, initiativeId });
    await createItem({ title: 'Address book', estimate: 2 });
    await createItem({ title: 'Payment gateway', estimate: 8 });
    await createItem({ title: 'Gift cards', estimate: 3 });
    await api.call('POST', '/items/DEP-1/dependencies', { blockedBy: 'DEP-3' });
    await api.call('POST', '/items/DEP-4/dependencies', { blockedBy: 'DEP-2' });
    await api.call('POST', '/items/DEP-1/external-dependencies', {
      title: 'Bank approval',
      owner: 'Legal',
      expectedDate: '2020-01-01',
    });
    const viewer = await api.call<{ id: string }>('POST', '/users', { ...VIEWER, role: 'viewer' });
    await api.call('PUT', `/products/${productId}/members/${viewer.id}`);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  it('shows a viewer the map and the suggested order, with no way to apply it', async () => {
    const viewerContext = await signedInContext(browser, cairn.url, VIEWER);
    try {
      const viewerPage = await viewerContext.newPage();
      const viewerErrors = watchErrors(viewerPage);
      await viewerPage.goto('/p/DEP/dependencies');
      const sequence = viewerPage.getByRole('region', { name: 'Suggested backlog order' });
      await sequence.getByText('DEP-3 moves above DEP-1 because it blocks DEP-1.').waitFor();
      await sequence.getByText('An editor of the product can apply these moves.').waitFor();
      assert.equal(await viewerPage.getByRole('button', { name: /^Apply/ }).count(), 0);
      await viewerPage.getByRole('region', { name: 'Dependency map' }).getByRole('link').first().waitFor();
      assert.deepEqual(viewerErrors, []);
    } finally {
      await viewerContext.close();
    }
  });

  it('draws the blocker, the critical path and the overdue external dependency, and opens items', async () => {
    context = await signedInContext(browser, cairn.url);
    page = await context.newPage();
    errors = watchErrors(page);
    await page.goto('/p/DEP/dependencies');
    const map = page.getByRole('region', { name: 'Dependency map' });
    // A box is named by the text it shows; its description says it in a sentence.
    const blocker = map.getByRole('link', { name: 'DEP-3 Backlog, Payment gateway, Critical path, 8 pts' });
    await blocker.waitFor();
    assert.equal(
      await blocker.locator('desc').textContent(),
      'DEP-3 Payment gateway, Backlog, 8 points, on the critical path',
    );
    await map
      .getByRole('link', {
        name: 'DEP-1 Backlog, Checkout redesign, Blocked, critical path, overdue wait, 5 pts',
      })
      .waitFor();
    await map
      .getByRole('img', { name: /^External dependency Bank approval, owned by Legal, overdue since/ })
      .waitFor();
    await map
      .getByRole('img', {
        name: 'Initiative Faster checkout, some of its work waits on an overdue external dependency',
      })
      .waitFor();
    assert.equal(await map.locator('.dep-edge.is-critical').count(), 1, 'one critical link: DEP-3 → DEP-1');
    assert.match((await blocker.getAttribute('class')) ?? '', /is-critical/);

    const path = page.getByRole('region', { name: 'Critical path' });
    assert.match((await path.textContent()) ?? '', /2 items, 13 points[\s\S]*DEP-3[\s\S]*DEP-1/);
    const blocked = page.getByRole('region', { name: /^Blocked items/ });
    assert.match((await blocked.getByRole('heading').textContent()) ?? '', /Blocked items\s*2$/);
    await page.getByRole('list', { name: 'Legend' }).getByText('Critical path', { exact: true }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);

    // The keyboard reaches a box and Enter opens the item panel over the map.
    await blocker.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: 'Item DEP-3' }).getByLabel('Title').waitFor();
    assert.match(page.url(), /\/DEP-3$/);
    await map.waitFor();
    await page.goBack();
    await page.getByRole('complementary', { name: 'Item DEP-3' }).waitFor({ state: 'detached' });
  });

  it('filters the map by initiative through the URL', async () => {
    const map = page.getByRole('region', { name: /^Dependency map/ });
    await map.getByRole('link', { name: /^DEP-4 Backlog, Gift cards/ }).waitFor();
    await page.getByRole('combobox', { name: 'Initiative' }).selectOption({ label: 'Faster checkout' });
    await page.waitForURL(new RegExp(`initiative=${initiativeId}`));
    const filtered = page.getByRole('region', { name: 'Dependency map of Faster checkout' });
    await filtered.getByRole('link', { name: /^DEP-1 / }).waitFor();
    await filtered.getByRole('link', { name: /^DEP-4 / }).waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Initiative' }).selectOption({ label: 'All initiatives' });
    await page
      .getByRole('region', { name: 'Dependency map' })
      .getByRole('link', { name: /^DEP-4 / })
      .waitFor();
  });

  it('applies the suggested order after a confirmation; a stale suggestion moves nothing', async () => {
    const sequence = page.getByRole('region', { name: 'Suggested backlog order' });
    await sequence.getByText('DEP-3 moves above DEP-1 because it blocks DEP-1.').waitFor();
    await sequence.getByRole('button', { name: 'Apply 1 move', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply the suggested order' });
    await dialog.getByText('DEP-3 moves above DEP-1 because it blocks DEP-1.').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);

    // Meanwhile someone adds a blocker at the bottom: the suggestion on screen grows, the dialog's is stale.
    await createItem({ title: 'Fraud checks', estimate: 3 });
    await api.call('POST', '/items/DEP-2/dependencies', { blockedBy: 'DEP-5' });
    await sequence.getByRole('button', { name: 'Apply 2 moves', exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Apply 1 move', exact: true }).click();
    await sequence
      .getByRole('alert')
      .getByText(/The backlog changed since this suggestion was made/)
      .waitFor();
    assert.ok(!above(await backlogKeys(), 'DEP-3', 'DEP-1'), 'nothing moved');

    await sequence.getByText('DEP-5 moves above DEP-2 because it blocks DEP-2.').waitFor();
    await sequence.getByRole('button', { name: 'Apply 2 moves', exact: true }).click();
    await dialog.getByRole('button', { name: 'Apply 2 moves', exact: true }).click();
    await sequence.getByRole('status').getByText('Made 2 moves in the backlog.').waitFor();
    await sequence.getByText('The backlog already respects every dependency.').waitFor();
    assert.equal(await sequence.getByRole('button', { name: /^Apply/ }).count(), 0);
    await eventually(async () => {
      const keys = await backlogKeys();
      assert.ok(above(keys, 'DEP-3', 'DEP-1'), `DEP-3 above DEP-1 in ${keys.join(' ')}`);
      assert.ok(above(keys, 'DEP-5', 'DEP-2'), `DEP-5 above DEP-2 in ${keys.join(' ')}`);
    });
    assert.deepEqual(await seriousA11yViolations(page), []);
    // The refused apply is logged by the browser as a failed request; nothing else may be.
    const unexpected = errors.filter((e) => !e.includes('status of 412 (Precondition Failed)'));
    assert.deepEqual(unexpected, []);
  });
});
