/**
 * The health screen in a real browser: alignment with its orphan work and drift, a forecast that says the
 * history is too short rather than inventing dates, blockers and roadmap changes; a review recorded with
 * its decisions in Markdown, stored with its snapshot, and compared with a second one; a viewer reads the
 * reviews but cannot record one.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserSuite,
  type Cairn,
  launchBrowser,
  type SeedApi,
  seedProduct,
  seriousA11yViolations,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

interface Review {
  id: string;
  decisions: string;
  createdBy: string | null;
  snapshot: {
    alignment: {
      openItems: number;
      linkedItemShare: number;
      orphanItems: number;
      drift: Record<string, number>;
    };
    forecast: { title: string; status: string; p85: string | null }[];
    blockers: { overdueExternals: number };
  };
}

const VIEWER = { name: 'Vera Viewer', email: 'vera@example.com', password: 'quiet lantern meadow 42' };

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

browserSuite('the health screen', () => {
  let cairn: Cairn;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: SeedApi;
  let productId: string;
  let initiativeId: string;
  const orphanIds: string[] = [];

  const reviews = async () =>
    (await api.call<{ reviews: Review[] }>('GET', `/products/${productId}/reviews`)).reviews;

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    productId = (await seedProduct(api)).id;
    initiativeId = (
      await api.call<{ id: string }>('POST', `/products/${productId}/initiatives`, {
        title: 'Faster checkout',
        horizon: 'now',
        status: 'active',
        targetDate: day(20),
      })
    ).id;
    await api.call('POST', `/products/${productId}/initiatives`, { title: 'Gift cards', horizon: 'next' });
    // Three items of "now" work, none in progress; two serving no initiative.
    for (const [title, estimate] of [
      ['One-click pay', 5],
      ['Saved cards', 3],
      ['Express shipping', 5],
    ] as const) {
      await api.call('POST', `/products/${productId}/items`, { title, estimate, initiativeId });
    }
    for (const title of ['Fix footer', 'Tidy logs']) {
      orphanIds.push((await api.call<{ id: string }>('POST', `/products/${productId}/items`, { title })).id);
    }
    await api.call('POST', '/items/CHK-1/external-dependencies', {
      title: 'Payment provider contract',
      expectedDate: day(-3),
    });
    context = await signedInContext(browser, cairn.url);
    page = await context.newPage();
    errors = watchErrors(page);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  it('shows alignment, drift, blockers, changes and a forecast that admits its history is too short', async () => {
    await page.goto('/p/CHK/health');
    const alignment = page.getByRole('region', { name: 'Alignment' });
    await alignment.getByText('60%', { exact: true }).waitFor();
    assert.match((await alignment.locator('dl').textContent()) ?? '', /\(3 of 5\)/);
    const backlogLink = alignment.getByRole('link', { name: 'Show them in the backlog' });
    assert.equal(await backlogLink.getAttribute('href'), '/p/CHK/backlog?initiative=none');
    await alignment
      .getByRole('list', { name: 'Open items serving no initiative' })
      .getByRole('link', { name: /CHK-4 Fix footer/ })
      .waitFor();
    await alignment
      .getByRole('list', { name: 'Initiatives without work' })
      .getByRole('link', { name: 'Gift cards' })
      .waitFor();
    const stalled = alignment.getByRole('region', { name: 'In “now”, but nothing in progress' });
    await stalled.getByRole('link', { name: /"Faster checkout" is in "now"/ }).waitFor();
    await alignment.getByRole('region', { name: 'Roadmap changes since the last review' }).waitFor();

    const forecast = page.getByRole('region', { name: 'Forecast' });
    const row = forecast.getByRole('row', { name: /Faster checkout/ });
    await row.getByText('No forecast yet').waitFor();
    await row.getByText(/History too short: .*no items completed/).waitFor();
    assert.equal(await row.getByText(/\d{4}$/).count(), 1, 'only the target date is a date');
    await row.getByRole('cell', { name: '3 items (13 pts)' }).waitFor();
    await forecast.getByText('Points', { exact: true }).click();
    await row.getByText('13 pts (3 items)').waitFor();
    await forecast.getByText('How this is computed').click();
    await forecast.getByRole('table', { name: 'Throughput history of each stream' }).waitFor();
    // Completions are read from the history before today: a new product has none to draw a line of.
    const stream = forecast.getByRole('row', { name: /The whole product/ });
    await stream.getByText('No completions yet').waitFor();
    await stream.getByText(/Too short: no items completed in the last \d+ days/).waitFor();
    await forecast.getByText(/Faster checkout: drawn from 0 completed items/).waitFor();

    const blockers = page.getByRole('region', { name: 'Blockers' });
    await blockers.getByText('Overdue', { exact: true }).waitFor();
    assert.deepEqual(
      await blockers.locator('dd strong').allTextContents(),
      ['1', '1', '1'],
      'CHK-1 waits on an external dependency, overdue',
    );

    const changes = page.getByRole('region', { name: 'What changed since the last review' });
    await changes.getByText('Faster checkout was added to the roadmap').waitFor();
    await changes
      .getByText(/Olive Owner/)
      .first()
      .waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('shows a report that fails in its own place, the rest of the screen still there', async () => {
    const broken = await context.newPage();
    try {
      await broken.route('**/api/v1/products/*/forecast*', (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'internal', message: 'The forecast engine is down' } }),
        }),
      );
      await broken.goto('/p/CHK/health');
      await broken
        .getByRole('region', { name: 'Forecast' })
        .getByRole('alert')
        .getByText('The forecast could not be loaded: The forecast engine is down')
        .waitFor();
      await broken.getByRole('region', { name: 'Alignment' }).getByText('60%', { exact: true }).waitFor();
      await broken.getByRole('button', { name: 'Record review' }).waitFor();
    } finally {
      await broken.close();
    }
  });

  it('records a review with its figures, lists it and compares it with a later one', async () => {
    const record = page.getByRole('form', { name: 'Record a review' });
    await record.getByLabel('Decisions (Markdown)').fill('We **pause** gift cards until checkout ships.');
    await record.locator('.review-preview strong', { hasText: 'pause' }).waitFor();
    await record.getByRole('button', { name: 'Record review' }).click();
    await record.getByText(/^Review recorded/).waitFor();
    const list = page.getByRole('list', { name: 'Past reviews' });
    await list.locator('.review-recent strong', { hasText: 'pause' }).waitFor();
    assert.equal(await record.getByLabel('Decisions (Markdown)').inputValue(), '');

    const [first] = await reviews();
    assert.equal(first?.decisions, 'We **pause** gift cards until checkout ships.');
    assert.equal(first?.snapshot.alignment.openItems, 5);
    assert.equal(first?.snapshot.alignment.orphanItems, 2);
    assert.equal(first?.snapshot.alignment.drift.now_without_progress, 1);
    assert.equal(first?.snapshot.blockers.overdueExternals, 1);
    assert.deepEqual(
      first?.snapshot.forecast.map((f) => [f.title, f.status, f.p85]),
      [
        ['Faster checkout', 'insufficient-history', null],
        ['Gift cards', 'done', null],
      ],
    );

    // The plan changes between the reviews: the orphan work joins the initiative.
    for (const id of orphanIds) await api.call('PATCH', `/items/${id}`, { initiativeId });
    await page
      .getByRole('region', { name: 'Alignment' })
      .getByText('100%', { exact: true })
      .first()
      .waitFor();
    await record.getByLabel('Decisions (Markdown)').fill('All work now serves *Faster checkout*.');
    await record.getByRole('button', { name: 'Record review' }).click();
    await list.locator('.review-recent em', { hasText: 'Faster checkout' }).waitFor();
    assert.equal(await list.getByRole('listitem').count(), 2);
    assert.equal((await reviews()).length, 2);

    const compare = page.getByRole('region', { name: 'Compare reviews' });
    const linked = compare.getByRole('row', { name: /^Open items linked to an initiative/ });
    await linked.waitFor();
    assert.deepEqual(await linked.getByRole('cell').allTextContents(), ['60%', '100%', '+40 pts · better']);
    const orphans = compare.getByRole('row', { name: /^Open items serving no initiative/ });
    assert.deepEqual(await orphans.getByRole('cell').allTextContents(), ['2', '0', '−2 · better']);
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.deepEqual(errors, []);
  });

  it('shows a viewer the reviews, and no way to record one', async () => {
    const user = await api.call<{ id: string }>('POST', '/users', { ...VIEWER, role: 'viewer' });
    await api.call('PUT', `/products/${productId}/members/${user.id}`);
    const viewerContext = await signedInContext(browser, cairn.url, VIEWER);
    try {
      const viewerPage = await viewerContext.newPage();
      const viewerErrors = watchErrors(viewerPage);
      await viewerPage.goto('/p/CHK/health');
      const list = viewerPage.getByRole('list', { name: 'Past reviews' });
      await list.locator('strong', { hasText: 'pause' }).waitFor();
      await viewerPage.getByText('You can read the reviews but not record one').waitFor();
      assert.equal(await viewerPage.getByRole('button', { name: 'Record review' }).count(), 0);
      assert.equal(await viewerPage.getByLabel('Decisions (Markdown)').count(), 0);
      assert.deepEqual(await seriousA11yViolations(viewerPage), []);
      assert.deepEqual(viewerErrors, []);
    } finally {
      await viewerContext.close();
    }
  });
});
