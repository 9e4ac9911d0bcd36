/**
 * Readiness and roadmap flags in a real browser: the backlog's Ready / Not ready marks with every failing
 * rule, the item panel's readiness section, both following a fix live; the planning list's marks; and the
 * roadmap's flags from drift, "No work", an overdue external dependency and the forecast ("At risk").
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import SQLite from 'better-sqlite3';
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

/** A calendar day n days from today (UTC, as the server counts "today"). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const STORY_REASON = 'not written as "As a …, I want … so that …"';
const READY = 'Ready: passes the Definition of Ready';

browserSuite('readiness and roadmap flags', () => {
  let cairn: Cairn;
  let browser: Browser;
  let context: BrowserContext;
  let api: SeedApi;
  let productId: string;
  const keys = new Map<string, string>();

  const createItem = async (name: string, input: Record<string, unknown>) => {
    const item = await api.call<{ id: string; key: string }>('POST', `/products/${productId}/items`, input);
    keys.set(name, item.key);
    return item;
  };
  const createInitiative = (input: Record<string, unknown>) =>
    api.call<{ id: string }>('POST', `/products/${productId}/initiatives`, input);
  const key = (name: string) => keys.get(name) ?? assert.fail(`no item ${name}`);
  const row = (page: Page, name: string) => page.locator(`.backlog-body [data-item-key="${key(name)}"]`);
  const cardBox = (page: Page, title: string) =>
    page.locator('.initiative-card').filter({ has: page.getByRole('link', { name: title, exact: true }) });

  before(async () => {
    cairn = await startCairn();
    browser = await launchBrowser();
    api = await setupOwner(cairn.url);
    productId = (await api.call<{ id: string }>('POST', '/products', { key: 'RDY', name: 'Readiness' })).id;
    context = await signedInContext(browser, cairn.url, { email: OWNER.email, password: OWNER.password });

    // Past its target, in "now", with open work and nothing in progress: two drift findings.
    const overdue = await createInitiative({
      title: 'Faster checkout',
      horizon: 'now',
      status: 'active',
      startDate: dayFromToday(-60),
      targetDate: dayFromToday(-10),
    });
    await createInitiative({ title: 'Gift cards', horizon: 'next' });
    const payouts = await createInitiative({ title: 'Partner payouts', horizon: 'next' });

    await createItem('ready', {
      title: 'Receipt emails',
      type: 'task',
      estimate: 2,
      acceptanceCriteria: [{ text: 'A receipt arrives within a minute', done: false }],
      initiativeId: overdue.id,
    });
    await createItem('bare', { title: 'Gift card balance page', type: 'story', initiativeId: overdue.id });
    const waiting = await createItem('waiting', {
      title: 'Pay out partners weekly',
      type: 'task',
      estimate: 3,
      acceptanceCriteria: [{ text: 'Partners are paid every Monday', done: false }],
      initiativeId: payouts.id,
    });
    await api.call('POST', `/items/${waiting.id}/external-dependencies`, {
      title: 'Bank API contract',
      owner: 'Finance',
      expectedDate: dayFromToday(-5),
    });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await cairn?.close();
  });

  it('marks each backlog row Ready or Not ready with every rule it fails, and follows a fix live', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/RDY/backlog');
    await page.getByRole('grid', { name: 'Backlog items in rank order' }).waitFor();

    const readyMark = row(page, 'ready').getByRole('img', { name: READY, exact: true });
    await readyMark.waitFor();
    assert.equal(await readyMark.getAttribute('title'), READY);
    const bareName = `Not ready: no estimate; no acceptance criteria; ${STORY_REASON}`;
    const bareMark = row(page, 'bare').getByRole('img', { name: bareName, exact: true });
    await bareMark.waitFor();
    assert.equal(await bareMark.getAttribute('title'), bareName);
    // Blocked by an external dependency past its date: not ready, and flagged in words.
    await row(page, 'waiting')
      .getByRole('img', { name: /^Not ready: waiting on "Bank API contract" \(external\)$/ })
      .waitFor();
    await row(page, 'waiting').getByText('Overdue dependency').waitFor();
    assert.equal(await row(page, 'bare').getByText('Overdue dependency').count(), 0);
    assert.deepEqual(await seriousA11yViolations(page), []);

    // The item panel lists each failing rule.
    await row(page, 'bare').locator('.title-text').click();
    const panel = page.getByRole('complementary', { name: `Item ${key('bare')}` });
    const reasons = panel.getByRole('list', { name: 'Rules of the Definition of Ready it fails' });
    await reasons.waitFor();
    assert.deepEqual(await reasons.getByRole('listitem').allInnerTexts(), [
      '⚠ no estimate',
      '⚠ no acceptance criteria',
      `⚠ ${STORY_REASON}`,
    ]);
    await panel.getByText('Not ready: 3 rules fail').waitFor();
    assert.deepEqual(await seriousA11yViolations(page, { scope: '.item-panel' }), []);

    // An estimate entered in the panel takes its reason away, in the panel and on the row.
    const estimate = panel.getByLabel('Estimate (points)');
    await estimate.fill('5');
    await estimate.press('Enter');
    await eventually(async () => {
      assert.deepEqual(await reasons.getByRole('listitem').allInnerTexts(), [
        '⚠ no acceptance criteria',
        `⚠ ${STORY_REASON}`,
      ]);
    }, 5000);
    await row(page, 'bare')
      .getByRole('img', { name: `Not ready: no acceptance criteria; ${STORY_REASON}`, exact: true })
      .waitFor({ timeout: 5000 });

    // The rest fixed elsewhere (through the API): the live stream brings "Ready" here too.
    await api.call('PATCH', `/items/${key('bare')}`, {
      acceptanceCriteria: [{ text: 'The balance shows to the cent', done: false }],
      story: { asA: 'gift card holder', iWant: 'to see my balance', soThat: 'I know what I can buy' },
    });
    await panel.getByText(READY).waitFor({ timeout: 5000 });
    assert.equal(await panel.locator('.item-readiness .section-heading .hint').textContent(), 'Ready');
    await row(page, 'bare').getByRole('img', { name: READY, exact: true }).waitFor({ timeout: 5000 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('marks the backlog candidates of sprint planning, and counts the ready ones', async () => {
    const sprint = await api.call<{ id: string }>('POST', `/products/${productId}/sprints`, {
      name: 'Sprint 1',
      startDate: dayFromToday(1),
      endDate: dayFromToday(14),
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`/p/RDY/sprints/${sprint.id}`);
    const candidates = page.getByRole('list', { name: 'Backlog items not in a sprint', exact: true });
    const candidate = (name: string) => candidates.locator(`[data-item-key="${key(name)}"]`);
    await candidate('ready').getByRole('img', { name: READY, exact: true }).waitFor();
    await candidate('waiting')
      .getByRole('img', { name: /^Not ready: waiting on "Bank API contract"/ })
      .waitFor();
    await page.getByText('3 to plan · 2 ready').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('flags initiatives on the roadmap: drift, no work, an overdue dependency', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/RDY/roadmap');
    const checkout = cardBox(page, 'Faster checkout').getByRole('list', { name: 'Flags of Faster checkout' });
    await checkout.getByText('Past target with open work').waitFor();
    await checkout.getByText('Nothing in progress').waitFor();
    const pastTarget = checkout.locator('[data-flag="past_target"]');
    assert.match((await pastTarget.getAttribute('title')) ?? '', /was due .* and still has 2 open items/);
    await cardBox(page, 'Gift cards').getByText('No work').waitFor();
    const payouts = cardBox(page, 'Partner payouts').locator('[data-flag="waiting_overdue"]');
    await payouts.getByText('Overdue dependency').waitFor();
    assert.match(
      (await payouts.getAttribute('title')) ?? '',
      /^Waiting on an overdue external dependency: Bank API contract \(expected /,
    );
    // A finding gone is a flag gone: work started on "Faster checkout" ends "Nothing in progress".
    await api.call('PATCH', `/items/${key('ready')}`, { status: 'in_progress' });
    await checkout.getByText('Nothing in progress').waitFor({ state: 'detached', timeout: 5000 });
    await checkout.getByText('Past target with open work').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);

    // The timeline shows the same flags beside the initiative's title, named for a screen reader.
    await page.goto('/p/RDY/timeline');
    await page
      .locator('.tl-label')
      .getByRole('img', { name: /^Past target with open work: "Faster checkout" was due/ })
      .waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('flags an initiative At risk when its 85 % date is after its target date', async () => {
    // This suite starts Cairn on SQLite: backdating completions writes to its file.
    const file = cairn.sqliteFile;
    assert.ok(file, 'the suite runs Cairn on its embedded database');
    const loyalty = await createInitiative({
      title: 'Loyalty points',
      horizon: 'now',
      status: 'active',
      targetDate: dayFromToday(7),
    });
    // 40 open items against 12 completed over the last 30 days (0.4 a day): months of work, due in a week.
    const open = Array.from({ length: 40 }, (_, i) => ({ title: `Loyalty task ${i + 1}`, type: 'task' }));
    await Promise.all(
      open.map((input) =>
        api.call('POST', `/products/${productId}/items`, { ...input, initiativeId: loyalty.id }),
      ),
    );
    const done: string[] = [];
    for (let i = 0; i < 12; i++) {
      const item = await api.call<{ id: string }>('POST', `/products/${productId}/items`, {
        title: `Shipped ${i + 1}`,
        type: 'task',
      });
      await api.call('PATCH', `/items/${item.id}`, { status: 'done' });
      done.push(item.id);
    }
    // Completions are read from the events with their real times: move them back into the history window
    // (today is never part of it), as weeks of past work would have left them.
    const db = new SQLite(file);
    try {
      db.pragma('busy_timeout = 5000');
      const backdate = db.prepare(
        `UPDATE events SET at = ? WHERE entity_type = 'item' AND entity_id = ? AND changes LIKE '%"status":[%"done"]%'`,
      );
      done.forEach((id, i) => {
        const changed = backdate.run(
          new Date(Date.now() - (30 - 2 * i) * 86_400_000).toISOString(),
          id,
        ).changes;
        assert.equal(changed, 1, `the completion event of item ${i + 1}`);
      });
    } finally {
      db.close();
    }
    const forecast = await api.call<{ initiatives: { id: string; atRisk: boolean; p85: string | null }[] }>(
      'GET',
      `/products/${productId}/forecast`,
    );
    const outlook = forecast.initiatives.find((i) => i.id === loyalty.id);
    assert.equal(outlook?.atRisk, true, JSON.stringify(outlook));

    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/p/RDY/roadmap');
    const flag = cardBox(page, 'Loyalty points').locator('[data-flag="at_risk"]');
    await flag.getByText('At risk').waitFor();
    const title = (await flag.getAttribute('title')) ?? '';
    assert.match(
      title,
      /^85 % likely to be done by .+, after its target of .+ \(\d+ % chance of making it\)$/,
    );
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
