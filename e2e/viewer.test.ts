/**
 * A viewer in a real browser: every screen shows the product, and none offers a way to change it — no add
 * buttons, no drag handles, no editable fields — and the keyboard shortcuts that edit do nothing.
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
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

const VIEWER = { name: 'Vera Viewer', email: 'vera@example.com', password: 'quiet lantern meadow 42' };

/** Buttons that change something, by the words they start with. */
const EDIT_BUTTON =
  /^(\+\s*)?(add|new|create|edit|rename|move to trash|delete|remove|schedule|start|close sprint|plan|generate|publish)\b/i;

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

browserSuite('a viewer', () => {
  let cairn: Cairn;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: SeedApi;
  let initiativeId: string;
  let sprintId: string;
  let releaseId: string;

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    const product = await seedProduct(api);
    const theme = await api.call<{ id: string }>('POST', `/products/${product.id}/themes`, {
      name: 'Payments',
      color: '#2563eb',
    });
    initiativeId = (
      await api.call<{ id: string }>('POST', `/products/${product.id}/initiatives`, {
        title: 'Faster checkout',
        horizon: 'now',
        themeId: theme.id,
        startDate: day(-10),
        targetDate: day(40),
      })
    ).id;
    await api.call('POST', `/products/${product.id}/initiatives`, { title: 'Gift cards', horizon: 'later' });
    const team = await api.call<{ id: string }>('POST', `/products/${product.id}/teams`, { name: 'Core' });
    sprintId = (
      await api.call<{ id: string }>('POST', `/products/${product.id}/sprints`, {
        name: 'Sprint 1',
        teamId: team.id,
        startDate: day(-2),
        endDate: day(11),
        timezone: 'UTC',
      })
    ).id;
    for (let n = 1; n <= 4; n += 1) {
      await api.call('POST', `/products/${product.id}/items`, {
        title: `Item number ${n}`,
        estimate: n,
        initiativeId,
        ...(n <= 2 ? { sprintId } : {}),
      });
    }
    await api.call('POST', `/sprints/${sprintId}/start`, {});
    releaseId = (await api.call<{ id: string }>('POST', `/products/${product.id}/releases`, { name: '2.4' }))
      .id;
    const user = await api.call<{ id: string }>('POST', '/users', { ...VIEWER, role: 'viewer' });
    await api.call('PUT', `/products/${product.id}/members/${user.id}`);

    context = await signedInContext(browser, cairn.url, VIEWER);
    page = await context.newPage();
    errors = watchErrors(page);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  /** Asserts the visible part of `scope` offers no edit: no edit buttons, no drag, no enabled fields. */
  async function assertNoEditControls(where: string, scope = 'main, .side-panel'): Promise<void> {
    // Runs in the page, written without inner functions: the test's compiler would wrap those in a helper
    // the page does not have.
    const offered = await page.evaluate(
      ({ scope, pattern }) => {
        const edit = new RegExp(pattern, 'i');
        const found: string[] = [];
        for (const root of document.querySelectorAll(scope)) {
          for (const button of root.querySelectorAll('button')) {
            const name = (button.getAttribute('aria-label') ?? button.textContent ?? '').trim();
            if (button.offsetParent !== null && !button.matches(':disabled') && edit.test(name))
              found.push(`button "${name}"`);
          }
          for (const element of root.querySelectorAll('[draggable="true"], .drag-handle, .tl-handle')) {
            if ((element as HTMLElement).offsetParent !== null) found.push(`draggable ${element.className}`);
          }
          // Filters, scale switches and the search are for reading; every other field must be closed.
          for (const field of root.querySelectorAll('input, select, textarea')) {
            const control = field as HTMLInputElement;
            if (control.offsetParent === null || control.matches(':disabled') || control.readOnly) continue;
            if (control.closest('search, .roadmap-filters, .tl-scale')) continue;
            if (control.type === 'search') continue;
            found.push(
              `field ${control.tagName.toLowerCase()} "${control.getAttribute('aria-label') ?? control.name}"`,
            );
          }
        }
        return found;
      },
      { scope, pattern: EDIT_BUTTON.source },
    );
    assert.deepEqual(offered, [], `${where} offers a viewer edit controls`);
  }

  it('sees the backlog without quick add, drag handles or inline edits, and its edit keys do nothing', async () => {
    await page.goto('/p/CHK/backlog');
    await page.locator('tr[data-item-key="CHK-1"]').waitFor();
    await page.getByText('Read-only').waitFor();
    await assertNoEditControls('the backlog');

    const rankBefore = (await api.call<{ rank: string }>('GET', '/items/CHK-2')).rank;
    const row = page.locator('tr[data-item-key="CHK-2"]');
    await row.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('e');
    await page.keyboard.press('F2');
    await page.keyboard.press('c');
    assert.equal(await page.getByRole('textbox', { name: /title/i }).count(), 0, 'no title editor opened');
    const keys = await page
      .locator('tr[data-item-key]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-key')));
    assert.deepEqual(keys.slice(0, 2), ['CHK-1', 'CHK-2'], 'Alt+↑ did not reorder');
    const after = await api.call<{ title: string; rank: string }>('GET', '/items/CHK-2');
    assert.equal(after.rank, rankBefore, 'Alt+↑ did not move the item');
    assert.equal(after.title, 'Item number 2');

    // No selection: it would only open bulk changes the server refuses a viewer.
    const grid = page.getByRole('grid', { name: 'Backlog items in rank order' });
    assert.equal(await grid.getByRole('checkbox').count(), 0, 'no selection boxes, not even "select all"');
    assert.equal(await grid.getAttribute('aria-multiselectable'), 'false');
    await row.focus();
    await page.keyboard.press('x');
    await page.locator('tr[data-item-key="CHK-3"] .cell-key').click({ modifiers: ['Shift'] });
    await page.locator('tr[data-item-key="CHK-4"] .cell-key').click({ modifiers: ['ControlOrMeta'] });
    await page.locator('.item-panel').getByRole('textbox', { name: 'Title' }).waitFor();
    assert.equal(await page.locator('.bulk-bar').count(), 0, 'no bulk bar');
    assert.equal(await page.locator('tr[aria-selected="true"]').count(), 0, 'no row selected');
  });

  it('sees an item in its panel with every field closed and no trash', async () => {
    await page.goto('/CHK-1');
    const panel = page.locator('.item-panel');
    await panel.getByRole('textbox', { name: 'Title' }).waitFor();
    await assertNoEditControls('the item panel', '.side-panel');
    assert.equal(await panel.getByRole('textbox', { name: 'Title' }).isEditable(), false);
    assert.equal(await panel.getByRole('combobox').first().isDisabled(), true);
    assert.equal(await panel.getByRole('button', { name: 'Move to trash' }).count(), 0);
    await panel.getByRole('textbox', { name: 'Title' }).focus();
    await page.keyboard.type('changed');
    await page.keyboard.press('Enter');
    assert.equal((await api.call<{ title: string }>('GET', '/items/CHK-1')).title, 'Item number 1');
  });

  it('sees the roadmap without add buttons or draggable cards', async () => {
    await page.goto('/p/CHK/roadmap');
    await page.getByRole('link', { name: 'Faster checkout' }).waitFor();
    await assertNoEditControls('the roadmap');
    await page.getByRole('link', { name: 'Faster checkout' }).focus();
    await page.keyboard.press('Alt+ArrowRight');
    const initiative = await api.call<{ horizon: string }>('GET', `/initiatives/${initiativeId}`);
    assert.equal(initiative.horizon, 'now', 'Alt+→ did not move the card');
  });

  it('sees the timeline without drag handles, and its bars do not move', async () => {
    await page.goto('/p/CHK/timeline');
    const bar = page.locator(`.tl-bar[data-initiative-id="${initiativeId}"]`);
    await bar.waitFor();
    await assertNoEditControls('the timeline');
    await bar.focus();
    await page.keyboard.press('Alt+ArrowRight');
    const box = await bar.boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const initiative = await api.call<{ startDate: string }>('GET', `/initiatives/${initiativeId}`);
    assert.equal(initiative.startDate, day(-10), 'neither the keys nor a drag moved the bar');
  });

  it('sees an initiative with its fields closed, no rename and no trash', async () => {
    await page.goto(`/p/CHK/initiatives/${initiativeId}`);
    await page.getByRole('heading', { name: 'Faster checkout' }).waitFor();
    await assertNoEditControls('the initiative');
    await page.getByRole('heading', { name: 'Faster checkout' }).click();
    assert.equal(await page.getByRole('textbox', { name: 'Title' }).count(), 0, 'a click does not rename');
  });

  it('sees the sprints, a sprint, the board and the releases without edit controls', async () => {
    await page.goto('/p/CHK/sprints');
    await page
      .getByRole('link', { name: /Sprint 1/ })
      .first()
      .waitFor();
    await assertNoEditControls('the sprints');

    await page.goto(`/p/CHK/sprints/${sprintId}`);
    await page
      .getByRole('heading', { name: /Sprint 1/ })
      .first()
      .waitFor();
    await assertNoEditControls('the sprint');

    await page.goto('/p/CHK/board');
    await page.getByText('Item number 1').first().waitFor();
    await assertNoEditControls('the board');

    await page.goto('/p/CHK/releases');
    await page.getByRole('link', { name: '2.4' }).waitFor();
    await assertNoEditControls('the releases');

    await page.goto(`/p/CHK/releases/${releaseId}`);
    await page.getByRole('heading', { name: /2\.4/ }).first().waitFor();
    await assertNoEditControls('the release');
  });

  it('never hit a page error', () => {
    assert.deepEqual(errors, []);
  });
});
