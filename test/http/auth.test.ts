import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const ORIGIN = 'http://cairn.test';
const PASSWORD = 'a long enough password';

function sessionCookie(response: { headers: Headers }): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = /cairn_session=([^;]+)/.exec(header);
  assert.ok(match?.[1], `a session cookie in ${header}`);
  return `cairn_session=${match[1]}`;
}

for (const dialect of DIALECTS) {
  describe(`authentication and security (${dialect})`, () => {
    let api: TestApi;

    before(async () => {
      api = await createTestApi(dialect, { trustProxy: true });
    });
    after(() => api.close());

    it('reports health and the OpenAPI document without authentication', async () => {
      const health = await api.call('GET', '/health', { token: null });
      assert.deepEqual(health.body, { status: 'ok', database: dialect, version: 'test' });
      const doc = await api.call('GET', '/openapi.json', { token: null });
      assert.equal(doc.status, 200);
      assert.equal(doc.body.openapi, '3.1.0');
    });

    it('refuses a weak owner password at setup before anything is created', async () => {
      const fresh = await createTestApi(dialect, { setup: false });
      try {
        const weak = await fresh.call('POST', '/setup', {
          token: null,
          body: { email: 'owner@example.com', name: 'Olive Owner', password: 'password1234' },
        });
        assert.equal(weak.status, 400);
        assert.equal(weak.body.error.details.issues[0].path, 'password');
        const status = await fresh.call('GET', '/setup', { token: null });
        assert.equal(status.body.required, true, 'still not set up');
      } finally {
        await fresh.close();
      }
    });

    it('allows setup once; afterwards 409 already_set_up', async () => {
      const again = await api.call('POST', '/setup', {
        token: null,
        body: { email: 'x@example.com', name: 'X', password: PASSWORD },
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'already_set_up');
    });

    it('answers 401 without credentials and with an unknown token', async () => {
      assert.equal((await api.call('GET', '/products', { token: null })).status, 401);
      const bad = await api.call('GET', '/products', { token: 'cairn_not-a-real-token' });
      assert.equal(bad.status, 401);
      assert.equal(bad.body.error.code, 'unauthorized');
    });

    // The security headers are the server's, as it writes each response: test/http/secure-response.test.ts.
    it('answers no CORS by default', async () => {
      for (const path of ['/health', '/products', '/no-such-route']) {
        const response = await api.call('GET', path, { headers: { origin: 'https://evil.example' } });
        assert.equal(response.headers.get('access-control-allow-origin'), null);
      }
    });

    it('refuses oversized (413), non-JSON (415) and malformed JSON (400) bodies', async () => {
      const big = await api.call('POST', '/products', {
        body: { key: 'BIG', name: 'x'.repeat(2 * 1024 * 1024) },
      });
      assert.equal(big.status, 413);
      assert.equal(big.body.error.code, 'payload_too_large');
      const form = await api.call('POST', '/products', {
        body: 'key=AB',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(form.status, 415);
      const broken = await api.call('POST', '/products', { body: '{"key": "AB",' });
      assert.equal(broken.status, 400);
      assert.equal(broken.body.error.code, 'validation_failed');
      assert.ok(!JSON.stringify(broken.body).includes('at '), 'no stack trace');
    });

    it('requires passwords of at least 12 characters, naming the field', async () => {
      const short = await api.call('POST', '/users', {
        body: { email: 's@example.com', name: 'S', role: 'editor', password: 'short' },
      });
      assert.equal(short.status, 400);
      assert.deepEqual(
        short.body.error.details.issues.map((i: { path: string }) => i.path),
        ['password'],
      );
      const plain = await api.call('POST', '/users', {
        body: { email: 'p@example.com', name: 'P', role: 'editor', password: 'alllowercaseletters' },
      });
      assert.equal(plain.status, 201, 'no composition rules');
    });

    it('refuses common, guessable and personal passwords with a 400 naming password and the reason', async () => {
      const cases = [
        { password: 'password1234', reason: /common password/ },
        { password: '123456789012', reason: /is one of the most common passwords/ },
        { password: 'aaaaaaaaaaaa', reason: /too easy to guess/ },
        { password: 'Margaret.Hamilton!', reason: /contains your name/ },
        { password: 'apollo-guidance-maggie', reason: /contains your e-mail address/ },
      ];
      for (const { password, reason } of cases) {
        const response = await api.call('POST', '/users', {
          body: { email: 'maggie@example.com', name: 'Margaret Hamilton', role: 'editor', password },
        });
        assert.equal(response.status, 400, password);
        assert.equal(response.body.error.code, 'validation_failed');
        const [issue] = response.body.error.details.issues;
        assert.equal(issue.path, 'password');
        assert.match(issue.message, reason, password);
      }
      const found = await api.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'maggie@example.com')
        .executeTakeFirst();
      assert.equal(found, undefined, 'no user was created');
    });

    it('logs in with a HttpOnly SameSite session cookie; logout ends it at once', async () => {
      const login = await api.call('POST', '/auth/login', {
        token: null,
        body: { email: 'owner@example.com', password: PASSWORD },
      });
      assert.equal(login.status, 200);
      const setCookie = login.headers.get('set-cookie') ?? '';
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Lax/);
      const cookie = sessionCookie(login);
      const me = await api.call('GET', '/auth/me', { token: null, headers: { cookie } });
      assert.equal(me.status, 200);
      assert.equal(me.body.email, 'owner@example.com');
      const logout = await api.call('POST', '/auth/logout', {
        token: null,
        headers: { cookie, origin: ORIGIN },
      });
      assert.equal(logout.status, 204);
      assert.equal((await api.call('GET', '/auth/me', { token: null, headers: { cookie } })).status, 401);
    });

    it('refuses cross-site writes made with the session cookie (CSRF), not with tokens', async () => {
      const login = await api.call('POST', '/auth/login', {
        token: null,
        body: { email: 'owner@example.com', password: PASSWORD },
      });
      const cookie = sessionCookie(login);
      const body = { key: 'CSRF', name: 'Forged' };
      const noOrigin = await api.call('POST', '/products', { token: null, body, headers: { cookie } });
      assert.equal(noOrigin.status, 403);
      assert.equal(noOrigin.body.error.code, 'csrf_rejected');
      const evil = await api.call('POST', '/products', {
        token: null,
        body,
        headers: { cookie, origin: 'https://evil.example' },
      });
      assert.equal(evil.status, 403);
      const same = await api.call('POST', '/products', {
        token: null,
        body,
        headers: { cookie, origin: ORIGIN },
      });
      assert.equal(same.status, 201);
      const read = await api.call('GET', '/products', { token: null, headers: { cookie } });
      assert.equal(read.status, 200, 'reads need no Origin');
      const token = await api.call('POST', '/products', { body: { key: 'TOKN', name: 'By token' } });
      assert.equal(token.status, 201, 'bearer tokens are not subject to CSRF checks');
    });

    it('expires sessions when idle and at their absolute limit, checked on every request', async () => {
      const login = async () =>
        sessionCookie(
          await api.call('POST', '/auth/login', {
            token: null,
            body: { email: 'owner@example.com', password: PASSWORD },
          }),
        );
      const idle = await login();
      const longAgo = new Date(Date.now() - 25 * 3_600_000).toISOString();
      await api.database.db.updateTable('sessions').set({ last_seen_at: longAgo }).execute();
      assert.equal(
        (await api.call('GET', '/auth/me', { token: null, headers: { cookie: idle } })).status,
        401,
      );
      const old = await login();
      await api.database.db
        .updateTable('sessions')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .execute();
      assert.equal(
        (await api.call('GET', '/auth/me', { token: null, headers: { cookie: old } })).status,
        401,
      );
    });

    it('rate-limits login per account with 429 and Retry-After; a right password does not bypass it', async () => {
      await api.call('POST', '/users', {
        body: { email: 'target@example.com', name: 'T', role: 'editor', password: PASSWORD },
      });
      const attempt = (password: string, ip: string) =>
        api.call('POST', '/auth/login', {
          token: null,
          body: { email: 'target@example.com', password },
          headers: { 'x-forwarded-for': ip },
        });
      for (let i = 0; i < 10; i++)
        assert.equal((await attempt('wrong password!!', `10.0.0.${i}`)).status, 401);
      const limited = await attempt(PASSWORD, '10.0.1.1');
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
    });

    it('rate-limits login per client IP across accounts', async () => {
      let last = 0;
      for (let i = 0; i < 31; i++) {
        last = (
          await api.call('POST', '/auth/login', {
            token: null,
            body: { email: `nobody${i}@example.com`, password: 'whatever123456' },
            headers: { 'x-forwarded-for': '192.0.2.7' },
          })
        ).status;
      }
      assert.equal(last, 429);
      const other = await api.call('POST', '/auth/login', {
        token: null,
        body: { email: 'owner@example.com', password: PASSWORD },
        headers: { 'x-forwarded-for': '192.0.2.8' },
      });
      assert.equal(other.status, 200);
    });

    it('creates API tokens shown once and stored hashed; revocation takes effect at once', async () => {
      const created = await api.call('POST', '/tokens', { body: { name: 'ci' } });
      assert.equal(created.status, 201);
      const secret: string = created.body.token;
      assert.ok(secret.startsWith('cairn_'));
      const stored = await api.database.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', created.body.id)
        .executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, secret);
      assert.ok(!JSON.stringify(stored).includes(secret));
      const listed = await api.call('GET', '/tokens');
      assert.ok(!JSON.stringify(listed.body).includes(secret));
      assert.equal((await api.call('GET', '/products', { token: secret })).status, 200);
      assert.equal((await api.call('DELETE', `/tokens/${created.body.id}`)).status, 200);
      assert.equal((await api.call('GET', '/products', { token: secret })).status, 401);
    });

    it('stores passwords only as scrypt hashes', async () => {
      const owner = await api.database.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'owner@example.com')
        .executeTakeFirstOrThrow();
      assert.match(owner.password_hash ?? '', /^scrypt\$\d+\$8\$1\$/);
      assert.ok(!owner.password_hash?.includes(PASSWORD));
    });

    it('gives a viewer 403 on every write and lets them read', async () => {
      const product = await buildProduct(api);
      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      const item = await api.call('POST', `/products/${product.id}/items`, { body: { title: 'x' } });
      const writes: [string, string, unknown][] = [
        ['POST', '/products', { key: 'VIEW', name: 'v' }],
        ['PATCH', `/products/${product.id}`, { name: 'v' }],
        ['POST', `/products/${product.id}/items`, { title: 'v' }],
        ['PATCH', `/items/${item.body.id}`, { title: 'v' }],
        ['POST', `/items/${item.body.id}/move`, { beforeId: item.body.id }],
        ['DELETE', `/items/${item.body.id}`, undefined],
        ['POST', `/products/${product.id}/initiatives`, { title: 'v' }],
        ['POST', `/products/${product.id}/themes`, { name: 'v' }],
        ['POST', `/products/${product.id}/objectives`, { title: 'v' }],
        ['POST', `/items/${item.body.id}/dependencies`, { blocks: item.body.key }],
        ['POST', '/users', { email: 'v@example.com', name: 'v', role: 'viewer' }],
      ];
      for (const [method, path, body] of writes) {
        const response = await api.call(method, path, { token: viewer.token, body });
        assert.equal(
          response.status,
          403,
          `${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`,
        );
      }
      assert.equal((await api.call('GET', `/items/${item.body.id}`, { token: viewer.token })).status, 200);
    });

    it('lets an admin add users but not owners; an editor cannot add users', async () => {
      const admin = await buildUser(api, 'admin');
      const editor = await buildUser(api, 'editor');
      const byAdmin = await api.call('POST', '/users', {
        token: admin.token,
        body: { email: 'new@example.com', name: 'N', role: 'editor' },
      });
      assert.equal(byAdmin.status, 201);
      const owner = await api.call('POST', '/users', {
        token: admin.token,
        body: { email: 'own@example.com', name: 'O', role: 'owner' },
      });
      assert.equal(owner.status, 403);
      const byEditor = await api.call('POST', '/users', {
        token: editor.token,
        body: { email: 'e2@example.com', name: 'E', role: 'viewer' },
      });
      assert.equal(byEditor.status, 403);
      const duplicate = await api.call('POST', '/users', {
        body: { email: 'NEW@example.com', name: 'N', role: 'editor' },
      });
      assert.equal(duplicate.status, 409);
      assert.equal(duplicate.body.error.details.issues[0].path, 'email');
    });
  });
}
