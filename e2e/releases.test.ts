/**
 * Releases and reports in a real browser: a release gets its done items, its notes are generated, edited
 * and published, the product's notes are made public and the Atom feed is read anonymously with a real feed
 * parser; the reports screen draws velocity and cumulative flow, and their SVG and PNG downloads are files
 * a viewer opens.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import Parser from 'rss-parser';
import {
  browserSuite,
  type Cairn,
  eventually,
  launchBrowser,
  OWNER,
  type SeedApi,
  seedProduct,
  seriousA11yViolations,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

interface Release {
  id: string;
  name: string;
  state: string;
  targetDate: string | null;
  notesDraft: string;
  notesPublished: string | null;
  notesPublishedAt: string | null;
}

/** A calendar day n days from today in UTC (the sprints below run in UTC). */
function utcDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

browserSuite('releases and reports', () => {
  let cairn: Cairn;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: SeedApi;
  let productId: string;
  let teamId: string;

  const item = (key: string) => api.call<{ id: string; releaseId: string | null }>('GET', `/items/${key}`);
  const release = (id: string) => api.call<Release>('GET', `/releases/${id}`);
  const createItem = (input: Record<string, unknown>) =>
    api.call<{ id: string; key: string }>('POST', `/products/${productId}/items`, input);

  /**
   * A sprint of the team that ran and closed with `done` of its items finished; `late` points of work were
   * added after it started (and left unfinished).
   */
  async function closedSprint(
    name: string,
    estimates: number[],
    done: number,
    startOffset: number,
    late = 0,
  ) {
    const sprint = await api.call<{ id: string }>('POST', `/products/${productId}/sprints`, {
      name,
      teamId,
      startDate: utcDay(startOffset),
      endDate: utcDay(startOffset + 6),
      timezone: 'UTC',
    });
    const ids: string[] = [];
    for (const [index, estimate] of estimates.entries()) {
      ids.push((await createItem({ title: `${name} work ${index + 1}`, estimate, sprintId: sprint.id })).id);
    }
    await api.call('POST', `/sprints/${sprint.id}/start`, {});
    if (late > 0) await createItem({ title: `${name} late work`, estimate: late, sprintId: sprint.id });
    for (const id of ids.slice(0, done)) await api.call('PATCH', `/items/${id}`, { status: 'done' });
    await api.call('POST', `/sprints/${sprint.id}/close`, { leftovers: 'backlog' });
    return sprint;
  }

  /** Clicks a download button and returns the saved file's bytes. */
  async function download(button: Locator): Promise<{ file: Download; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const path = await file.path();
    return { file, bytes: await readFile(path) };
  }

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    productId = (await seedProduct(api)).id;
    const initiative = await api.call<{ id: string }>('POST', `/products/${productId}/initiatives`, {
      title: 'Faster checkout',
      publicSummary: 'Paying takes fewer steps.',
      visibility: 'public',
    });
    // CHK-1..4: two done items for the notes, one unfinished, one to add and take out again.
    await createItem({
      title: 'One-click pay',
      status: 'done',
      initiativeId: initiative.id,
      story: { asA: 'shopper', iWant: 'to pay in one click', soThat: 'I check out faster' },
    });
    await createItem({ title: 'Card declined twice', type: 'bug', status: 'done' });
    await createItem({ title: 'Saved addresses', status: 'in_progress' });
    await createItem({ title: 'Gift wrapping', status: 'done' });
    teamId = (await api.call<{ id: string }>('POST', `/products/${productId}/teams`, { name: 'Core' })).id;
    context = await signedInContext(browser, cairn.url, { email: OWNER.email, password: OWNER.password });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cairn.url });
    page = await context.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  it('creates a release, assigns done items, generates, edits and publishes its notes', async () => {
    await page.goto('/p/CHK/releases');
    await page.getByText('No releases yet.').waitFor();
    const form = page.getByRole('form', { name: 'New release' });
    await form.getByLabel('Name').fill('2.4');
    await form.getByLabel('Target date').fill(utcDay(14));
    await form.getByRole('button', { name: 'Create release' }).click();
    await page.waitForURL(/\/p\/CHK\/releases\/[^/]+$/);
    const releaseId = page.url().split('/').at(-1) ?? '';
    await page.getByRole('heading', { name: '2.4', level: 1 }).waitFor();
    assert.equal((await release(releaseId)).targetDate, utcDay(14));

    // Items are found by title or by key, added, and taken out again.
    const search = page.getByLabel('Add items');
    await search.fill('one-click');
    await page.getByRole('button', { name: 'Add CHK-1 One-click pay' }).click();
    await search.fill('CHK-2');
    await page.getByRole('button', { name: 'Add CHK-2 Card declined twice' }).click();
    await search.fill('gift');
    await page.getByRole('button', { name: 'Add CHK-4 Gift wrapping' }).click();
    const items = page.getByRole('region', { name: /^Items/ });
    await items.getByRole('link', { name: /CHK-4 Gift wrapping/ }).waitFor();
    await eventually(async () => assert.equal((await item('CHK-4')).releaseId, releaseId));
    await page.getByRole('button', { name: 'Remove CHK-4 from the release' }).click();
    await items.getByRole('link', { name: /CHK-4/ }).waitFor({ state: 'detached' });
    await eventually(async () => assert.equal((await item('CHK-4')).releaseId, null));
    assert.equal((await item('CHK-1')).releaseId, releaseId);
    assert.equal(
      await items.getByRole('list', { name: 'Items in the release' }).getByRole('listitem').count(),
      2,
    );
    await page.getByText('2 of 2 items done').waitFor();

    // Generated from the done items, in the customer's words.
    await page.getByRole('button', { name: 'Generate draft', exact: true }).click();
    const draft = page.getByLabel('Draft (Markdown)');
    await eventually(async () => assert.match(await draft.inputValue(), /Faster checkout/));
    const generated = await draft.inputValue();
    assert.match(generated, /You check out faster/);
    assert.match(generated, /Card declined twice/);
    assert.doesNotMatch(generated, /CHK-/);
    const preview = page.locator('.release-preview');
    await preview.getByRole('heading', { name: 'Faster checkout' }).waitFor();

    // Edited: the preview follows at once; the edit is saved as the draft.
    await draft.fill(`${generated.trimEnd()}\n\nThanks to everyone who reported the declined cards.\n`);
    await preview.getByText('Thanks to everyone who reported the declined cards.').waitFor();
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await eventually(async () => assert.match((await release(releaseId)).notesDraft, /Thanks to everyone/));

    // Regenerating would lose the edit: it asks first, and keeping the draft keeps it.
    await page.getByRole('button', { name: 'Generate draft again' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace the draft' });
    await dialog.getByText('those edits are lost').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await dialog.getByRole('button', { name: 'Keep my draft' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.match(await draft.inputValue(), /Thanks to everyone/);

    // 2.4 is still planned: publishing asks first, naming the state; publishing marks it released.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publishDialog = page.getByRole('dialog', { name: 'Publish the notes' });
    await publishDialog.getByText('2.4 has not shipped yet — publish its notes anyway?').waitFor();
    await publishDialog.getByRole('button', { name: 'Publish anyway' }).click();
    await page.getByText(/^Published \d/).waitFor();
    const published = await release(releaseId);
    assert.match(published.notesPublished ?? '', /Thanks to everyone/);
    assert.equal(published.state, 'released');
    assert.equal(await page.locator('.release-state').textContent(), 'Released');
    const links = page.getByRole('list', { name: 'Published notes' });
    assert.equal(
      await links.getByRole('link', { name: 'Web page' }).getAttribute('href'),
      `/feeds/CHK/releases/${releaseId}.html`,
    );
    assert.equal(
      await links.getByRole('link', { name: 'Atom feed' }).getAttribute('href'),
      '/feeds/CHK/releases.atom',
    );
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('makes the notes public, and the Atom feed reads without signing in', async () => {
    const feedUrl = `${cairn.url}/feeds/CHK/releases.atom`;
    assert.equal((await fetch(feedUrl)).status, 404, 'private notes are not served to anyone');

    await page.goto('/p/CHK/releases');
    const released = page.getByRole('region', { name: /^Released/ });
    await released.getByRole('link', { name: '2.4' }).waitFor();
    await released.getByText('Notes published').waitFor();
    assert.equal(await page.getByLabel('Atom feed').inputValue(), feedUrl);
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();

    const toggle = page.getByRole('switch', { name: 'Release notes are public' });
    assert.equal(await toggle.isChecked(), false);
    await toggle.check();
    await page.getByText('Anyone with the address can read').waitFor();
    await eventually(async () =>
      assert.equal(
        (await api.call<{ releaseNotesPublic: boolean }>('GET', `/products/${productId}`)).releaseNotesPublic,
        true,
      ),
    );
    assert.deepEqual(await seriousA11yViolations(page), []);

    const response = await fetch(feedUrl);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/atom\+xml/);
    const feed = await new Parser().parseString(await response.text());
    assert.equal(feed.items.length, 1);
    const entry = feed.items[0];
    assert.equal(entry?.title, 'Checkout 2.4');
    assert.match(entry?.content ?? '', /Faster checkout/);
    assert.match(entry?.content ?? '', /Thanks to everyone who reported the declined cards/);
    assert.doesNotMatch(entry?.content ?? '', /CHK-\d/);
  });

  it('shows a viewer the releases and their notes read-only', async () => {
    const viewer = { name: 'Vera Viewer', email: 'vera@example.com', password: 'a reader passphrase!' };
    const user = await api.call<{ id: string }>('POST', '/users', { ...viewer, role: 'viewer' });
    await api.call('PUT', `/products/${productId}/members/${user.id}`);
    const viewerContext = await signedInContext(browser, cairn.url, viewer);
    try {
      const viewerPage = await viewerContext.newPage();
      await viewerPage.goto('/p/CHK/releases');
      await viewerPage.getByRole('link', { name: '2.4' }).waitFor();
      assert.equal(await viewerPage.getByRole('form', { name: 'New release' }).count(), 0);
      assert.equal(
        await viewerPage.getByRole('switch', { name: 'Release notes are public' }).isDisabled(),
        true,
      );
      await viewerPage.getByText('Only admins and owners can change this.').waitFor();

      await viewerPage.getByRole('link', { name: '2.4' }).click();
      await viewerPage.getByRole('heading', { name: 'Release notes' }).waitFor();
      await viewerPage.getByRole('heading', { name: 'Faster checkout' }).waitFor();
      for (const control of [
        'Generate draft again',
        'Publish again',
        'Remove CHK-1 from the release',
        'Rename',
      ]) {
        assert.equal(await viewerPage.getByRole('button', { name: control }).count(), 0, control);
      }
      assert.equal(await viewerPage.getByLabel('Add items').count(), 0);
      assert.deepEqual(await seriousA11yViolations(viewerPage), []);
    } finally {
      await viewerContext.close();
    }
  });

  it('draws velocity and cumulative flow for a team, and downloads them as SVG and PNG', async () => {
    await closedSprint('Sprint 1', [3, 5], 1, -20);
    const sprint2 = await closedSprint('Sprint 2', [2, 2, 4], 3, -13, 1);

    await page.goto(`/p/CHK/reports?team=${teamId}`);
    const velocity = page.getByRole('region', { name: 'Velocity' });
    await velocity.locator('svg.chart-svg').waitFor();
    await velocity.getByText('2 closed sprints. Sprint 2: 8 of 8 points completed.').waitFor();
    await velocity.getByRole('listitem').filter({ hasText: 'Mean of the last 2 (5.5)' }).waitFor();
    assert.equal(await velocity.locator('.chart-bar').count(), 4);
    // The tooltip by keyboard: End jumps to the last sprint, Escape hides it again.
    await velocity.locator('svg.chart-svg').focus();
    await page.keyboard.press('End');
    await velocity.locator('.chart-tooltip li').filter({ hasText: 'Completed: 8 pts' }).waitFor();
    await page.keyboard.press('Escape');
    await velocity.locator('.chart-tooltip li').waitFor({ state: 'detached' });

    const flow = page.getByRole('region', { name: 'Cumulative flow' });
    await flow.locator('svg.chart-svg').waitFor();
    await flow.getByText(/^On .*: .*\(\d+ items\)\.$/).waitFor();
    assert.equal(
      await page.getByLabel('Time zone').inputValue(),
      await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    );
    assert.deepEqual(await seriousA11yViolations(page), []);

    const svg = await download(velocity.getByRole('button', { name: 'Download SVG' }));
    assert.match(svg.file.suggestedFilename(), /^CHK-velocity-core\.svg$/);
    const text = svg.bytes.toString('utf8');
    assert.ok(text.startsWith('<?xml'), text.slice(0, 60));
    assert.match(text, /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(text, />Velocity<\/text>/);
    assert.doesNotMatch(text, /var\(--/, 'no CSS variables left in the file');

    const png = await download(flow.getByRole('button', { name: 'Download PNG' }));
    assert.match(png.file.suggestedFilename(), /\.png$/);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.bytes.length > 2000, 'the PNG has a picture in it');

    // The numbers behind the picture, as the links give them.
    const csvHref = await velocity.getByRole('link', { name: 'CSV' }).getAttribute('href');
    const csv = await context.request.get(csvHref ?? '');
    assert.equal(csv.status(), 200);
    assert.match(await csv.text(), /Sprint 2/);

    // The choices live in the URL; a shorter range has a row per day.
    const from = page.getByLabel('From', { exact: true });
    await from.fill(utcDay(-6));
    await from.press('Enter');
    await page.waitForURL(new RegExp(`from=${utcDay(-6)}`));
    await eventually(async () => assert.equal(await flow.locator('.chart-numbers tbody tr').count(), 7));
    await page.getByLabel('Sprints').selectOption('3');
    await page.waitForURL(/count=3/);
    await page.getByRole('combobox', { name: /^Team/ }).selectOption('none');
    await page.waitForURL(/team=none/);
    await velocity.getByText('No closed sprints yet').waitFor();

    // A sprint's own burndown and burnup (on its screen), with the scope added after the start listed.
    await page.goto(`/p/CHK/sprints/${sprint2.id}`);
    const burndown = page.getByRole('region', { name: 'Burndown', exact: true });
    await burndown.locator('svg.chart-svg').waitFor();
    const change = burndown
      .getByRole('table', { name: 'Scope changes' })
      .getByRole('row', { name: /Sprint 2 late work/ });
    assert.match((await change.textContent()) ?? '', /\+1\s*added\s*CHK-\d+ Sprint 2 late work/);
    await page.getByRole('region', { name: 'Burnup', exact: true }).locator('svg.chart-svg').waitFor();
    assert.deepEqual(errors, []);
  });
});
