/**
 * Sprints in a real browser: a team and a sprint are made on the sprint list, items are planned by drag and
 * by keyboard with the capacity warning and the not-ready reasons, the sprint starts (a second one of the
 * same team is refused with the server's reason), cards move on the board by drag and by keyboard past a
 * WIP limit, and the close sends leftovers to the next sprint and to the top of the backlog, with the report.
 * Every change made in the browser is checked through the API too.
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
  seedProduct,
  seriousA11yViolations,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

interface Item {
  id: string;
  key: string;
  status: string;
  sprintId: string | null;
}
interface Sprint {
  id: string;
  name: string;
  state: string;
  teamId: string | null;
  timezone: string;
  capacity: number | null;
  wipLimits: Record<string, number>;
}
interface Team {
  id: string;
  name: string;
  memberIds: string[];
}

/** The browser's zone, unlike the server's: a new sprint must default to it. */
const BROWSER_ZONE = 'Europe/Berlin';

browserSuite('sprints', () => {
  let cairn: Cairn;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: SeedApi;
  let productId: string;
  let ownerId: string;
  let sprintId: string;
  let nextSprintId: string;
  const ids = new Map<string, string>();

  const item = (key: string) => api.call<Item>('GET', `/items/${ids.get(key)}`);
  const sprint = (id: string) => api.call<{ sprint: Sprint }>('GET', `/sprints/${id}`).then((d) => d.sprint);
  /** A row of the planning screen's lists. */
  const planRow = (list: 'Backlog items not in a sprint' | 'Sprint items', key: string) =>
    page.getByRole('list', { name: list, exact: true }).locator(`[data-item-key="${key}"]`);
  const card = (key: string) => page.locator(`.sb-card[data-item-key="${key}"]`);
  const column = (status: string) => page.locator(`.sb-column[data-status="${status}"]`);

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    productId = (await seedProduct(api)).id;
    const users = await api.call<{ users: { id: string; email: string }[] }>('GET', '/users');
    ownerId = users.users.find((user) => user.email === OWNER.email)?.id ?? '';
    const criteria = [{ text: 'It works', done: false }];
    const seeds: [string, Record<string, unknown>][] = [
      ['Export orders as CSV', { estimate: 8, acceptanceCriteria: criteria }],
      ['Refund by card', { estimate: 13, acceptanceCriteria: criteria }],
      ['Pay later', { estimate: 8 }],
      ['Fix rounding of totals', { estimate: 5, acceptanceCriteria: criteria }],
      ['Gift cards', { acceptanceCriteria: criteria }],
      ['Dark mode', { estimate: 3, acceptanceCriteria: criteria }],
      ['Fraud checks', { estimate: 2, acceptanceCriteria: criteria }],
    ];
    // Tasks: the Definition of Ready asks stories for "As a … I want … so that …", which is not this test's point.
    for (const [title, fields] of seeds) {
      const created = await api.call<Item>('POST', `/products/${productId}/items`, {
        title,
        type: 'task',
        ...fields,
      });
      ids.set(created.key, created.id);
    }
    // CHK-3 waits on CHK-7, which is still open.
    await api.call('POST', `/items/${ids.get('CHK-3')}/dependencies`, { blockedBy: 'CHK-7' });

    context = await signedInContext(
      browser,
      cairn.url,
      { email: OWNER.email, password: OWNER.password },
      { timezoneId: BROWSER_ZONE },
    );
    page = await context.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  it('makes a team with a member, and plans its first sprint in the browser’s time zone', async () => {
    await page.goto('/p/CHK/sprints');
    await page.getByRole('heading', { name: 'No sprints yet' }).waitFor();
    await page.getByLabel('New team name').fill('Core');
    await page.getByRole('button', { name: 'Add team' }).click();
    // The new team becomes the one shown.
    await page.getByRole('button', { name: /^Core/, pressed: true }).waitFor();

    await page.getByRole('button', { name: 'Edit team Core' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit team Core' });
    await dialog.getByRole('checkbox', { name: new RegExp(OWNER.name) }).check();
    await dialog.getByRole('button', { name: 'Save team' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.team-list').getByText(OWNER.name).waitFor();
    const teams = await api.call<{ teams: Team[] }>('GET', `/products/${productId}/teams`);
    assert.equal(teams.teams.length, 1);
    assert.deepEqual(teams.teams[0]?.memberIds, [ownerId]);
    const teamId = teams.teams[0]?.id;

    const form = page.locator('form.sprint-form');
    assert.equal(await form.getByLabel('Name').inputValue(), 'Sprint 1');
    assert.equal(await form.getByLabel('Time zone').inputValue(), BROWSER_ZONE);
    await form.getByLabel('Goal').fill('Customers can pay and get refunds without calling us');
    await form.getByLabel('Capacity').fill('20');
    await form.getByRole('button', { name: 'Create sprint' }).click();

    await page.getByRole('heading', { name: 'Sprint 1', level: 1 }).waitFor();
    sprintId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const saved = await sprint(sprintId);
    assert.equal(saved.teamId, teamId);
    assert.equal(saved.timezone, BROWSER_ZONE);
    assert.equal(saved.capacity, 20);
    assert.equal(saved.state, 'planned');
  });

  it('plans items by drag and by keyboard, warns over capacity and names why items are not ready', async () => {
    await planRow('Backlog items not in a sprint', 'CHK-1').waitFor();
    await page.getByText('No items yet.').waitFor();

    // Drag from the backlog into the sprint.
    await planRow('Backlog items not in a sprint', 'CHK-1').dragTo(page.locator('[data-drop="sprint"]'));
    await planRow('Sprint items', 'CHK-1').waitFor();
    await eventually(async () => assert.equal((await item('CHK-1')).sprintId, sprintId));

    // The keyboard: the row's button, and the focus moves on to the next backlog row's button.
    const addRefund = page.getByRole('button', { name: 'Add to sprint: CHK-2' });
    await addRefund.focus();
    await page.keyboard.press('Enter');
    await planRow('Sprint items', 'CHK-2').waitFor();
    const nextButton = page.getByRole('button', { name: 'Add to sprint: CHK-3', exact: true });
    assert.equal(await nextButton.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('Enter');
    await planRow('Sprint items', 'CHK-3').waitFor();
    await eventually(async () => assert.equal((await item('CHK-3')).sprintId, sprintId));
    // CHK-3's reasons arrive with the sprint's refetched detail and make its row taller. Dragged before
    // they came, the next drag grabbed a row that moved down under the pointer between the press and the
    // drag's start (CHK-3 instead of CHK-4, seen in CI and caught by an event log and a screenshot).
    await planRow('Sprint items', 'CHK-3')
      .getByText(/Not ready: no acceptance criteria; blocked by CHK-7/)
      .waitFor();

    // 8 + 13 + 8 points against a capacity of 20, said in words.
    await page.getByText('29 of 20 points — 9 over capacity').waitFor();
    assert.equal(await page.locator('.capacity-meter.capacity-over').count(), 1);

    // Drag one in and back out again.
    await planRow('Backlog items not in a sprint', 'CHK-4').dragTo(page.locator('[data-drop="sprint"]'));
    await planRow('Sprint items', 'CHK-4').waitFor();
    // Saved before it is dragged back: the drag checks both ways of the move.
    await eventually(async () => assert.equal((await item('CHK-4')).sprintId, sprintId));
    await planRow('Sprint items', 'CHK-4').dragTo(page.locator('[data-drop="backlog"]'));
    await planRow('Backlog items not in a sprint', 'CHK-4').waitFor();
    await eventually(async () => assert.equal((await item('CHK-4')).sprintId, null));

    // The filter narrows the backlog; two more go in with their buttons.
    await page.getByLabel('Filter the backlog').fill('gift');
    await planRow('Backlog items not in a sprint', 'CHK-4').waitFor({ state: 'detached' });
    assert.equal(
      await page.getByRole('list', { name: 'Backlog items not in a sprint' }).locator('li').count(),
      1,
    );
    await page.getByRole('button', { name: 'Add to sprint: CHK-5' }).click();
    await page.getByLabel('Filter the backlog').fill('');
    await page.getByRole('button', { name: 'Add to sprint: CHK-6' }).click();
    await page.getByText('32 of 20 points — 12 over capacity').waitFor();
    await page.getByText('1 item has no estimate and counts as 0 points.').waitFor();

    // Not ready, with the reason (from the server, refetched as the sprint's items change).
    await planRow('Sprint items', 'CHK-3')
      .getByText(/Not ready: no acceptance criteria; blocked by CHK-7/)
      .waitFor();
    await planRow('Sprint items', 'CHK-5').getByText('Not ready: no estimate').waitFor();
    await page.getByText('2 of 5 items are not ready').waitFor();
    await page.getByText(/No velocity yet/).waitFor();

    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('starts the sprint, and refuses a second active sprint of the team with the reason', async () => {
    const second = await api.call<Sprint>('POST', `/products/${productId}/sprints`, {
      name: 'Sprint 2',
      teamId: (await sprint(sprintId)).teamId,
      startDate: '2030-01-14',
      endDate: '2030-01-25',
      capacity: 20,
    });
    nextSprintId = second.id;

    // Two of its items are not ready: the start asks first (e2e/guardrails.test.ts covers the dialog).
    await page.getByRole('button', { name: 'Start sprint' }).click();
    await page
      .getByRole('dialog', { name: 'Start Sprint 1' })
      .getByRole('button', { name: 'Start anyway' })
      .click();
    await page.locator('.sprint-title .sprint-state-active').waitFor();
    assert.equal((await sprint(sprintId)).state, 'active');
    await page.getByRole('region', { name: 'Burndown and burnup' }).waitFor();

    // Scope changes after the start show in the report: one added, one removed.
    await page.getByRole('button', { name: 'Add to sprint: CHK-4' }).click();
    await page.getByRole('button', { name: 'Remove from sprint: CHK-5' }).click();
    await eventually(async () => assert.equal((await item('CHK-5')).sprintId, null));
    await eventually(async () => assert.equal((await item('CHK-4')).sprintId, sprintId));

    await page.goto(`/p/CHK/sprints/${nextSprintId}`);
    await page.getByRole('heading', { name: 'Sprint 2', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Start sprint' }).click();
    await page
      .locator('.sprint-actions [role="alert"]')
      .filter({ hasText: /active/i })
      .waitFor();
    assert.equal((await sprint(nextSprintId)).state, 'planned');
  });

  it('moves cards on the board by drag and by keyboard, and warns past a WIP limit', async () => {
    await page.goto('/p/CHK/board');
    await card('CHK-1').waitFor();
    await page.getByText('Goal: Customers can pay and get refunds without calling us').waitFor();
    // The board's burndown: 32 points committed at the start, CHK-4 (5) added after it, nothing done yet.
    const burndown = page.locator('.sb-charts .chart-summary');
    await burndown.filter({ hasText: /^37 of 37 points remaining/ }).waitFor();

    await page.getByRole('button', { name: 'Set WIP limit of In progress' }).click();
    await page.getByLabel('WIP limit for In progress').fill('1');
    await page.getByLabel('WIP limit for In progress').press('Enter');
    await column('in_progress').getByText('0 / 1').waitFor();
    await eventually(async () => assert.deepEqual((await sprint(sprintId)).wipLimits, { in_progress: 1 }));

    // Drag a card from To do to In progress.
    await card('CHK-1').dragTo(column('in_progress'));
    await column('in_progress').locator('[data-item-key="CHK-1"]').waitFor();
    await eventually(async () => assert.equal((await item('CHK-1')).status, 'in_progress'));
    assert.equal(await column('in_progress').locator('.sb-wip-warning').count(), 0);

    // Alt+→ twice: To do → Ready → In progress, past the limit of 1.
    await card('CHK-2').getByRole('link').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await column('ready').locator('[data-item-key="CHK-2"]').waitFor();
    await page.keyboard.press('Alt+ArrowRight');
    await column('in_progress').locator('[data-item-key="CHK-2"]').waitFor();
    await column('in_progress').getByText('2 / 1').waitFor();
    await column('in_progress').getByText('Over the WIP limit of 1').waitFor();
    await eventually(async () => assert.equal((await item('CHK-2')).status, 'in_progress'));
    assert.equal(new URL(page.url()).pathname, '/p/CHK/board', 'Alt+← / Alt+→ must not navigate');
    await card('CHK-3').locator('.sb-not-ready').waitFor();

    // CHK-1 on to Done with the keyboard (the focus stays on the moved card).
    await card('CHK-1').getByRole('link').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await column('done').locator('[data-item-key="CHK-1"]').waitFor();
    await eventually(async () => assert.equal((await item('CHK-1')).status, 'done'));
    assert.equal(await column('in_progress').locator('.sb-wip-warning').count(), 0);
    // The burndown follows: CHK-1's 8 points are burnt down.
    await burndown.filter({ hasText: /^29 of 37 points remaining/ }).waitFor();
    await page.getByText('8 of 37 points done').waitFor();

    assert.deepEqual(await seriousA11yViolations(page), []);

    // A click opens the item over the board.
    await card('CHK-6').getByRole('link').click();
    await page.waitForURL(/\/CHK-6$/);
    const panel = page.getByRole('complementary', { name: 'Item CHK-6' });
    await panel.getByLabel('Title').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/p\/CHK\/board$/);
    await panel.waitFor({ state: 'detached' });
  });

  it('closes the sprint with leftovers to the next sprint and to the backlog top, and shows the report', async () => {
    await page.getByRole('link', { name: 'Sprint 1' }).click();
    await page.getByRole('heading', { name: 'Sprint 1', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Close sprint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close Sprint 1' });
    await dialog.getByText('4 items are not done.').waitFor();
    await dialog.getByRole('button', { name: 'All to next sprint' }).click();
    await dialog.getByRole('group', { name: /CHK-6/ }).getByLabel('Backlog top').check();
    // The planned Sprint 2 is the default next sprint.
    assert.equal(await dialog.getByLabel('Which sprint is next').inputValue(), nextSprintId);
    await dialog.getByRole('button', { name: 'Close sprint' }).click();
    await dialog.waitFor({ state: 'detached' });

    const report = page.locator('.sprint-report');
    await report.getByRole('heading', { name: 'Sprint report' }).waitFor();
    await report.getByText('8 of 32 committed points completed.').waitFor();
    // A heading's name carries its count: "Completed 1 item · 8 points".
    const section = async (name: RegExp) =>
      (await report
        .locator('section')
        .filter({ has: page.getByRole('heading', { name }) })
        .textContent()) ?? '';
    assert.match(await section(/^Completed/), /CHK-1/);
    const notCompleted = await section(/^Not completed/);
    assert.match(notCompleted, /CHK-2.*moved to the next sprint/);
    assert.match(notCompleted, /CHK-6.*moved to the top of the backlog/);
    assert.doesNotMatch(notCompleted, /CHK-1\b/);
    assert.match(await section(/^Added after start/), /CHK-4/);
    assert.match(await section(/^Removed/), /CHK-5/);
    await page.locator('.sprint-title .sprint-state-closed').waitFor();

    assert.equal((await sprint(sprintId)).state, 'closed');
    for (const key of ['CHK-2', 'CHK-3', 'CHK-4'])
      assert.equal((await item(key)).sprintId, nextSprintId, key);
    assert.equal((await item('CHK-6')).sprintId, null);
    assert.equal((await item('CHK-1')).sprintId, sprintId);
    const backlog = await api.call<{ items: Item[] }>('GET', `/products/${productId}/backlog`);
    assert.equal(backlog.items[0]?.key, 'CHK-6', 'a leftover sent to the backlog goes to its top');

    // The sprint list shows both sprints of the team.
    await page.getByRole('link', { name: '← Sprints' }).click();
    await page.getByRole('link', { name: 'Sprint 2' }).waitFor();
    await page.getByText('8 of 32 committed points done').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    // The refused start of a second active sprint is the one failed request (the browser logs it).
    assert.deepEqual(
      errors.filter((e) => !e.includes('409')),
      [],
    );
  });
});
