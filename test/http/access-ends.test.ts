import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const PASSWORD = 'a long enough password';
const ORIGIN = 'http://cairn.test';
/** What the README promises for a server that did not make the change itself. */
const EVERY_SERVER_WITHIN_MS = 1_000;

type Call = (server: TestApi) => Promise<number>;

/** Repeats `call` on `server` until it answers `status`; the time that took, or a failure after 3 s. */
async function untilStatus(server: TestApi, call: Call, status: number): Promise<number> {
  const started = Date.now();
  let last = 0;
  while (Date.now() - started < 3_000) {
    last = await call(server);
    if (last === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`still ${last} after 3 s, expected ${status}`);
}

for (const dialect of DIALECTS) {
  describe(`a credential or role that changes stops working on every server (${dialect})`, () => {
    let first: TestApi;
    let second: TestApi;
    let productId: string;

    before(async () => {
      first = await createTestApi(dialect);
      // Another server on the same database, with its own credential cache.
      second = await createTestApi(dialect, { database: first.database });
      second.ownerToken = first.ownerToken;
      productId = (await buildProduct(first)).id;
    });
    after(async () => {
      await second.close();
      await first.close();
    });

    /** Uses `call` on both servers (each now holds the credential), makes the change, then checks both. */
    async function refusedAfter(options: {
      call: Call;
      allowed: number;
      refused: number;
      change: () => Promise<void>;
      /** The change is made through the first server, which must refuse the very next request. */
      atOnceOnFirst: boolean;
    }) {
      for (const server of [first, second]) assert.equal(await options.call(server), options.allowed);
      await options.change();
      if (options.atOnceOnFirst) assert.equal(await options.call(first), options.refused);
      for (const server of options.atOnceOnFirst ? [second] : [first, second]) {
        const elapsed = await untilStatus(server, options.call, options.refused);
        assert.ok(elapsed < EVERY_SERVER_WITHIN_MS, `refused after ${elapsed} ms`);
      }
    }

    it('refuses a revoked token on the next request here, and within 1 s on the other server', async () => {
      const created = await first.call('POST', '/tokens', { body: { name: 'short-lived' } });
      await refusedAfter({
        call: async (server) => (await server.call('GET', '/products', { token: created.body.token })).status,
        allowed: 200,
        refused: 401,
        change: async () => {
          assert.equal((await first.call('DELETE', `/tokens/${created.body.id}`)).status, 200);
        },
        atOnceOnFirst: true,
      });
    });

    it('refuses a logged-out session on the next request here, and within 1 s on the other server', async () => {
      const login = await first.call('POST', '/auth/login', {
        token: null,
        body: { email: 'owner@example.com', password: PASSWORD },
      });
      const cookie = /cairn_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
      await refusedAfter({
        call: async (server) =>
          (await server.call('GET', '/auth/me', { token: null, headers: { cookie } })).status,
        allowed: 200,
        refused: 401,
        change: async () => {
          const logout = await first.call('POST', '/auth/logout', {
            token: null,
            headers: { cookie, origin: ORIGIN },
          });
          assert.equal(logout.status, 204);
        },
        atOnceOnFirst: true,
      });
    });

    it('refuses a deactivated user within 1 s on every server', async () => {
      const editor = await buildUser(first, 'editor');
      await refusedAfter({
        call: async (server) => (await server.call('GET', '/auth/me', { token: editor.token })).status,
        allowed: 200,
        refused: 401,
        // No endpoint deactivates users yet: an operator does it in the database, as the CLI would.
        change: async () => {
          await first.database.db
            .updateTable('users')
            .set({ disabled_at: new Date().toISOString() })
            .where('id', '=', editor.user.id)
            .execute();
        },
        atOnceOnFirst: false,
      });
    });

    it("applies a role downgrade to the user's writes within 1 s on every server", async () => {
      const editor = await buildUser(first, 'editor');
      const added = await first.call('PUT', `/products/${productId}/members/${editor.user.id}`);
      assert.ok(added.status < 300, JSON.stringify(added.body));
      let count = 0;
      await refusedAfter({
        call: async (server) => {
          count += 1;
          const body = { title: `Written by the editor ${count}` };
          return (await server.call('POST', `/products/${productId}/items`, { token: editor.token, body }))
            .status;
        },
        allowed: 201,
        refused: 403,
        change: async () => {
          await first.database.db
            .updateTable('users')
            .set({ role: 'viewer' })
            .where('id', '=', editor.user.id)
            .execute();
        },
        atOnceOnFirst: false,
      });
    });

    it("records a token's use and slides a session's idle limit as before", async () => {
      const created = await first.call('POST', '/tokens', { body: { name: 'audited' } });
      const lastUsed = async () =>
        (
          await first.database.db
            .selectFrom('api_tokens')
            .select('last_used_at')
            .where('id', '=', created.body.id)
            .executeTakeFirstOrThrow()
        ).last_used_at;
      assert.equal(await lastUsed(), null);
      assert.equal((await first.call('GET', '/products', { token: created.body.token })).status, 200);
      const used = await lastUsed();
      assert.ok(used !== null, 'the first use is recorded');
      assert.equal((await first.call('GET', '/products', { token: created.body.token })).status, 200);
      assert.equal(await lastUsed(), used, 'not written again within the minute');

      const login = await first.call('POST', '/auth/login', {
        token: null,
        body: { email: 'owner@example.com', password: PASSWORD },
      });
      const cookie = /cairn_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
      const me = () => first.call('GET', '/auth/me', { token: null, headers: { cookie } });
      assert.equal((await me()).status, 200);
      // The database now says the session was last seen 61 minutes ago (the idle limit is a day): its
      // next read, within the cache's lifetime, must count this use.
      const earlier = new Date(Date.now() - 61 * 60_000).toISOString();
      await first.database.db.updateTable('sessions').set({ last_seen_at: earlier }).execute();
      const seen = await untilStatus(
        first,
        async () => {
          await me();
          const row = await first.database.db
            .selectFrom('sessions')
            .select('last_seen_at')
            .executeTakeFirstOrThrow();
          return row.last_seen_at > earlier ? 200 : 0;
        },
        200,
      );
      assert.ok(seen < EVERY_SERVER_WITHIN_MS, `touched after ${seen} ms`);
    });
  });
}
