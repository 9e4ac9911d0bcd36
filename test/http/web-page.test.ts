/** The web app's page: served for every screen's address, with a CSP that lets only its own inline script run. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/http/app.ts';
import { defaultAuthSettings } from '../../src/services/auth/settings.ts';
import { createLiveHub } from '../../src/services/live/create-live-hub.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';

const BOOT = 'window.__cairnBoot={sentAt:Date.now(),answers:new Map()};';
const PAGE = `<!doctype html><head><script>${BOOT}</script><script type="module" src="/assets/index.js"></script></head>`;

for (const dialect of DIALECTS) {
  describe(`the web app's page (${dialect})`, () => {
    let database: TestDatabase;
    let webRoot: string;
    before(async () => {
      database = await createTestDatabase(dialect);
      webRoot = mkdtempSync(join(tmpdir(), 'cairn-web-'));
      writeFileSync(join(webRoot, 'index.html'), PAGE);
    });
    after(async () => {
      await database.close();
      rmSync(webRoot, { recursive: true, force: true });
    });

    const app = () =>
      createApp({
        db: database.db,
        dialect,
        version: 'test',
        auth: defaultAuthSettings,
        publicOrigin: 'http://cairn.test',
        corsOrigins: [],
        trustProxy: false,
        bodyLimitBytes: 1024 * 1024,
        live: createLiveHub({ database, log: () => {} }),
        log: () => {},
        webRoot,
      });

    it('allows its inline boot script by hash, and no other inline script', async () => {
      const response = await app().request('http://cairn.test/p/CHK/backlog', {
        headers: { accept: 'text/html' },
      });
      assert.equal(response.status, 200);
      assert.equal(await response.text(), PAGE);
      const policy = response.headers.get('content-security-policy') ?? '';
      const hash = createHash('sha256').update(BOOT).digest('base64');
      assert.match(policy, new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'(;|$)`));
      assert.doesNotMatch(policy, /unsafe-inline/);
      assert.match(policy, /frame-ancestors 'none'/);
    });
    // That it is the one a browser gets, and API answers the plain policy: secure-response.test.ts.
  });
}
