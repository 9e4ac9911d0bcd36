/**
 * The item detail panel in a real browser: its URL, reload and Back; every edit saved (checked through the
 * API); markdown that cannot run script; dependencies and a refused cycle; external dependencies; a
 * conflicting edit from another session; the history in words.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserSuite,
  type Cairn,
  eventually,
  launchBrowser,
  OWNER,
  type SeedApi,
  seriousA11yViolations,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

interface Item {
  id: string;
  key: string;
  title: string;
  status: string;
  estimate: number | null;
  description: string;
  story: { asA: string; iWant: string; soThat: string } | null;
  acceptanceCriteria: { text: string; done: boolean }[];
  initiativeId: string | null;
  labels: string[];
}

browserSuite('item detail panel', () => {
  let cairn: Cairn;
  let browser: Browser;
  let api: SeedApi;
  let context: BrowserContext;
  let initiativeId: string;
  let checkoutId: string;
  const getItem = (key: string) => api.call<Item>('GET', `/items/${key}`);

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    const product = await api.call<{ id: string }>('POST', '/products', { key: 'CHK', name: 'Checkout' });
    checkoutId = product.id;
    const initiative = await api.call<{ id: string }>('POST', `/products/${product.id}/initiatives`, {
      title: 'Faster checkout',
    });
    initiativeId = initiative.id;
    for (const title of ['Save card for later', 'Pay with one click', 'Receipt email', 'Refund flow']) {
      await api.call('POST', `/products/${product.id}/items`, { title });
    }
    context = await signedInContext(browser, cairn.url, { email: OWNER.email, password: OWNER.password });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  const panelOf = (page: Page, key: string) => page.getByRole('complementary', { name: `Item ${key}` });

  it('opens from the backlog at /CHK-n, survives a reload, and Back, Esc or × close it', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/CHK/backlog');
    await page.getByRole('row', { name: /CHK-1 Save card for later/ }).click();
    await page.waitForURL(/\/CHK-1$/);
    const panel = panelOf(page, 'CHK-1');
    assert.equal(await panel.getByLabel('Title').inputValue(), 'Save card for later');

    await page.reload();
    await panel.getByLabel('Title').waitFor();
    assert.match(page.url(), /\/CHK-1$/);
    assert.equal(await panel.getByLabel('Title').inputValue(), 'Save card for later');

    await page.goBack();
    await page.waitForURL(/\/p\/CHK\/backlog$/);
    await panel.waitFor({ state: 'detached' });

    await page.getByRole('row', { name: /CHK-2 Pay with one click/ }).click();
    await panelOf(page, 'CHK-2').getByLabel('Title').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/p\/CHK\/backlog$/);

    await page.getByRole('row', { name: /CHK-2 Pay with one click/ }).click();
    await panelOf(page, 'CHK-2').getByRole('button', { name: 'Close item' }).click();
    await page.waitForURL(/\/p\/CHK\/backlog$/);

    // A direct load of an item's URL shows the backlog with the panel; × then goes to the backlog.
    await page.goto('/CHK-3');
    await panelOf(page, 'CHK-3').getByRole('button', { name: 'Close item' }).click();
    await page.waitForURL(/\/p\/CHK\/backlog$/);

    await page.goto('/CHK-999');
    await page.getByRole('heading', { name: 'No item CHK-999' }).waitFor();
    // The list beneath a panel opened by its URL follows the panel's item: without one, it still comes.
    await page.getByRole('row', { name: /CHK-1 Save card for later/ }).waitFor();
    assert.deepEqual(
      errors.filter((e) => !e.includes('404')),
      [],
    );
    await page.close();
  });

  it('shows an item opened by its URL, and the first backlog rows, before the whole backlog has arrived', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    // The whole backlog (not its first page, asked for with ?limit) is held back until the end.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/api\/v1\/products\/[^/]+\/backlog$/, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto('/CHK-2');
      const panel = panelOf(page, 'CHK-2');
      await panel.getByLabel('Title').waitFor();
      assert.equal(await panel.getByLabel('Title').inputValue(), 'Pay with one click');
      await page.getByRole('row', { name: /CHK-1 Save card for later/ }).waitFor();
    } finally {
      release();
    }
    // Once the whole backlog is in, the live stream connects and the page works as ever.
    await page.getByText('Live', { exact: true }).waitFor();
    await panelOf(page, 'CHK-2').getByRole('button', { name: 'Close item' }).click();
    await page.waitForURL(/\/p\/CHK\/backlog$/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('saves title, status, estimate, story, description, criteria, initiative and labels; history tells', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/CHK-1');
    const panel = panelOf(page, 'CHK-1');

    const title = panel.getByLabel('Title');
    await title.fill('Save a card for later');
    await title.press('Enter');
    await panel.getByLabel('Status').selectOption({ label: 'In progress' });
    const estimate = panel.getByLabel('Estimate (points)');
    await estimate.fill('5');
    await estimate.press('Enter');
    await panel.getByLabel('Initiative').selectOption({ label: 'Faster checkout' });
    await panel.getByRole('link', { name: 'Open initiative Faster checkout' }).waitFor();
    await panel.getByLabel('Add label').fill('payments');
    await panel.getByLabel('Add label').press('Enter');
    await panel.getByRole('button', { name: 'Remove label payments' }).waitFor();

    await panel.getByRole('button', { name: '+ Add a user story' }).click();
    await panel.getByLabel('As a').fill('returning shopper');
    await panel.getByLabel('I want').fill('my card remembered');
    await panel.getByLabel('So that').fill('paying is quick');
    await panel.getByRole('button', { name: 'Save story' }).click();
    await panel.getByText('returning shopper').waitFor();

    await panel.getByRole('button', { name: '+ Add a description' }).click();
    await panel.getByLabel('Description (Markdown)').fill('Store the card **encrypted**.\n\n- PCI scope');
    await panel.getByRole('button', { name: 'Save description' }).click();
    await panel.locator('.item-description strong', { hasText: 'encrypted' }).waitFor();

    const newCriterion = panel.getByLabel('New acceptance criterion');
    await newCriterion.fill('Card is saved');
    await newCriterion.press('Enter');
    await newCriterion.fill('Card can be removd');
    await newCriterion.press('Enter');
    await newCriterion.fill('Third, to be removed');
    await newCriterion.press('Enter');
    await panel.getByLabel('Done: Card is saved').check();
    const second = panel.getByLabel('Criterion 2', { exact: true });
    await second.fill('Card can be removed');
    await second.press('Enter');
    await panel.getByRole('button', { name: 'Remove criterion 3: Third, to be removed' }).click();

    await eventually(async () => {
      const item = await getItem('CHK-1');
      assert.equal(item.title, 'Save a card for later');
      assert.equal(item.status, 'in_progress');
      assert.equal(item.estimate, 5);
      assert.equal(item.initiativeId, initiativeId);
      assert.deepEqual(item.labels, ['payments']);
      assert.deepEqual(item.story, {
        asA: 'returning shopper',
        iWant: 'my card remembered',
        soThat: 'paying is quick',
      });
      assert.equal(item.description, 'Store the card **encrypted**.\n\n- PCI scope');
      assert.deepEqual(item.acceptanceCriteria, [
        { text: 'Card is saved', done: true },
        { text: 'Card can be removed', done: false },
      ]);
    });

    const history = panel.getByRole('list', { name: 'History' });
    await eventually(async () => {
      const text = (await history.textContent()) ?? '';
      for (const phrase of [
        'Olive Owner created this item',
        'renamed it from “Save card for later” to “Save a card for later”',
        'changed status from Backlog to In progress',
        'estimated it at 5 points',
        'added it to initiative “Faster checkout”',
        'added label payments',
        'added the user story',
        'added a description',
        'added criterion “Card is saved”',
        'checked “Card is saved”',
        'edited criterion “Card can be removd” to “Card can be removed”',
        'removed criterion “Third, to be removed”',
      ]) {
        assert.ok(text.includes(phrase), `history lacks “${phrase}”:\n${text}`);
      }
      // Newest first.
      assert.ok(text.indexOf('removed criterion') < text.indexOf('created this item'));
    });

    // The story can be removed again.
    await panel.getByRole('button', { name: 'Remove story' }).click();
    await eventually(async () => assert.equal((await getItem('CHK-1')).story, null));
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('never runs script from a description', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const popups: Page[] = [];
    context.on('page', (popup) => popups.push(popup));
    await page.goto('/CHK-4');
    const panel = panelOf(page, 'CHK-4');
    const payload =
      '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>[link](javascript:window.__xss=3) ' +
      '<a href="javascript:window.__xss=4">raw</a> <svg onload="window.__xss=5"></svg>';
    await panel.getByRole('button', { name: '+ Add a description' }).click();
    await panel.getByLabel('Description (Markdown)').fill(payload);
    await panel.getByRole('button', { name: 'Save description' }).click();
    const rendered = panel.locator('.item-description');
    await rendered.getByText('link').click();
    await rendered.getByText('raw').click();
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.equal(await page.locator('.item-description script').count(), 0);
    assert.equal(await page.locator('[onerror], [onload]').count(), 0);
    assert.equal(await page.locator('.item-description a[href^="javascript"]').count(), 0);
    // Saved as written: it is the rendering that is safe, for every reader.
    await eventually(async () => assert.equal((await getItem('CHK-4')).description, payload));
    await page.reload();
    await panel.locator('.item-description').getByText('link').waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.deepEqual(popups, []);
    // Reports of the Content Security Policy are expected (it is there to refuse); any other error is not.
    assert.deepEqual(
      errors.filter((e) => !e.includes('Content Security Policy')),
      [],
    );
    await page.close();
  });

  it('shows a hostile description as plain text, never a blank page', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    // Deep enough to overflow a recursive parser (marked answered with an exception, and the page went blank).
    const quotes = `${'> '.repeat(49_999)}a`;
    await api.call('PATCH', '/items/CHK-3', { description: quotes });
    await page.goto('/CHK-3');
    const panel = panelOf(page, 'CHK-3');
    await panel.getByRole('note').getByText('Shown as plain text: nested too deeply.').waitFor();
    const shown = await panel.locator('.item-description').textContent();
    assert.equal(shown?.replace(/\s+/g, ' ').trim(), quotes.replace(/\s+/g, ' ').trim());
    assert.equal(await panel.locator('.item-description blockquote').count(), 0);
    // The rest of the panel is still there and working.
    await panel.getByRole('button', { name: 'Edit description' }).waitFor();
    const stars = `${'*'.repeat(49_999)}a${'*'.repeat(49_999)}`;
    await api.call('PATCH', '/items/CHK-3', { description: stars });
    await page.reload();
    await panel.getByRole('note').getByText('Shown as plain text: too many Markdown marks.').waitFor();
    assert.equal((await panel.locator('.item-description').textContent())?.trim(), stars);
    assert.deepEqual(errors, []);
    await api.call('PATCH', '/items/CHK-3', { description: '' });
    await page.close();
  });

  it('adds a dependency by key, shows the API’s message for a cycle, and tracks external dependencies', async () => {
    const page = await context.newPage();
    await page.goto('/p/CHK/backlog');
    await page.getByRole('row', { name: /CHK-2 Pay with one click/ }).click();
    const panel = panelOf(page, 'CHK-2');
    const dependencies = panel.getByRole('region', { name: 'Dependencies' });
    await dependencies.getByLabel('Relation').selectOption({ label: 'Is blocked by' });
    await dependencies.getByLabel('Item key').fill('chk-1');
    await dependencies.getByRole('button', { name: 'Add dependency' }).click();
    const blockedBy = dependencies.getByRole('list', { name: 'Blocked by' });
    await blockedBy.getByRole('link', { name: /CHK-1 Save a card for later/ }).waitFor();
    assert.match((await blockedBy.textContent()) ?? '', /In progress/);
    const deps = await api.call<{ blockedBy: { blockerKey: string }[] }>('GET', '/items/CHK-2/dependencies');
    assert.deepEqual(
      deps.blockedBy.map((d) => d.blockerKey),
      ['CHK-1'],
    );

    // Follow the link to CHK-1's panel: it lists what CHK-1 blocks.
    await blockedBy.getByRole('link', { name: /CHK-1/ }).click();
    await page.waitForURL(/\/CHK-1$/);
    const first = panelOf(page, 'CHK-1').getByRole('region', { name: 'Dependencies' });
    await first.getByRole('list', { name: 'Blocks' }).getByRole('link', { name: /CHK-2/ }).waitFor();
    await first.getByLabel('Relation').selectOption({ label: 'Is blocked by' });
    await first.getByLabel('Item key').fill('CHK-2');
    await first.getByRole('button', { name: 'Add dependency' }).click();
    const alert = first.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /would close a cycle: .*CHK-1.*CHK-2/);
    const after = await api.call<{ blockedBy: unknown[] }>('GET', '/items/CHK-1/dependencies');
    assert.equal(after.blockedBy.length, 0);

    // An unknown key is named.
    await first.getByLabel('Item key').fill('CHK-404');
    await first.getByRole('button', { name: 'Add dependency' }).click();
    await first.getByRole('alert').filter({ hasText: 'CHK-404' }).waitFor();

    // External business dependencies: add one, mark it met.
    const external = panelOf(page, 'CHK-1').getByRole('region', { name: 'External dependencies' });
    await external.getByLabel('What is awaited').fill('Legal approval');
    await external.getByLabel('Owner').fill('Lena from Legal');
    await external.getByLabel('Expected date').fill('2030-05-01');
    await external.getByRole('button', { name: 'Add external dependency' }).click();
    await external.getByText('Lena from Legal · expected 2030-05-01').waitFor();
    await external.getByLabel('Met: Legal approval').check();
    await eventually(async () => {
      const result = await api.call<{ external: { title: string; met: boolean }[] }>(
        'GET',
        '/items/CHK-1/dependencies',
      );
      assert.deepEqual(
        result.external.map((e) => [e.title, e.met]),
        [['Legal approval', true]],
      );
    });

    // Back goes to CHK-2's panel; Esc from an item opened inside the panel still closes to the backlog.
    await page.goBack();
    await page.waitForURL(/\/CHK-2$/);
    await panel.getByRole('list', { name: 'Blocked by' }).waitFor();
    await page.goForward();
    await page.waitForURL(/\/CHK-1$/);
    await panelOf(page, 'CHK-1').getByLabel('Title').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/p\/CHK\/backlog$/);
    await page.close();
  });

  it('shows a conflict when another session changed the description meanwhile, and keeps theirs', async () => {
    await api.call('PATCH', '/items/CHK-3', { description: 'The original text.' });
    const page = await context.newPage();
    await page.goto('/CHK-3');
    const panel = panelOf(page, 'CHK-3');
    await panel.getByText('The original text.').waitFor();
    await panel.getByRole('button', { name: 'Edit description' }).click();
    await panel.getByLabel('Description (Markdown)').fill('Mine: the text from session A.');

    // Someone else saves first.
    await api.call('PATCH', '/items/CHK-3', { description: 'Theirs: the text from session B.' });
    await panel.getByRole('button', { name: 'Save description' }).click();

    const dialog = page.getByRole('alertdialog', { name: 'Edited by someone else' });
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    assert.match(text, /Theirs: the text from session B\./);
    assert.match(text, /Mine: the text from session A\./);
    assert.equal((await getItem('CHK-3')).description, 'Theirs: the text from session B.');
    await panel.getByText('Theirs: the text from session B.').waitFor();

    await dialog.getByRole('button', { name: 'Apply mine over theirs' }).click();
    await eventually(async () =>
      assert.equal((await getItem('CHK-3')).description, 'Mine: the text from session A.'),
    );
    await panel.locator('.item-description').getByText('Mine: the text from session A.').waitFor();
    await panel.getByRole('list', { name: 'History' }).getByText('edited the description').first().waitFor();
    await page.close();
  });

  it('shows another user’s change without a reload, and moves an item to the trash with undo', async () => {
    const page = await context.newPage();
    await page.goto('/CHK-4');
    const panel = panelOf(page, 'CHK-4');
    await panel.getByLabel('Title').waitFor();
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await api.call('PATCH', '/items/CHK-4', { title: 'Refunds, renamed elsewhere', status: 'ready' });
    await eventually(async () =>
      assert.equal(await panel.getByLabel('Title').inputValue(), 'Refunds, renamed elsewhere'),
    );
    assert.equal(await panel.getByLabel('Status').inputValue(), 'ready');

    await panel.getByRole('button', { name: 'Move to trash' }).click();
    await page.waitForURL(/\/p\/CHK\/backlog$/);
    await page.getByText('CHK-4 moved to the trash.').waitFor();
    await eventually(async () => assert.ok((await getItem('CHK-4')) && true));
    const trashed = await api.call<{ deletedAt: string | null }>('GET', '/items/CHK-4');
    assert.notEqual(trashed.deletedAt, null);
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () =>
      assert.equal((await api.call<{ deletedAt: string | null }>('GET', '/items/CHK-4')).deletedAt, null),
    );
    await page.close();
  });
  it('names a blocker in a product the user is not a member of only as “an item in another product”', async () => {
    const ops = await api.call<{ id: string }>('POST', '/products', { key: 'OPS', name: 'Operations' });
    const secret = await api.call<Item>('POST', `/products/${ops.id}/items`, {
      title: 'Renegotiate the PSP',
    });
    const local = await api.call<Item>('POST', `/products/${checkoutId}/items`, { title: 'Cheaper fees' });
    await api.call('POST', `/items/${local.id}/dependencies`, { blockedBy: secret.key });
    const member = {
      name: 'Mona Member',
      email: 'mona@example.com',
      password: 'quiet lanterns over harbour',
    };
    const user = await api.call<{ id: string }>('POST', '/users', { ...member, role: 'editor' });
    await api.call('PUT', `/products/${checkoutId}/members/${user.id}`);
    const theirs = await signedInContext(browser, cairn.url, member);
    try {
      const page = await theirs.newPage();
      await page.goto('/p/CHK/backlog');
      await page.getByRole('row', { name: new RegExp(`${local.key} Cheaper fees`) }).click();
      const blockedBy = panelOf(page, local.key)
        .getByRole('region', { name: 'Dependencies' })
        .getByRole('list', { name: 'Blocked by' });
      await blockedBy.getByText('an item in another product').waitFor();
      const text = (await blockedBy.textContent()) ?? '';
      assert.ok(!text.includes(secret.key) && !text.includes(secret.title), text);
      await page.close();
    } finally {
      await theirs.close();
    }
  });
});
