/**
 * Hono's SmartRouter picks its one-regular-expression router only while every route fits it; a single
 * route that doesn't (a static path beside a `:param` at the same depth, as `/feeds/release-notes.css`
 * beside `/feeds/:productKey/…` was) silently moves every request of the server onto the slower trie.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SmartRouter } from 'hono/router/smart-router';
import { createTestApi, type TestApi } from '../support/api.ts';

describe('routing', () => {
  let api: TestApi;
  let webRoot: string;
  before(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'cairn-router-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html>');
    api = await createTestApi('sqlite', { webRoot });
  });
  after(async () => {
    await api.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it("matches every route, the web app's included, with Hono's RegExpRouter", async () => {
    assert.equal((await api.app.request('http://cairn.test/api/v1/health')).status, 200);
    const router = api.app.router as SmartRouter<unknown>;
    assert.equal(router.activeRouter.name, 'RegExpRouter');
  });
});
