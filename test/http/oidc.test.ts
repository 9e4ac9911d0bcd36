/**
 * Single sign-on against a real OpenID provider (oidc-provider) on 127.0.0.1: its discovery, JWKS, token
 * endpoint and development login/consent pages, driven by fetch with redirects followed by hand. Cairn's
 * side runs in process (app.request) with the same database as the test API.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Provider from 'oidc-provider';
import { createApp } from '../../src/http/app.ts';
import type { OidcSettings } from '../../src/services/auth/oidc-settings.ts';
import { defaultAuthSettings } from '../../src/services/auth/settings.ts';
import { type Body, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const CAIRN = 'http://cairn.test';
const ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string }> = {
  'alice-sub': { email: 'alice@example.com', email_verified: true, name: 'Alice' },
  'newcomer-sub': { email: 'newcomer@example.com', email_verified: true, name: 'New Comer' },
  'unverified-sub': { email: 'alice@example.com', email_verified: false, name: 'Mallory' },
};

/** A real provider on an ephemeral loopback port; `issuer` is its URL. */
async function startProvider(): Promise<{ issuer: string; server: Server }> {
  let handler: Parameters<typeof createServer>[1] = (_req, res) => res.end();
  const server = createServer((req, res) => handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'cairn',
        client_secret: 'a test client secret',
        redirect_uris: [`${CAIRN}/api/v1/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['a test cookie key'] },
    async findAccount(_ctx, id) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
  });
  handler = provider.callback();
  return { issuer, server };
}

/** The cookies a browser would hold for the provider (paths ignored: one test browser, one provider). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (!pair || index < 0) continue;
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

for (const dialect of DIALECTS) {
  describe(`single sign-on with OpenID Connect (${dialect})`, () => {
    let api: TestApi;
    let provider: { issuer: string; server: Server };
    let settings: OidcSettings;
    let app: ReturnType<typeof createApp>;

    const appWith = (oidc: OidcSettings | null) =>
      createApp({
        db: api.database.db,
        dialect,
        version: 'test',
        auth: defaultAuthSettings,
        oidc,
        publicOrigin: CAIRN,
        corsOrigins: [],
        trustProxy: false,
        bodyLimitBytes: 1024 * 1024,
        live: api.live,
        log: () => {},
      });

    before(async () => {
      api = await createTestApi(dialect);
      provider = await startProvider();
      settings = {
        issuer: provider.issuer,
        clientId: 'cairn',
        clientSecret: 'a test client secret',
        name: 'Acme SSO',
        autoCreate: false,
      };
      app = appWith(settings);
    });
    after(async () => {
      await api.close();
      provider.server.closeAllConnections();
      provider.server.close();
    });

    /**
     * A browser signing in as `accountId`: Cairn's start, the provider's login and consent pages, back to
     * Cairn's callback. Returns Cairn's last answer and the Cairn cookies it set.
     */
    async function signIn(target: ReturnType<typeof createApp>, accountId: string) {
      const start = await target.request(`${CAIRN}/api/v1/auth/oidc/start`);
      assert.equal(start.status, 302);
      const cairnCookies = new CookieJar();
      cairnCookies.take(start);
      const jar = new CookieJar();
      let url = start.headers.get('location') ?? '';
      assert.ok(url.startsWith(provider.issuer), url);
      for (let step = 0; step < 12; step += 1) {
        if (url.startsWith(CAIRN)) {
          const path = url.slice(CAIRN.length);
          const response = await target.request(`${CAIRN}${path}`, {
            headers: { cookie: cairnCookies.header() },
          });
          cairnCookies.take(response);
          return { response, cookies: cairnCookies };
        }
        let response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
        jar.take(response);
        if (response.status === 200) {
          // A development interaction page: answer its prompt as the user would.
          const page = await response.text();
          const prompt =
            /name="prompt" value="(\w+)"/.exec(page)?.[1] ??
            (page.includes('name="login"') ? 'login' : 'consent');
          const form = new URLSearchParams({ prompt, login: accountId, password: 'whatever' });
          const action = new URL(/action="([^"]+)"/.exec(page)?.[1] ?? '', url).href;
          response = await fetch(action, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
          });
          jar.take(response);
        }
        assert.ok(
          response.status >= 300 && response.status < 400,
          `redirect expected, got ${response.status}`,
        );
        url = new URL(response.headers.get('location') ?? '', url).href;
      }
      throw new Error('the sign-in did not come back to Cairn');
    }

    const sessionCookie = (cookies: CookieJar) => /cairn_session=[^;]+/.exec(cookies.header())?.[0] ?? null;

    it('is off by default: no button, and the start answers 404', async () => {
      const plain = appWith(null);
      const status = await plain.request(`${CAIRN}/api/v1/setup`);
      assert.equal(((await status.json()) as Body).sso, undefined);
      assert.equal((await plain.request(`${CAIRN}/api/v1/auth/oidc/start`)).status, 404);
    });

    it('tells the login screen its button when configured', async () => {
      const status: Body = await (await app.request(`${CAIRN}/api/v1/setup`)).json();
      assert.deepEqual(status.sso, { name: 'Acme SSO', startUrl: '/api/v1/auth/oidc/start' });
    });

    it('signs in an existing user by verified e-mail, then by the linked identity', async () => {
      const alice = await buildUser(api, 'editor', 'alice@example.com');
      const { response, cookies } = await signIn(app, 'alice-sub');
      assert.equal(response.status, 302);
      assert.equal(response.headers.get('location'), '/');
      const cookie = sessionCookie(cookies);
      assert.ok(cookie, 'a session cookie is set');
      const me = await app.request(`${CAIRN}/api/v1/auth/me`, { headers: { cookie } });
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as Body).id, alice.user.id);

      const identities = await api.database.db.selectFrom('oidc_identities').selectAll().execute();
      assert.deepEqual(
        identities.map((i) => [i.user_id, i.issuer, i.subject]),
        [[alice.user.id, provider.issuer, 'alice-sub']],
      );
      // Again: found by (issuer, subject), no second link.
      const again = await signIn(app, 'alice-sub');
      assert.ok(sessionCookie(again.cookies));
      assert.equal((await api.database.db.selectFrom('oidc_identities').selectAll().execute()).length, 1);
      // The local password keeps working.
      const login = await api.call('POST', '/auth/login', {
        token: null,
        body: { email: 'alice@example.com', password: 'a long enough password' },
      });
      assert.equal(login.status, 200);
    });

    it('refuses an unverified e-mail and an unknown person unless auto-create is on', async () => {
      for (const account of ['unverified-sub', 'newcomer-sub']) {
        const { response, cookies } = await signIn(app, account);
        assert.equal(response.status, 302);
        assert.match(response.headers.get('location') ?? '', /^\/\?sso_error=no_account$/);
        assert.equal(sessionCookie(cookies), null, `${account} gets no session`);
      }
      const creating = appWith({ ...settings, autoCreate: true });
      const { cookies } = await signIn(creating, 'newcomer-sub');
      const cookie = sessionCookie(cookies);
      assert.ok(cookie);
      const me: Body = await (
        await creating.request(`${CAIRN}/api/v1/auth/me`, { headers: { cookie } })
      ).json();
      assert.deepEqual([me.email, me.name, me.role], ['newcomer@example.com', 'New Comer', 'viewer']);
    });

    it('refuses a callback without the signed state cookie, or with a forged one', async () => {
      const bare = await app.request(`${CAIRN}/api/v1/auth/oidc/callback?code=x&state=y`);
      assert.equal(bare.status, 302);
      assert.match(bare.headers.get('location') ?? '', /sso_error/);
      assert.equal(
        bare.headers.getSetCookie().some((c) => c.startsWith('cairn_session=')),
        false,
      );
      const forged = JSON.stringify({ state: 'y', nonce: 'n', codeVerifier: 'v', exp: Date.now() + 60_000 });
      const withForged = await app.request(`${CAIRN}/api/v1/auth/oidc/callback?code=x&state=y`, {
        headers: { cookie: `cairn_oidc=${encodeURIComponent(`${forged}.bad-signature`)}` },
      });
      assert.match(withForged.headers.get('location') ?? '', /sso_error/);
      assert.equal(
        withForged.headers.getSetCookie().some((c) => c.startsWith('cairn_session=')),
        false,
      );
    });
  });
}
