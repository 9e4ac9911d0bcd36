/** Health answers 200 only when the server can serve; 503 names what is missing. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/http/app.ts';
import type { Readiness } from '../../src/http/env.ts';
import { defaultAuthSettings } from '../../src/services/auth/settings.ts';
import { createLiveHub } from '../../src/services/live/create-live-hub.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`health (${dialect})`, () => {
    let database: TestDatabase;
    let webRoot: string;
    before(async () => {
      database = await createTestDatabase(dialect);
      webRoot = mkdtempSync(join(tmpdir(), 'cairn-web-'));
    });
    after(async () => {
      rmSync(webRoot, { recursive: true, force: true });
    });

    function appWith(options: { readiness?: Readiness; webRoot?: string }) {
      return createApp({
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
        ...options,
      });
    }

    async function health(app: ReturnType<typeof createApp>) {
      const response = await app.request('http://cairn.test/api/v1/health');
      return {
        status: response.status,
        body: (await response.json()) as { status: string; reason?: string },
      };
    }

    it('answers 503 with the reason while start-up work runs, then 200', async () => {
      const readiness: Readiness = { pending: 'loading the demo data' };
      const app = appWith({ readiness });
      assert.deepEqual(await health(app), {
        status: 503,
        body: { status: 'unavailable', reason: 'loading the demo data', database: dialect, version: 'test' },
      });
      readiness.pending = null;
      assert.equal((await health(app)).status, 200);
    });

    it('answers 503 while the web app it serves is not built', async () => {
      const app = appWith({ webRoot });
      const missing = await health(app);
      assert.equal(missing.status, 503);
      assert.match(missing.body.reason ?? '', /web app is not built/);
      writeFileSync(join(webRoot, 'index.html'), '<!doctype html>');
      assert.equal((await health(app)).status, 200);
    });

    it('answers 503 when the database does not answer', async () => {
      const app = appWith({});
      assert.equal((await health(app)).status, 200);
      await database.close();
      const down = await health(app);
      assert.equal(down.status, 503);
      assert.equal(down.body.reason, 'the database does not answer');
    });
  });
}
