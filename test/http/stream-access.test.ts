import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';
import { follow, openStream, SseReader } from '../support/sse.ts';

const PASSWORD = 'a long enough password';

for (const dialect of DIALECTS) {
  describe(`live streams end when access ends (${dialect})`, () => {
    let api: TestApi;
    let productId: string;

    before(async () => {
      api = await createTestApi(dialect, { streamHeartbeatMs: 100 });
      productId = (await buildProduct(api)).id;
    });
    after(() => api.close());

    it('sends heartbeats and stays open while the token works', async () => {
      const response = await openStream(api, productId);
      const reader = new SseReader(response);
      assert.equal(await reader.waitForEnd(400), false, 'still open after several heartbeats');
      assert.ok(reader.comments >= 2, `${reader.comments} comments: the greeting and heartbeats`);
      await reader.cancel();
    });

    it('ends the stream of a revoked token at the next heartbeat', async () => {
      const created = await api.call('POST', '/tokens', { body: { name: 'watcher' } });
      const reader = await follow(api, productId, { token: created.body.token });
      const revoked = await api.call('DELETE', `/tokens/${created.body.id}`);
      assert.equal(revoked.status, 200);
      assert.equal(await reader.waitForEnd(2_000), true);
    });

    it('ends a session stream at logout', async () => {
      const login = await api.call('POST', '/auth/login', {
        token: null,
        body: { email: 'owner@example.com', password: PASSWORD },
      });
      const cookie = /cairn_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
      const reader = await follow(api, productId, { token: null, headers: { cookie } });
      assert.equal(await reader.waitForEnd(300), false);
      await api.call('POST', '/auth/logout', {
        token: null,
        headers: { cookie, origin: 'http://cairn.test' },
      });
      assert.equal(await reader.waitForEnd(2_000), true);
    });

    it('ends the stream of a member removed from the product', async () => {
      const editor = await buildUser(api, 'editor');
      const members = `/products/${productId}/members/${editor.user.id}`;
      const added = await api.call('PUT', members);
      assert.ok(added.status < 300, JSON.stringify(added.body));
      const reader = await follow(api, productId, { token: editor.token });
      await api.call('DELETE', members);
      assert.equal(await reader.waitForEnd(2_000), true);
    });

    it('ends every stream when the hub closes (server shutdown)', async () => {
      const reader = await follow(api, productId);
      const started = Date.now();
      await api.live.close();
      assert.equal(await reader.waitForEnd(1_000), true);
      assert.ok(Date.now() - started < 1_000);
    });
  });
}

/** The README promises "at once": a stream must end within this bound after access ends. */
const CLOSES_WITHIN_MS = 1_000;

for (const dialect of DIALECTS) {
  describe(`live streams end within 1 s of losing access, with the default 15 s heartbeat (${dialect})`, () => {
    let api: TestApi;
    let second: TestApi;
    let productId: string;

    before(async () => {
      api = await createTestApi(dialect);
      // A second server on the same database: access ended through one ends streams on the other.
      second = await createTestApi(dialect, { database: api.database });
      second.ownerToken = api.ownerToken;
      productId = (await buildProduct(api)).id;
    });
    after(async () => {
      await second.close();
      await api.close();
    });

    /** An editor who is a member of the product, with a token. */
    async function member() {
      const editor = await buildUser(api, 'editor');
      const added = await api.call('PUT', `/products/${productId}/members/${editor.user.id}`);
      assert.ok(added.status < 300, JSON.stringify(added.body));
      return editor;
    }

    it('after token revocation, on this server and on another', async () => {
      for (const server of [api, second]) {
        const created = await api.call('POST', '/tokens', { body: { name: 'watcher' } });
        const reader = await follow(server, productId, { token: created.body.token });
        assert.equal((await api.call('DELETE', `/tokens/${created.body.id}`)).status, 200);
        assert.equal(await reader.waitForEnd(CLOSES_WITHIN_MS), true);
      }
    });

    it('after logout', async () => {
      const login = await api.call('POST', '/auth/login', {
        token: null,
        body: { email: 'owner@example.com', password: PASSWORD },
      });
      const cookie = /cairn_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
      const reader = await follow(second, productId, { token: null, headers: { cookie } });
      await api.call('POST', '/auth/logout', {
        token: null,
        headers: { cookie, origin: 'http://cairn.test' },
      });
      assert.equal(await reader.waitForEnd(CLOSES_WITHIN_MS), true);
    });

    it("after the user's deactivation", async () => {
      const editor = await member();
      const reader = await follow(second, productId, { token: editor.token });
      await api.database.db
        .updateTable('users')
        .set({ disabled_at: new Date().toISOString() })
        .where('id', '=', editor.user.id)
        .execute();
      assert.equal(await reader.waitForEnd(CLOSES_WITHIN_MS), true);
    });

    it('after removal from the product', async () => {
      const editor = await member();
      const reader = await follow(second, productId, { token: editor.token });
      await api.call('DELETE', `/products/${productId}/members/${editor.user.id}`);
      assert.equal(await reader.waitForEnd(CLOSES_WITHIN_MS), true);
    });

    it('stays open while access lasts', async () => {
      const editor = await member();
      const reader = await follow(api, productId, { token: editor.token });
      assert.equal(await reader.waitForEnd(CLOSES_WITHIN_MS * 2), false);
      await reader.cancel();
    });
  });
}
