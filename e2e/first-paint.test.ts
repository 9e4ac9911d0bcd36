/**
 * The server's first paint of a page: what a reader sees before the app's code has run (here, with no
 * JavaScript at all: the backlog's rows, an item's panel, the roadmap's cards, styled as the app's), and
 * the app taking over from it without the two ever showing together or the app missing anything.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  browserSuite,
  type Cairn,
  launchBrowser,
  type SeedApi,
  setupOwner,
  signedInContext,
  startCairn,
  watchErrors,
} from './support/harness.ts';

const SHOTS = process.env.FIRST_PAINT_SHOTS;

browserSuite('first paint', () => {
  let cairn: Cairn;
  let browser: Browser;
  let api: SeedApi;
  let noScript: BrowserContext;
  let context: BrowserContext;
  let storyMapPath = '';
  let mappedId = '';

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    const product = await api.call<{ id: string }>('POST', '/products', { key: 'FPT', name: 'Payments' });
    const theme = await api.call<{ id: string }>('POST', `/products/${product.id}/themes`, {
      name: 'Growth',
    });
    const initiative = await api.call<{ id: string }>('POST', `/products/${product.id}/initiatives`, {
      title: 'Faster checkout',
      horizon: 'now',
      confidence: 'committed',
      themeId: theme.id,
    });
    await api.call('POST', `/products/${product.id}/initiatives`, {
      title: 'Wallet payments',
      horizon: 'later',
      confidence: 'exploratory',
    });
    await api.call('POST', `/products/${product.id}/items`, {
      title: 'Save card for later',
      estimate: 3,
      labels: ['cards'],
      initiativeId: initiative.id,
      description: 'Cards are **tokenised** by the provider.',
      story: { asA: 'returning buyer', iWant: 'my card remembered', soThat: 'I pay faster' },
      acceptanceCriteria: [{ text: 'The card number is never stored', done: false }],
    });
    for (let i = 2; i <= 60; i++) {
      await api.call('POST', `/products/${product.id}/items`, {
        title: `Backlog item ${i}`,
        status: 'ready',
      });
    }
    // A story map: two activities, three steps, a slice on a release, and a story in each band.
    const release = await api.call<{ id: string }>('POST', `/products/${product.id}/releases`, {
      name: 'MVP',
    });
    const map = await api.call<{ id: string }>('POST', `/products/${product.id}/story-maps`, {
      name: 'Checkout journey',
    });
    type MapBody = { activities: { id: string }[]; steps: { id: string }[]; slices: { id: string }[] };
    const operate = (body: Record<string, unknown>) =>
      api.call<MapBody>('POST', `/story-maps/${map.id}/operations`, body);
    await operate({ op: 'addActivity', title: 'Choose' });
    let body = await operate({ op: 'addActivity', title: 'Pay' });
    const [choose, pay] = body.activities;
    assert.ok(choose && pay);
    await operate({ op: 'addStep', activityId: choose.id, title: 'Browse' });
    await operate({ op: 'addStep', activityId: pay.id, title: 'Enter card' });
    await operate({ op: 'addStep', activityId: pay.id, title: 'Confirm' });
    body = await operate({ op: 'addSlice', name: 'Walking skeleton', releaseId: release.id });
    const items = await api.call<{ items: { id: string; key: string }[] }>(
      'GET',
      `/products/${product.id}/items?limit=4`,
    );
    for (const [i, item] of items.items.entries()) {
      await operate({
        op: 'placeStory',
        itemId: item.id,
        stepId: body.steps[i % 3]?.id,
        ...(i % 2 === 0 ? { sliceId: body.slices[0]?.id } : {}),
      });
    }
    mappedId = items.items[0]?.id ?? '';
    storyMapPath = `/p/FPT/story-maps/${map.id}`;
    noScript = await signedInContext(browser, cairn.url, undefined, { javaScriptEnabled: false });
    context = await signedInContext(browser, cairn.url);
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await noScript?.close();
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  it('shows the backlog’s rows, an item and the roadmap before any script runs', async () => {
    const page = await noScript.newPage();
    await page.goto('/p/FPT/backlog');
    const row = page.locator('#first-paint [data-item-key="FPT-1"]');
    assert.equal(await row.isVisible(), true);
    assert.match((await row.textContent()) ?? '', /Save card for later.*cards.*Faster checkout.*Backlog.*3/);
    // Styled as the app's rows: one per 36 px line, the status chip coloured by the stylesheet.
    assert.equal((await row.boundingBox())?.height, 36);
    const rows = await page.locator('#first-paint [data-item-key]').count();
    assert.equal(rows, 40);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/backlog.png` });

    await page.goto('/FPT-1');
    const panel = page.locator('#first-paint .item-panel');
    assert.equal(await panel.isVisible(), true);
    assert.equal(await panel.locator('.item-key').textContent(), 'FPT-1');
    assert.equal(await panel.locator('.item-description strong').textContent(), 'tokenised');
    assert.match((await panel.textContent()) ?? '', /As a returning buyer, I want my card remembered/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/item.png` });

    await page.goto('/p/FPT/roadmap');
    const card = page.locator('#first-paint .initiative-card', { hasText: 'Faster checkout' });
    assert.equal(await card.isVisible(), true);
    // The board's own stylesheet came with the page: the cards sit in their horizon's column.
    const now = await page.locator('#first-paint .board-column-head.horizon-now').boundingBox();
    const later = await page.locator('#first-paint .board-column-head.horizon-later').boundingBox();
    const wallet = await page.locator('#first-paint .initiative-card', { hasText: 'Wallet' }).boundingBox();
    assert.ok(now && later && wallet);
    assert.ok(Math.abs(wallet.x - later.x) < Math.abs(wallet.x - now.x), 'Wallet payments sits under Later');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/roadmap.png` });

    await page.goto(storyMapPath);
    const mapped = page.locator(`#first-paint .sm-canvas [data-item="${mappedId}"]`);
    assert.equal(await mapped.isVisible(), true);
    assert.equal(await page.locator('#first-paint .sm-canvas [data-item]').count(), 4);
    assert.equal(await page.locator('#first-paint .sm-header h1').textContent(), 'Checkout journey');
    // The story map's stylesheet came with the page: steps side by side under their activity, 4 px apart.
    const browse = await page.locator('#first-paint .sm-step', { hasText: 'Browse' }).boundingBox();
    const enter = await page.locator('#first-paint .sm-step', { hasText: 'Enter card' }).boundingBox();
    const payHeader = await page.locator('#first-paint .sm-activity', { hasText: 'Pay' }).boundingBox();
    assert.ok(browse && enter && payHeader);
    assert.equal(enter.y, browse.y);
    assert.equal(enter.x - browse.x, 172);
    assert.equal(payHeader.x, enter.x);
    assert.equal(payHeader.width, 2 * 172 - 4);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/story-map.png` });
    await page.close();
  });

  it('hands over to the app, which then works as always', async () => {
    for (const [path, content] of [
      ['/p/FPT/backlog', '.backlog-body [data-item-key="FPT-1"]'],
      ['/FPT-1', '.item-panel .item-detail'],
      ['/p/FPT/roadmap', '.board [data-initiative-id]'],
      [storyMapPath, `.sm-board[data-pitch] [data-item="${mappedId}"]`],
    ] as const) {
      const page = await context.newPage();
      const errors = watchErrors(page);
      // Checked before every frame the page draws: were the first paint and the app's screen ever drawn
      // together (in the DOM together within one task, between two frames, is never seen)?
      await page.addInitScript(`
        window.__together = false;
        const check = () => {
          if (document.getElementById('first-paint') && document.querySelector(${JSON.stringify(`#root ${content}`)}))
            window.__together = true;
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      `);
      await page.goto(path);
      await page.locator(`#root ${content}`).first().waitFor();
      await page.locator('#first-paint').waitFor({ state: 'detached' });
      assert.equal(await page.evaluate('window.__together'), false, `${path}: both shown at once`);
      if (path === storyMapPath) {
        // The app's board alone is left: each card once, and the board the app can scroll and drag.
        assert.equal(await page.locator(`[data-item="${mappedId}"]`).count(), 1);
        assert.equal(await page.locator('.sm-canvas-static').count(), 0);
      }
      assert.deepEqual(errors, []);
      await page.close();
    }
    // The app is in charge: a click on a row opens its panel.
    const page = await context.newPage();
    await page.goto('/p/FPT/backlog');
    await page.locator('#root [data-item-key="FPT-2"] .title-text').click();
    await page.locator('.item-panel .item-key', { hasText: 'FPT-2' }).waitFor();
    assert.equal(await page.locator('#first-paint').count(), 0);
    await page.close();
  });
});
