/**
 * The Grooming screen in a real browser: the report's lists live, a grooming session fixing a not-ready
 * story by keyboard, marking items ready in bulk, merging a duplicate pair, splitting an item too large for
 * a sprint, switching a rule of the Definition of Ready, and a viewer who reads it all without actions.
 * Every change is checked through the API as well as on screen.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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

interface ItemBody {
  id: string;
  key: string;
  status: string;
  estimate: number | null;
  acceptanceCriteria: { text: string; done: boolean }[];
  deletedAt: string | null;
}

const VIEWER = { name: 'Vic Viewer', email: 'vic@example.com', password: 'quiet lantern meadow 42' };
const STORY = { asA: 'shopper', iWant: 'to pay with a saved card', soThat: 'checkout is quick' };

/** In rank order: GRM-1 … GRM-5. */
const ITEMS = [
  // Not ready: a proper story, but no estimate and no criteria.
  { title: 'Pay with a saved card', story: STORY },
  // Ready by the rules, still in Backlog.
  {
    title: 'Show the order total',
    story: { ...STORY, iWant: 'to see the total' },
    estimate: 2,
    acceptanceCriteria: [{ text: 'Total includes tax' }],
  },
  // A likely duplicate pair (tasks: the user-story rule reads stories only).
  {
    title: 'Export invoices as PDF',
    type: 'task',
    estimate: 3,
    acceptanceCriteria: [{ text: 'One page each' }],
  },
  {
    title: 'Export the invoices as PDF',
    type: 'task',
    estimate: 3,
    acceptanceCriteria: [{ text: 'Totals match the invoice' }],
  },
  // Too large for a sprint (the default limit is 13 points without a velocity).
  { title: 'Rebuild the checkout', type: 'task', estimate: 40, acceptanceCriteria: [{ text: 'Same look' }] },
];

