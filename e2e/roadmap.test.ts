/**
 * The roadmap in a real browser: the Now / Next / Later board, the timeline and the initiative screen.
 * Every change made in the browser is checked through the API too.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  browserSuite,
  type Cairn,
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

interface Initiative {
  id: string;
  title: string;
  horizon: string;
  themeId: string | null;
  startDate: string | null;
  targetDate: string | null;
  confidence: string;
  status: string;
  summary: string;
  publicSummary: string;
  successMetrics: string[];
  objectiveIds: string[];
  visibility: string;
}

/** A calendar day n days from today, as the browser (same machine, same zone) counts it. */
function dayFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days))
    .toISOString()
    .slice(0, 10);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Polls the API until `check` accepts what it returns (the browser saves in the background). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) assert.fail(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

browserSuite('roadmap', () => {
  let cairn: Cairn;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: SeedApi;
  let productId: string;
  let paymentsId: string;

  const initiative = (id: string) => api.call<Initiative>('GET', `/initiatives/${id}`);
  const initiatives = async () =>
    (await api.call<{ initiatives: Initiative[] }>('GET', `/products/${productId}/initiatives`)).initiatives;
  /** A card's title link: its one control. */
  const card = (title: string) => page.getByRole('link', { name: title, exact: true });
  /** The whole card around that link. */
  const cardBox = (title: string) => page.locator('.initiative-card').filter({ has: card(title) });
  const bar = (title: string) => page.getByRole('link', { name: new RegExp(`^${title},`) });
  const seedInitiative = (input: Record<string, unknown>) =>
    api.call<Initiative>('POST', `/products/${productId}/initiatives`, input);

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    productId = (await seedProduct(api)).id;
    paymentsId = (
      await api.call<{ id: string }>('POST', `/products/${productId}/themes`, {
        name: 'Payments',
        color: '#2563eb',
      })
    ).id;
    // Only the credentials: the login refuses OWNER's other fields (the harness's default passes them all).
    context = await signedInContext(browser, cairn.url, { email: OWNER.email, password: OWNER.password });
    page = await context.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  it('explains an empty roadmap and adds initiatives in a column and lane', async () => {
    await page.goto('/p/CHK/roadmap');
    await page.getByRole('heading', { name: 'No initiatives yet' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.getByRole('button', { name: 'Add initiative to Now, Payments' }).click();
    const field = page.getByLabel('New initiative title (Now, Payments)');
    await field.fill('Faster checkout');
    await field.press('Enter');
    await page
      .getByRole('list', { name: 'Now, Payments' })
      .getByRole('link', { name: 'Faster checkout' })
      .waitFor();
    // The field stays open for the next one.
    await field.fill('One-click reorder');
    await field.press('Enter');
    await card('One-click reorder').waitFor();
    await field.press('Escape');

    await page.getByRole('button', { name: 'Add initiative to Later, No theme' }).click();
    await page.getByLabel('New initiative title (Later, No theme)').fill('Pay with crypto');
    await page.getByLabel('New initiative title (Later, No theme)').press('Enter');
    await page
      .getByRole('list', { name: 'Later, No theme' })
      .getByRole('link', { name: 'Pay with crypto' })
      .waitFor();
    await page.getByRole('heading', { name: 'No initiatives yet' }).waitFor({ state: 'detached' });

    const saved = await initiatives();
    const byTitle = new Map(saved.map((i) => [i.title, i]));
    assert.equal(byTitle.get('Faster checkout')?.horizon, 'now');
    assert.equal(byTitle.get('Faster checkout')?.themeId, paymentsId);
    assert.equal(byTitle.get('One-click reorder')?.themeId, paymentsId);
    assert.equal(byTitle.get('Pay with crypto')?.horizon, 'later');
    assert.equal(byTitle.get('Pay with crypto')?.themeId, null);
  });

  it('shows the progress of linked backlog work on the card, and updates it live', async () => {
    const refunds = await seedInitiative({
      title: 'Self-serve refunds',
      horizon: 'now',
      themeId: paymentsId,
      confidence: 'committed',
      status: 'active',
    });
    const item = (title: string, estimate: number, status = 'backlog') =>
      api.call<{ id: string }>('POST', `/products/${productId}/items`, {
        title,
        estimate,
        status,
        initiativeId: refunds.id,
      });
    await item('Refund button', 3, 'done');
    const policy = await item('Refund policy check', 5);

    await page.goto('/p/CHK/roadmap');
    const refundsCard = cardBox('Self-serve refunds');
    await refundsCard.getByText('3/8 pts · 1/2 items').waitFor();

    // Someone marks an item done: the card follows without a reload.
    await api.call('PATCH', `/items/${policy.id}`, { status: 'done' });
    await refundsCard.getByText('8/8 pts · 2/2 items').waitFor();
    assert.equal(await refundsCard.getByRole('progressbar').getAttribute('aria-valuenow'), '100');
  });

  it('draws the board before the backlog has arrived, and counts progress once it has', async () => {
    const giftCards = await seedInitiative({ title: 'Gift cards', horizon: 'next', themeId: paymentsId });
    await api.call('POST', `/products/${productId}/items`, {
      title: 'Gift card balance',
      estimate: 2,
      status: 'done',
      initiativeId: giftCards.id,
    });
    const held = await context.newPage();
    const heldErrors = watchErrors(held);
    // The whole backlog (the boot script's request and the app's) is held back until the board is checked.
    let release = () => {};
    const backlog = new Promise<void>((resolve) => {
      release = resolve;
    });
    await held.route(/\/api\/v1\/products\/[^/]+\/backlog$/, async (route) => {
      await backlog;
      await route.continue();
    });
    try {
      await held.goto('/p/CHK/roadmap');
      const box = held
        .locator('.initiative-card')
        .filter({ has: held.getByRole('link', { name: 'Gift cards', exact: true }) });
      // No zeros that look true: the progress says it is being counted, and has no value yet.
      await box.getByText('Counting…').waitFor();
      const progress = box.getByRole('progressbar');
      assert.equal(await progress.getAttribute('aria-valuenow'), null);
      assert.equal(await progress.getAttribute('aria-valuetext'), 'Counting backlog work…');
      release();
      await box.getByText('2/2 pts · 1/1 items').waitFor();
      assert.equal(await progress.getAttribute('aria-valuenow'), '100');
      assert.equal(await box.getByText('Counting…').count(), 0);
    } finally {
      release();
    }
    assert.deepEqual(heldErrors, []);
    await held.close();
  });

  it('makes exploratory initiatives visibly different from committed ones', async () => {
    await seedInitiative({ title: 'Voice checkout', horizon: 'later', confidence: 'exploratory' });
    await page.goto('/p/CHK/roadmap');
    const exploratory = cardBox('Voice checkout');
    const committed = cardBox('Self-serve refunds');
    await exploratory.waitFor();
    assert.match((await exploratory.getAttribute('class')) ?? '', /card-exploratory/);
    assert.match((await committed.getAttribute('class')) ?? '', /card-committed/);
    await exploratory.getByText('Exploratory', { exact: true }).waitFor();
    await committed.getByText('Committed', { exact: true }).waitFor();
    const borderStyle = (locator: Locator) =>
      locator.evaluate(
        (element) => element.ownerDocument.defaultView?.getComputedStyle(element).borderTopStyle,
      );
    assert.equal(await borderStyle(exploratory), 'dashed');
    assert.equal(await borderStyle(committed), 'solid');
    await page
      .getByRole('list', { name: 'Legend' })
      .getByText(/Exploratory: an idea/)
      .waitFor();
    // A board full of cards (progress bars, badges, links) passes axe too.
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('moves an initiative between horizons and lanes by drag, and with Alt+arrows', async () => {
    await page.goto('/p/CHK/roadmap');
    const faster = (await initiatives()).find((i) => i.title === 'Faster checkout');
    assert.ok(faster);
    await card('Faster checkout').dragTo(page.locator('[data-cell="none:next"]'));
    // Shown at once, then saved.
    await page
      .getByRole('list', { name: 'Next, No theme' })
      .getByRole('link', { name: 'Faster checkout' })
      .waitFor();
    await eventually(
      () => initiative(faster.id),
      (i) => i.horizon === 'next' && i.themeId === null,
      'horizon and theme after the drag',
    );

    await card('Faster checkout').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page
      .getByRole('list', { name: 'Later, No theme' })
      .getByRole('link', { name: 'Faster checkout' })
      .waitFor();
    await eventually(
      () => initiative(faster.id),
      (i) => i.horizon === 'later',
      'horizon after Alt+→',
    );
    // The focus follows the card to its new cell, so the keys can be pressed again.
    assert.equal(await page.locator(':focus').textContent(), 'Faster checkout');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Alt+ArrowUp');
    await page
      .getByRole('list', { name: 'Next, Payments' })
      .getByRole('link', { name: 'Faster checkout' })
      .waitFor();
    await eventually(
      () => initiative(faster.id),
      (i) => i.horizon === 'next' && i.themeId === paymentsId,
      'horizon and theme after Alt+← and Alt+↑',
    );
    assert.equal(new URL(page.url()).pathname, '/p/CHK/roadmap', 'Alt+← must not go back in history');
  });

  it('filters the board by status and confidence, kept in the URL', async () => {
    await page.goto('/p/CHK/roadmap');
    await card('Voice checkout').waitFor();
    const exploratory = page.getByRole('group', { name: 'Confidence' }).getByLabel('Exploratory');
    // A click, not uncheck()/check(): the box follows the URL, which changes in a React transition, so it
    // can flip a moment after the click (Playwright's check() looks at once and calls that a failure).
    await exploratory.click();
    await card('Voice checkout').waitFor({ state: 'detached' });
    assert.equal(await exploratory.isChecked(), false);
    assert.match(page.url(), /confidence=committed%2Cplanned|confidence=committed,planned/);
    // Every card title that enters the page, from the document's start: a card the filter hides must never
    // be drawn, not even for a frame before the filter applies (a user would see it flash).
    await page.addInitScript(() => {
      if (!location.search.includes('confidence=')) return;
      const drawn = new Set<string>();
      (window as unknown as { cardsDrawn: Set<string> }).cardsDrawn = drawn;
      new MutationObserver(() => {
        for (const title of document.querySelectorAll('.initiative-card .card-title')) {
          drawn.add(title.textContent ?? '');
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await card('Self-serve refunds').waitFor();
    assert.equal(await card('Voice checkout').count(), 0, 'hidden at once after the reload');
    const drawn = await page.evaluate(() => [
      ...(window as unknown as { cardsDrawn: Set<string> }).cardsDrawn,
    ]);
    assert.ok(drawn.includes('Self-serve refunds'), `the observer saw the cards: ${drawn}`);
    assert.ok(!drawn.includes('Voice checkout'), `the filtered-out card was never drawn: ${drawn}`);
    await exploratory.click();
    await card('Voice checkout').waitFor();
    assert.equal(await exploratory.isChecked(), true);
  });

  it('moves and resizes a bar on the timeline by dragging, and shifts it with Alt+arrows', async () => {
    const start = dayFromToday(5);
    const target = dayFromToday(40);
    const launch = await seedInitiative({
      title: 'Checkout launch',
      themeId: paymentsId,
      confidence: 'planned',
      startDate: start,
      targetDate: target,
    });
    await seedInitiative({ title: 'Loyalty points', horizon: 'later', confidence: 'exploratory' });
    await page.goto('/p/CHK/timeline');
    const launchBar = bar('Checkout launch');
    await launchBar.waitFor();
    await page.getByRole('heading', { name: 'Not scheduled' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);

    // Month scale: 4 px a day. Drag the middle 40 px right: both dates move 10 days.
    let box = await launchBar.boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await eventually(
      () => initiative(launch.id),
      (i) => i.startDate === addDays(start, 10) && i.targetDate === addDays(target, 10),
      'dates after moving the bar',
    );
    assert.equal(new URL(page.url()).pathname, '/p/CHK/timeline', 'a drag is not a click');

    // Drag the right end 20 px further: only the target date moves, 5 days.
    box = await launchBar.boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width - 3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 20 - 3, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await eventually(
      () => initiative(launch.id),
      (i) => i.startDate === addDays(start, 10) && i.targetDate === addDays(target, 15),
      'dates after resizing the bar',
    );

    // And the left end 8 px earlier: the start date moves back 2 days.
    box = await launchBar.boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + 3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 3 - 8, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await eventually(
      () => initiative(launch.id),
      (i) => i.startDate === addDays(start, 8) && i.targetDate === addDays(target, 15),
      'dates after resizing the start',
    );

    // Keyboard: Alt+→ moves a month later; Alt+Shift+← shortens by a month.
    await launchBar.focus();
    await page.keyboard.press('Alt+ArrowRight');
    const moved = await eventually(
      () => initiative(launch.id),
      (i) => i.startDate !== addDays(start, 8),
      'dates after Alt+→',
    );
    assert.equal(Number(moved.startDate?.slice(5, 7)) % 12, (Number(addDays(start, 8).slice(5, 7)) + 1) % 12);
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await eventually(
      () => initiative(launch.id),
      (i) => i.targetDate !== moved.targetDate && i.startDate === moved.startDate,
      'target date after Alt+Shift+←',
    );

    // Exploratory bars look different; unscheduled initiatives get dates with one click.
    await page.getByRole('button', { name: 'Schedule this month: Loyalty points' }).click();
    const loyaltyBar = bar('Loyalty points');
    await loyaltyBar.waitFor();
    assert.match((await loyaltyBar.getAttribute('class')) ?? '', /bar-exploratory/);
    assert.doesNotMatch((await launchBar.getAttribute('class')) ?? '', /bar-exploratory/);
    const loyalty = (await initiatives()).find((i) => i.title === 'Loyalty points');
    assert.ok(loyalty?.startDate && loyalty.targetDate);
    assert.equal(loyalty.startDate.slice(8), '01');

    // The scale is part of the address.
    await page.getByRole('button', { name: 'Quarters' }).click();
    await page.waitForURL(/scale=quarter/);
    await page.reload();
    assert.equal(await page.getByRole('button', { name: 'Quarters' }).getAttribute('aria-pressed'), 'true');
    await page
      .getByText(/^Q[1-4] \d{4}$/)
      .first()
      .waitFor();
    await bar('Checkout launch').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('edits an initiative on its own screen, and the edits persist', async () => {
    const objective = await api.call<{ id: string }>('POST', `/products/${productId}/objectives`, {
      title: 'Grow repeat purchases',
    });
    await page.goto('/p/CHK/roadmap');
    await card('One-click reorder').click();
    await page.waitForURL(/\/p\/CHK\/initiatives\//);
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await page.getByRole('heading', { name: 'One-click reorder', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Edit summary' }).click();
    await page
      .getByRole('textbox', { name: 'Summary', exact: true })
      .fill('Reorder **in one click** from the receipt.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.markdown strong', { hasText: 'in one click' }).waitFor();

    await page.getByRole('button', { name: 'Edit public summary' }).click();
    const publicSummary = page.getByRole('textbox', { name: 'Public summary', exact: true });
    await publicSummary.fill('Buy again in one click.');
    await publicSummary.press('Control+Enter');
    await page.getByText('Buy again in one click.').waitFor();

    await page.getByLabel('Status').selectOption('active');
    await page.getByLabel('Confidence').selectOption('committed');
    await page.getByLabel('Visibility').selectOption('public');
    await page.getByLabel('Start date').fill('2026-04-01');
    // Tab moves between the parts of a date field; Enter (or leaving the field) saves it.
    await page.getByLabel('Start date').press('Enter');
    await page.getByLabel('Target date').fill('2026-03-01');
    await page.getByLabel('Target date').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'must not be after' }).waitFor();
    await page.getByLabel('Target date').fill('2026-06-30');
    await page.getByLabel('Target date').press('Enter');
    await page.getByLabel('Grow repeat purchases').check();

    await page.getByLabel('New success metric').fill('30% of repeat orders use reorder');
    await page.getByLabel('New success metric').press('Enter');
    await page.getByRole('textbox', { name: 'Success metric 1', exact: true }).waitFor();
    await page.getByLabel('New success metric').fill('Temporary metric');
    await page.getByLabel('New success metric').press('Enter');
    await page.getByRole('button', { name: 'Remove success metric 2' }).click();
    await page.getByRole('textbox', { name: 'Success metric 2', exact: true }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('One-click reorder from receipts');
    await page.getByRole('textbox', { name: 'Title', exact: true }).press('Enter');
    await page.getByRole('heading', { name: 'One-click reorder from receipts', level: 1 }).waitFor();

    await page.getByLabel('Add an item to this initiative').fill('Reorder button on receipts');
    await page.getByLabel('Add an item to this initiative').press('Enter');
    const itemLink = page.getByRole('link', { name: /Reorder button on receipts/ });
    await itemLink.waitFor();
    await page.getByText('0/0 pts · 0/1 items').waitFor();

    const saved = await eventually(
      () => initiative(id),
      (i) => i.successMetrics.length === 1 && i.title === 'One-click reorder from receipts',
      'the edited initiative',
    );
    assert.equal(saved.summary, 'Reorder **in one click** from the receipt.');
    assert.equal(saved.publicSummary, 'Buy again in one click.');
    assert.equal(saved.status, 'active');
    assert.equal(saved.confidence, 'committed');
    assert.equal(saved.visibility, 'public');
    assert.equal(saved.startDate, '2026-04-01');
    assert.equal(saved.targetDate, '2026-06-30');
    assert.deepEqual(saved.objectiveIds, [objective.id]);
    assert.deepEqual(saved.successMetrics, ['30% of repeat orders use reorder']);
    const items = await api.call<{ items: { title: string; initiativeId: string | null }[] }>(
      'GET',
      `/products/${productId}/backlog`,
    );
    assert.equal(items.items.find((i) => i.title === 'Reorder button on receipts')?.initiativeId, id);

    // A reload shows the same screen with the same values.
    await page.reload();
    await page.getByRole('heading', { name: 'One-click reorder from receipts', level: 1 }).waitFor();
    assert.equal(await page.getByLabel('Target date').inputValue(), '2026-06-30');
    assert.equal(await page.getByLabel('Grow repeat purchases').isChecked(), true);
    assert.deepEqual(await seriousA11yViolations(page), []);

    // The item opens in the side panel over this screen.
    await page.getByRole('link', { name: /Reorder button on receipts/ }).click();
    await page.waitForURL(/\/CHK-\d+$/);
    await page.getByRole('heading', { name: 'One-click reorder from receipts', level: 1 }).waitFor();
    await page.goBack();
    await page.waitForURL(/\/p\/CHK\/initiatives\//);

    // Trash, after a confirmation, lands back on the roadmap.
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await page.waitForURL('**/p/CHK/roadmap');
    await page.getByRole('status').filter({ hasText: 'moved to the trash.' }).waitFor();
    await eventually(
      async () => (await initiatives()).some((i) => i.id === id),
      (present) => !present,
      'the initiative in the trash',
    );
    // Undo brings it back, on the board too.
    await page.getByRole('button', { name: 'Undo' }).click();
    await card('One-click reorder from receipts').waitFor();
    await eventually(
      async () => (await initiatives()).some((i) => i.id === id),
      (present) => present,
      'the initiative restored',
    );
    assert.deepEqual(
      errors.filter((e) => !e.includes('Failed to load resource')),
      [],
    );
  });

  it('saves a second text and a new title while the first is still saving, without taking its own save for a conflict', async () => {
    const seeded = await seedInitiative({ title: 'Gift cards', horizon: 'next' });
    // The summary's save is held until the public summary has been saved too: a slow network, or a busy
    // server. Both are the same person's edits, so neither is a conflict.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = true;
    await page.route(`**/api/v1/initiatives/${seeded.id}`, async (route) => {
      if (route.request().method() === 'PATCH' && first) {
        first = false;
        await held;
      }
      await route.continue();
    });
    try {
      await page.goto(`/p/CHK/initiatives/${seeded.id}`);
      await page.getByRole('heading', { name: 'Gift cards', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Edit summary' }).click();
      await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('Sell gift cards at checkout.');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: 'Edit public summary' }).click();
      const publicSummary = page.getByRole('textbox', { name: 'Public summary', exact: true });
      await publicSummary.fill('Give Cairn Shop to a friend.');
      await publicSummary.press('Control+Enter');
      await page.getByText('Give Cairn Shop to a friend.').waitFor();
      // And a new title, begun while both are still saving (the rename starts from the version before them).
      await page.getByRole('button', { name: 'Rename' }).click();
      await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Gift cards for friends');
      await page.getByRole('textbox', { name: 'Title', exact: true }).press('Enter');
      await page.getByRole('heading', { name: 'Gift cards for friends', level: 1 }).waitFor();
      release();
      const saved = await eventually(
        () => initiative(seeded.id),
        (i) => i.publicSummary !== '' && i.summary !== '' && i.title !== 'Gift cards',
        'both texts and the title saved',
      );
      assert.equal(saved.title, 'Gift cards for friends');
      assert.equal(saved.summary, 'Sell gift cards at checkout.');
      assert.equal(saved.publicSummary, 'Give Cairn Shop to a friend.');
      assert.equal(await page.getByText('Your change was not saved').count(), 0);
    } finally {
      release();
      await page.unroute(`**/api/v1/initiatives/${seeded.id}`);
    }
  });
});
