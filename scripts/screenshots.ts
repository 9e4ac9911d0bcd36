/**
 * `npm run screenshots`: the README's pictures, taken from the running app on the demo product in Debian's
 * Chromium — the roadmap board, the timeline, the backlog, an item's detail panel, the running sprint with
 * its burndown, the sprint board, the reports and a shipped release's notes.
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, setupOwner, signedInContext, startCairn } from '../e2e/support/harness.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { openDatabase } from '../src/store/database.ts';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });

const cairn = await startCairn();
const browser = await launchBrowser();
// The server runs in its own process; the demo is loaded into its SQLite file from here (WAL: both may open it).
const database = openDatabase({ sqliteFile: cairn.sqliteFile });
try {
  await setupOwner(cairn.url);
  await loadDemo(database.db, { onlyIfEmpty: true });
  const context = await signedInContext(browser, cairn.url);
  await context.addInitScript("localStorage.setItem('cairn:lastProduct', 'CHK')");
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });

  const shoot = async (path: string, ready: string, file: string) => {
    await page.goto(path);
    await page.locator(ready).first().waitFor();
    await page.waitForTimeout(300); // let fonts and the live indicator settle
    await page.screenshot({ path: `${OUT}/${file}`, animations: 'disabled' });
    console.log(`${OUT}/${file}`);
  };
  await shoot('/p/CHK/roadmap', '[data-initiative-id]', 'roadmap.png');
  await shoot('/p/CHK/timeline?scale=month', '[data-initiative-id]', 'timeline.png');
  await shoot('/p/CHK/backlog', '[data-item-key]', 'backlog.png');
  await shoot('/CHK-12', '.item-panel h2', 'item-detail.png');

  const db = database.db;
  const active = await db
    .selectFrom('sprints')
    .select('id')
    .where('state', '=', 'active')
    .executeTakeFirstOrThrow();
  const shipped = await db
    .selectFrom('releases')
    .select('id')
    .where('name', '=', '3.5')
    .executeTakeFirstOrThrow();
  await shoot(`/p/CHK/sprints/${active.id}`, '.chart-svg', 'sprint.png');
  await shoot('/p/CHK/board', '.sb-card', 'board.png');
  await shoot('/p/CHK/reports', '.chart-svg', 'reports.png');
  await page.goto(`/p/CHK/releases/${shipped.id}`);
  const notes = page.locator('textarea').first();
  await notes.waitFor();
  await notes.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/release.png`, animations: 'disabled' });
  console.log(`${OUT}/release.png`);
  await context.close();
} finally {
  await database.close();
  await browser.close();
  await cairn.close();
}
