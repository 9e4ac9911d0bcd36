/**
 * Backlog interactions timed inside the page: from the input event's own timestamp (keydown, change or
 * input, as the browser stamped it) to the animation frame in which the result is on screen. The check
 * runs in a requestAnimationFrame loop started by the event itself, so the driver's round trips are not
 * counted. Rows are found by their data-item-key attributes.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { type Summary, summarize } from './stats.ts';

export interface InteractionResults {
  keyboardReorderMs: Summary;
  statusChangeMs: Summary;
  titleEditMs: Summary;
  textFilterMs: Summary;
  maxDomRows: number;
}

/**
 * Arms a one-shot timer: the next `eventType` event starts it, and it stops at the first animation frame
 * in which `predicate` (a JS expression evaluated in the page) is true. Resolves with the milliseconds.
 */
async function timeNext(
  page: Page,
  eventType: string,
  predicate: string,
  act: () => Promise<void>,
): Promise<number> {
  await page.evaluate(
    `(() => {
      window.__benchResult = new Promise((resolve) => {
        const onEvent = (event) => {
          window.removeEventListener(${JSON.stringify(eventType)}, onEvent, true);
          const started = event.timeStamp;
          const check = () => {
            if (${predicate}) resolve(performance.now() - started);
            else requestAnimationFrame(check);
          };
          // After the app's own handlers have run (this listener is in the capture phase).
          setTimeout(check, 0);
        };
        window.addEventListener(${JSON.stringify(eventType)}, onEvent, true);
      });
    })()`,
  );
  await act();
  return Number(await page.evaluate('window.__benchResult'));
}

const row = (key: string) => `document.querySelector('[data-item-key="${key}"]')`;

async function rowKeys(page: Page, count: number): Promise<string[]> {
  return page.evaluate(
    `[...document.querySelectorAll('[data-item-key]')].slice(0, ${count}).map((r) => r.dataset.itemKey)`,
  ) as Promise<string[]>;
}

export async function measureInteractions(
  context: BrowserContext,
  productKey: string,
  runs: number,
): Promise<InteractionResults> {
  const page = await context.newPage();
  await page.goto(`/p/${productKey}/backlog`);
  await page.locator('[data-item-key]').first().waitFor();
  const keys = await rowKeys(page, 12);
  const target = keys[3];
  if (!target) throw new Error('the backlog shows too few rows to measure');

  // Keyboard reorder: Alt+↓ then Alt+↑ on the same row, alternating, each timed to the moved frame.
  const reorder: number[] = [];
  await page.evaluate(`${row(target)}.focus()`);
  for (let i = 0; i < runs; i++) {
    const before = await page.evaluate(`${row(target)}.style.transform`);
    const key = i % 2 === 0 ? 'Alt+ArrowDown' : 'Alt+ArrowUp';
    reorder.push(
      await timeNext(page, 'keydown', `${row(target)}?.style.transform !== ${JSON.stringify(before)}`, () =>
        page.keyboard.press(key),
      ),
    );
    await page.waitForTimeout(30); // let the background save go out before the next move
  }

  // Status change through the row's select (as a mouse or keyboard user does).
  const statusKey = keys[5] ?? target;
  const statuses = ['in_progress', 'ready', 'in_review', 'backlog'];
  const status: number[] = [];
  for (let i = 0; i < runs; i++) {
    const next = statuses[i % statuses.length] ?? 'ready';
    const select = page.getByLabel(`Status of ${statusKey}`, { exact: true });
    status.push(
      await timeNext(
        page,
        'change',
        `${row(statusKey)}.querySelector('select').style.getPropertyValue('--chip-color').includes('${next}')`,
        () => select.selectOption(next).then(() => undefined),
      ),
    );
    await page.waitForTimeout(30);
  }

  // Inline title edit: e, type, Enter → the row shows the new title.
  const titleKey = keys[7] ?? target;
  const titles: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(`${row(titleKey)}.focus()`);
    await page.keyboard.press('e');
    const input = page.locator(
      `[data-item-key="${titleKey}"] input[type="text"], [data-item-key="${titleKey}"] .cell-title input`,
    );
    await input.first().waitFor();
    const title = `Benchmark title ${i}`;
    await input.first().fill(title);
    titles.push(
      await timeNext(
        page,
        'keydown',
        `${row(titleKey)}?.querySelector('.title-text')?.textContent === ${JSON.stringify(title)}`,
        () => page.keyboard.press('Enter'),
      ),
    );
    await page.waitForTimeout(30);
  }

  // Text filter: one word typed into the filter (one input event) → the count of shown items changes.
  const words = [
    'refund',
    'webhook',
    'invoice',
    'coupon',
    'avatar',
    'ledger',
    'voucher',
    'tax',
    'cart',
    'login',
  ];
  const filter = page.getByLabel('Filter by text');
  const filtering: number[] = [];
  for (let i = 0; i < runs; i++) {
    await filter.fill('');
    const before = await page.evaluate(`document.querySelector('.backlog-count').textContent`);
    const word = words[i % words.length] ?? 'cart';
    filtering.push(
      await timeNext(
        page,
        'input',
        `document.querySelector('.backlog-count')?.textContent !== ${JSON.stringify(before)}`,
        () => filter.fill(word),
      ),
    );
  }
  await filter.fill('');

  // Scrolling through all rows: the DOM never holds more than a window of them.
  const maxDomRows = Number(
    await page.evaluate(`(async () => {
      const box = document.querySelector('.backlog-scroll');
      let max = 0;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let top = 0; top <= box.scrollHeight; top += Math.max(box.clientHeight * 3, 2000)) {
        box.scrollTop = top;
        await frame();
        await frame();
        max = Math.max(max, document.querySelectorAll('[data-item-key]').length);
      }
      return max;
    })()`),
  );
  await page.close();
  return {
    keyboardReorderMs: summarize(reorder),
    statusChangeMs: summarize(status),
    titleEditMs: summarize(titles),
    textFilterMs: summarize(filtering),
    maxDomRows,
  };
}