browserSuite('grooming', () => {
  let cairn: Cairn;
  let browser: Browser;
  let api: SeedApi;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let productId: string;

  before(async () => {
    cairn = await startCairn();
    api = await setupOwner(cairn.url);
    browser = await launchBrowser();
    context = await signedInContext(browser, cairn.url);
    productId = (await api.call<{ id: string }>('POST', '/products', { key: 'GRM', name: 'Groomed' })).id;
    for (const item of ITEMS) await api.call('POST', `/products/${productId}/items`, item);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  const item = (key: string) => api.call<ItemBody>('GET', `/items/${key}`);
  const section = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
  const listed = (list: Locator, key: string) => list.getByRole('link', { name: key, exact: true });

  it('lists a not-ready story near the top with each rule it fails, and the backlog’s figures', async () => {
    await page.goto('/p/GRM/grooming');
    const notReady = section('Not ready near the top');
    await listed(notReady, 'GRM-1').waitFor();
    const reasons = notReady.getByRole('list', { name: 'Why GRM-1 is not ready' });
    assert.deepEqual(await reasons.getByRole('listitem').allTextContents(), [
      'no estimate',
      'no acceptance criteria',
    ]);
    await page.getByText(/^Last refined: /).waitFor();
    await page.getByText('points of ready work; no velocity yet to count it in sprints').waitFor();
    await listed(section('Likely duplicates'), 'GRM-4').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('fixes it in a grooming session by keyboard, and it leaves the not-ready list live', async () => {
    await page.getByRole('button', { name: 'Start grooming session' }).click();
    const card = page.getByRole('article', { name: /GRM-1/ });
    await card.waitFor();
    await card.getByText('no estimate').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.keyboard.press('e');
    const estimate = page.getByLabel('Estimate of GRM-1 (points)');
    assert.equal(await estimate.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.keyboard.press('a');
    const criterion = page.getByLabel('New acceptance criterion');
    assert.equal(await criterion.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.type('The card is charged once');
    await page.keyboard.press('Enter');
    await card.getByText('The card is charged once').waitFor();
    // Readiness is read again live: the card says it passes.
    await card.getByText('Ready: passes the Definition of Ready').waitFor();

    await page.keyboard.press('Escape'); // out of the criterion field, back to the card
    await page.keyboard.press('n');
    await page.getByRole('article', { name: /GRM-2/ }).waitFor();
    // j: one place down the backlog, below the next item.
    await page.keyboard.press('j');
    await eventually(async () => {
      const backlog = await api.call<{ items: { key: string }[] }>('GET', `/products/${productId}/backlog`);
      assert.deepEqual(backlog.items.map((row) => row.key).slice(0, 3), ['GRM-1', 'GRM-3', 'GRM-2']);
    });
    await page.keyboard.press('p');
    await card.waitFor();
    await page.keyboard.press('Escape');

    const summary = page.getByRole('region', { name: 'Grooming session ended' });
    await summary.getByText('2 items seen, 2 items changed.').waitFor();
    assert.deepEqual(
      await summary.getByRole('list', { name: 'Changes by action' }).getByRole('listitem').allTextContents(),
      ['Estimated: 1 item', 'Criteria added: 1 item', 'Moved down: 1 item'],
    );
    await listed(summary, 'GRM-1').waitFor();
    await eventually(async () =>
      assert.equal(await listed(section('Not ready near the top'), 'GRM-1').count(), 0),
    );
    const saved = await item('GRM-1');
    assert.equal(saved.estimate, 3);
    assert.deepEqual(saved.acceptanceCriteria, [{ text: 'The card is charged once', done: false }]);
    await page.getByRole('button', { name: 'Close the summary' }).click();
  });

  it('marks items ready in bulk', async () => {
    const toMark = section('Ready by the rules, still in Backlog');
    await listed(toMark, 'GRM-2').waitFor();
    await toMark.getByRole('checkbox', { name: 'Select GRM-2' }).check();
    await toMark.getByRole('button', { name: 'Mark ready' }).click();
    await eventually(async () => assert.equal((await item('GRM-2')).status, 'ready'));
    await eventually(async () => assert.equal(await listed(toMark, 'GRM-2').count(), 0));
  });

  it('merges a duplicate pair into the higher-ranked item', async () => {
    const pairs = section('Likely duplicates');
    await pairs.getByRole('button', { name: 'Merge GRM-4 into GRM-3…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge the duplicates' });
    await dialog.getByRole('button', { name: 'Merge into GRM-3' }).click();
    await eventually(async () => assert.equal(await pairs.getByRole('link', { name: 'GRM-4' }).count(), 0));
    const kept = await item('GRM-3');
    assert.deepEqual(
      kept.acceptanceCriteria.map((c) => c.text),
      ['One page each', 'Totals match the invoice'],
    );
    const trash = await api.call<{ items: ItemBody[] }>('GET', `/products/${productId}/trash`);
    assert.deepEqual(
      trash.items.map((trashed) => trashed.key),
      ['GRM-4'],
    );
  });

  it('splits an item too large for a sprint into parts', async () => {
    const oversized = section('Too large for a sprint');
    await oversized.getByRole('button', { name: 'Split GRM-5…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Split GRM-5' });
    await dialog.getByLabel('Part 1 title').fill('Rebuild the cart');
    await dialog.getByLabel('Part 1 estimate (points)').fill('8');
    await dialog.getByRole('button', { name: 'Split into 2 items' }).click();
    // A part without a title is refused at its field, not sent.
    await dialog.getByText('Give this part a title.').waitFor();
    await dialog.getByLabel('Part 2 title').fill('Rebuild the payment step');
    await dialog.getByLabel('Part 2 estimate (points)').fill('5');
    await dialog.getByRole('button', { name: 'Split into 2 items' }).click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => assert.equal(await listed(oversized, 'GRM-5').count(), 0));
    const first = await item('GRM-5');
    assert.equal(first.estimate, 8);
    const backlog = await api.call<{ items: { key: string; title: string }[] }>(
      'GET',
      `/products/${productId}/backlog`,
    );
    const keys = backlog.items.map((row) => row.title);
    assert.deepEqual(keys.slice(-2), ['Rebuild the cart', 'Rebuild the payment step']);
  });

  it('switches a rule of the Definition of Ready on, and readiness follows', async () => {
    await page.getByRole('button', { name: 'Definition of Ready' }).click();
    await page.getByRole('checkbox', { name: 'Has a description' }).check();
    await page.getByRole('button', { name: 'Save the rules' }).click();
    const notReady = section('Not ready near the top');
    await listed(notReady, 'GRM-1').waitFor();
    await notReady
      .getByRole('list', { name: 'Why GRM-1 is not ready' })
      .getByText('no description')
      .waitFor();
    const readiness = await api.call<{ items: { key: string; reasons: { code: string }[] }[] }>(
      'GET',
      `/products/${productId}/readiness`,
    );
    const grm1 = readiness.items.find((entry) => entry.key === 'GRM-1');
    assert.deepEqual(
      grm1?.reasons.map((reason) => reason.code),
      ['no_description'],
    );

    // Someone else saves while this draft is open: the save is refused, and their rules are shown.
    await page.getByRole('checkbox', { name: 'Linked to an initiative' }).check();
    const current = await api.call<{ version: number }>('GET', `/products/${productId}/definition-of-ready`);
    await api.call('PUT', `/products/${productId}/definition-of-ready`, {
      rules: [{ rule: 'estimated' }, { rule: 'acceptance_criteria' }],
    });
    assert.ok(current.version > 0);
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page
      .getByText('Someone else changed the Definition of Ready meanwhile.', { exact: false })
      .waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Linked to an initiative' }).isChecked(), false);
    assert.equal(await page.getByRole('checkbox', { name: 'Has a description' }).isChecked(), false);
    assert.equal(await page.getByRole('checkbox', { name: 'Estimated' }).isChecked(), true);
    // The refused save is the one failed request the browser logs.
    assert.deepEqual(
      errors.filter((error) => !error.includes('status of 412 (Precondition Failed)')),
      [],
    );
  });

  it('shows a viewer the lists without any action', async () => {
    const user = await api.call<{ id: string }>('POST', '/users', { ...VIEWER, role: 'viewer' });
    await api.call('PUT', `/products/${productId}/members/${user.id}`);
    const viewerContext = await signedInContext(browser, cairn.url, VIEWER);
    const viewerPage = await viewerContext.newPage();
    const viewerErrors = watchErrors(viewerPage);
    await viewerPage.goto('/p/GRM/grooming');
    // Under the rules the last test left (estimated, criteria), the split's second part lacks criteria.
    await viewerPage
      .getByRole('region', { name: /^Not ready near the top/ })
      .getByRole('link', { name: 'GRM-6', exact: true })
      .waitFor();
    await viewerPage.getByRole('region', { name: /^Too large for a sprint/ }).waitFor();
    const main = viewerPage.getByRole('main');
    assert.equal(await main.getByRole('checkbox').count(), 0);
    assert.equal(
      await main.getByRole('button', { name: /merge|split|mark ready|trash|start grooming|unlink/i }).count(),
      0,
    );
    await viewerPage.getByRole('button', { name: 'Definition of Ready' }).click();
    const rule = viewerPage.getByRole('checkbox', { name: 'Has a description' });
    assert.equal(await rule.isDisabled(), true);
    assert.equal(await viewerPage.getByRole('button', { name: 'Save the rules' }).count(), 0);
    assert.deepEqual(await seriousA11yViolations(viewerPage), []);
    assert.deepEqual(viewerErrors, []);
    await viewerContext.close();
  });
});
