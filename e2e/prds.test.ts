/**
 * PRDs in a real browser: write a PRD from an initiative (its success metrics move into it), add a
 * requirement and link it to a backlog item through the picker, and watch the requirement's gap go.
 * Changes are checked through the API as well as on screen.
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

interface Prd {
  id: string;
  successMetrics: { name: string }[];
  requirements: { id: string; text: string; itemIds: string[] }[];
}

browserSuite('PRDs', () => {
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

  it('writes a PRD for an initiative, links a requirement to an item, and the gap disappears', async () => {
    const product = await api.call<{ id: string }>('POST', '/products', { key: 'PRD', name: 'Payments' });
    const initiative = await api.call<{ id: string }>('POST', `/products/${product.id}/initiatives`, {
      title: 'Faster checkout',
      confidence: 'committed',
      successMetrics: ['Checkout under 30 s'],
    });
    await api.call('POST', `/products/${product.id}/items`, { title: 'Saved cards form' });
    const item = await api.call<{ id: string; key: string }>('POST', `/products/${product.id}/items`, {
      title: 'One-page payment form',
    });

    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`/p/PRD/initiatives/${initiative.id}`);
    await page.getByRole('button', { name: 'Write a PRD' }).click();
    await page.waitForURL(/\/p\/PRD\/prds\//);
    const prdId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { name: 'PRD: Faster checkout', level: 1 }).waitFor();
    // The initiative's metric moved into the PRD.
    assert.equal(await page.getByLabel('Metric 1 name').inputValue(), 'Checkout under 30 s');

    // The problem, with its live preview.
    await page.getByLabel('Problem (Markdown)').fill('Checkout takes **too long**.');
    await page
      .getByRole('region', { name: 'Problem preview' })
      .locator('strong', { hasText: 'too long' })
      .waitFor();

    await page.getByRole('button', { name: 'Add a requirement' }).click();
    await page.getByLabel('Requirement 1', { exact: true }).fill('Pay on one page');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const gaps = page.getByRole('list', { name: 'Requirements with no backlog item' });
    await gaps.getByText('Pay on one page').waitFor();

    await page.getByLabel('Requirement 1: link an item').fill('one-page');
    await page.getByRole('button', { name: `${item.key} One-page payment form` }).click();
    await page.getByRole('list', { name: 'Requirement 1: linked items' }).getByText(item.key).waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await gaps.waitFor({ state: 'detached' });

    await eventually(async () => {
      const saved = await api.call<Prd>('GET', `/prds/${prdId}`);
      assert.equal(saved.requirements[0]?.text, 'Pay on one page');
      assert.deepEqual(saved.requirements[0]?.itemIds, [item.id]);
      assert.deepEqual(
        saved.successMetrics.map((m) => m.name),
        ['Checkout under 30 s'],
      );
      const report = await api.call<{ unlinkedRequirements: unknown[] }>('GET', `/prds/${prdId}/gaps`);
      assert.deepEqual(report.unlinkedRequirements, []);
    });

    // Back on the initiative: its PRD and the PRD's metrics.
    await page.getByRole('link', { name: 'Faster checkout' }).click();
    const section = page.getByRole('region', { name: 'PRDs' });
    await section.getByRole('link', { name: 'PRD: Faster checkout' }).waitFor();
    await section.getByRole('cell', { name: 'Checkout under 30 s' }).waitFor();

    const violations = await seriousA11yViolations(page, { scope: '.initiative-prds' });
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('has no serious accessibility violations on the PRD screen', async () => {
    const product = await api.call<{ id: string }>('POST', '/products', { key: 'PAX', name: 'Axe' });
    const prd = await api.call<{ id: string }>('POST', `/products/${product.id}/prds`, {
      title: 'Exploring',
      successMetrics: [{ name: 'Adoption' }],
      requirements: [{ text: 'Something' }],
    });
    const page = await context.newPage();
    await page.goto(`/p/PAX/prds/${prd.id}`);
    await page.getByRole('heading', { name: 'Exploring', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Gaps' }).waitFor();
    const violations = await seriousA11yViolations(page, { scope: '.prd-screen' });
    assert.deepEqual(violations, []);
    await page.close();
  });
});
