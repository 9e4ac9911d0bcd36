/**
 * Guardrails in a real browser: they warn, they do not block. A sprint overlapping another of its team asks
 * before saving and "Save anyway" saves; a refinement reserve shows in the capacity meter; starting a sprint
 * with an item that is not ready asks first, and cancelling leaves it planned; publishing the notes of a
 * release that has not shipped asks first, naming its state. Every outcome is checked through the API.
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

interface Sprint {
  id: string;
  name: string;
  state: string;
  startDate: string;
  endDate: string;
  capacity: number | null;
  refinementShare: number | null;
}
interface Release {
  id: string;
  state: string;
  notesPublishedAt: string | null;
}

browserSuite('guardrails', () => {
  let cairn: Cairn;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: SeedApi;
  let productId: string;
  let teamId: string;
  let sprintId: string;

  const sprint = (id: string) => api.call<{ sprint: Sprint }>('GET', `/sprints/${id}`).then((d) => d.sprint);

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    productId = (await seedProduct(api)).id;
    teamId = (await api.call<{ id: string }>('POST', `/products/${productId}/teams`, { name: 'Core' })).id;
    await api.call('POST', `/products/${productId}/sprints`, {
      name: 'Sprint 1',
      teamId,
      startDate: '2030-01-01',
      endDate: '2030-01-14',
      timezone: 'UTC',
      capacity: 30,
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

  it('warns before creating a sprint that overlaps another of the team, and "Save anyway" saves it', async () => {
    await page.goto(`/p/CHK/sprints?team=${teamId}`);
    const form = page.locator('form.sprint-form');
    assert.equal(await form.getByLabel('Name').inputValue(), 'Sprint 2');
    await form.getByLabel('Start', { exact: true }).fill('2030-01-10');
    await form.getByLabel('End', { exact: true }).fill('2030-01-23');
    await form.getByLabel('Capacity').fill('30');
    await form.getByLabel('Keep for refinement').fill('10');
    await form.getByRole('button', { name: 'Create sprint' }).click();

    const warning = page.getByRole('dialog', { name: 'Sprints overlap' });
    await warning.getByRole('heading', { name: 'Sprint 2 overlaps Sprint 1' }).waitFor();
    await warning.getByText(/Sprint 1.*planned.*2030.*2030/).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    // Nothing is saved while it asks.
    const listed = await api.call<{ sprints: Sprint[] }>('GET', `/products/${productId}/sprints`);
    assert.equal(listed.sprints.length, 1);

    await warning.getByRole('button', { name: 'Save anyway' }).click();
    await page.getByRole('heading', { name: 'Sprint 2', level: 1 }).waitFor();
    sprintId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const saved = await sprint(sprintId);
    assert.deepEqual([saved.startDate, saved.endDate], ['2030-01-10', '2030-01-23']);
    assert.equal(saved.refinementShare, 0.1);
  });

  it('plans against the capacity left after the refinement reserve, and says so', async () => {
    const meter = page.getByRole('region', { name: 'Capacity' });
    await meter.getByText('27 of 30 points: 10 % kept for refinement').waitFor();
    await meter.getByText('0 of 27 points — 27 to spare').waitFor();
  });

  it('warns when editing a sprint’s dates onto another’s, and keeps the dates when told to change them', async () => {
    await page.getByRole('button', { name: 'Edit sprint' }).click();
    const form = page.getByRole('form', { name: 'Edit sprint' });
    await form.getByLabel('Start', { exact: true }).fill('2030-01-05');
    await form.getByRole('button', { name: 'Save sprint' }).click();
    const warning = page.getByRole('dialog', { name: 'Sprints overlap' });
    await warning
      .getByText(/Sprint 1/)
      .first()
      .waitFor();
    await warning.getByRole('button', { name: 'Change the dates' }).click();
    await warning.waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await sprint(sprintId)).startDate, '2030-01-10');
  });

  it('asks before starting a sprint with an item that is not ready; cancelling leaves it planned', async () => {
    // A task with neither estimate nor acceptance criteria: not ready by the Definition of Ready.
    await api.call('POST', `/products/${productId}/items`, { title: 'Gift cards', type: 'task', sprintId });
    await page.reload();
    await page.getByText(/1 of 1 item is not ready/).waitFor();

    await page.getByRole('button', { name: 'Start sprint' }).click();
    const confirm = page.getByRole('dialog', { name: 'Start Sprint 2' });
    await confirm.getByRole('heading', { name: '1 item in the sprint is not ready' }).waitFor();
    await confirm.getByText(/CHK-\d+: .*estimate/).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await confirm.getByRole('button', { name: 'Not yet' }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal((await sprint(sprintId)).state, 'planned');
    assert.equal(await page.locator('.sprint-title .sprint-state-planned').count(), 1);
  });

  it('asks before publishing the notes of a release that has not shipped, naming its state', async () => {
    const release = await api.call<Release>('POST', `/products/${productId}/releases`, { name: '1.2' });
    await page.goto(`/p/CHK/releases/${release.id}`);
    await page.getByLabel('Draft (Markdown)').fill('## Gift cards\n\nYou can pay with a gift card.\n');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish the notes' });
    await confirm
      .getByRole('heading', { name: '1.2 has not shipped yet — publish its notes anyway?' })
      .waitFor();
    await confirm.getByText(/Its state is Planned/).waitFor();
    await confirm.getByRole('button', { name: 'Not yet' }).click();
    await confirm.waitFor({ state: 'detached' });
    const kept = await api.call<Release>('GET', `/releases/${release.id}`);
    assert.equal(kept.notesPublishedAt, null);
    assert.equal(kept.state, 'planned');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await confirm.getByRole('button', { name: 'Publish anyway' }).click();
    await page.getByText(/^Published \d/).waitFor();
    await eventually(async () => {
      const published = await api.call<Release>('GET', `/releases/${release.id}`);
      assert.notEqual(published.notesPublishedAt, null);
    });
    assert.deepEqual(errors, []);
  });
});
