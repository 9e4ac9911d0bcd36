/**
 * Single sign-on through OpenID Connect, when configured (CAIRN_OIDC_*): `/auth/oidc/start` sends the
 * browser to the provider, `/auth/oidc/callback` takes it back, signs the user in with a normal session
 * cookie and goes to `/`. Between the two, the state, nonce and PKCE verifier travel in an HttpOnly cookie
 * signed with a key derived from the client secret (shared by every server of the deployment), valid for
 * ten minutes and scoped to these paths. Browser navigations answered with redirects, not JSON.
 */
import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setCookie, setSignedCookie } from 'hono/cookie';
import { ErrorResponse } from '../../schemas/common.ts';
import { beginOidcSignIn, finishOidcSignIn, type OidcPending } from '../../services/auth/oidc-client.ts';
import type { OidcSettings } from '../../services/auth/oidc-settings.ts';
import { signInWithOidc } from '../../services/auth/oidc-sign-in.ts';
import { AppError, notFound } from '../../services/errors.ts';
import type { AppEnv } from '../env.ts';
import { requestOrigin, SESSION_COOKIE } from '../middleware/authenticate.ts';
import { createRouter, jsonContent } from '../openapi.ts';

const PENDING_COOKIE = 'cairn_oidc';
const PENDING_PATH = '/api/v1/auth/oidc';
const PENDING_SECONDS = 600;

function settingsOf(c: Context<AppEnv>): OidcSettings {
  const settings = c.get('options').oidc;
  if (!settings) throw notFound('single sign-on');
  return settings;
}

/** The cookie-signing key: from the client secret, so every server agrees without another setting. */
function cookieKey(settings: OidcSettings): string {
  return createHash('sha256').update(`cairn-oidc-cookie\0${settings.clientSecret}`).digest('base64url');
}

function redirectUri(c: Context<AppEnv>): string {
  return `${c.get('options').publicOrigin}${PENDING_PATH}/callback`;
}

function secure(c: Context<AppEnv>): boolean {
  const configured = c.get('options').secureCookies;
  if (configured !== undefined) return configured;
  return requestOrigin(c.req.url, c.req.raw.headers, c.get('options').trustProxy).startsWith('https:');
}

function parsePending(value: string | false | undefined): OidcPending | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<OidcPending> & { exp?: number };
    const { state, nonce, codeVerifier, exp } = parsed;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string')
      return null;
    if (typeof exp !== 'number' || Date.now() > exp) return null;
    return { state, nonce, codeVerifier };
  } catch {
    return null;
  }
}

/**
 * The login page, with the reason as a code it turns into its own words: text in the URL would let
 * whoever sends someone a link put their words on Cairn's login page.
 */
function backToLogin(c: Context<AppEnv>, error: unknown) {
  const reason =
    (error instanceof AppError && (error.details as { reason?: string } | undefined)?.reason) || 'failed';
  c.get('options').log(`single sign-on refused: ${error instanceof Error ? error.message : String(error)}`);
  return c.redirect(`/?sso_error=${reason}`, 302);
}

const redirect = (description: string) => ({
  description,
  headers: z.object({ Location: z.string().describe('Where the browser goes next') }),
});

const start = createRoute({
  method: 'get',
  path: '/auth/oidc/start',
  operationId: 'startSingleSignOn',
  // Public: the browser has no credentials yet.
  security: [],
  tags: ['auth'],
  summary: "Single sign-on (when configured): sends the browser to the OpenID provider's sign-in",
  responses: {
    302: redirect("The provider's sign-in page"),
    404: jsonContent(ErrorResponse, 'Single sign-on is not configured'),
  },
});

const callback = createRoute({
  method: 'get',
  path: '/auth/oidc/callback',
  operationId: 'finishSingleSignOn',
  security: [],
  tags: ['auth'],
  summary: 'Where the OpenID provider sends the browser back: signs in (session cookie) and goes to /',
  request: {
    query: z.object({
      code: z.string().max(4096).optional(),
      state: z.string().max(1024).optional(),
      error: z.string().max(1024).optional(),
    }),
  },
  responses: {
    302: redirect('/ when signed in; /?sso_error=no_account|disabled|expired|failed when not'),
    404: jsonContent(ErrorResponse, 'Single sign-on is not configured'),
  },
});

export const oidcRoutes = createRouter()
  .openapi(start, async (c) => {
    const settings = settingsOf(c);
    const { url, pending } = await beginOidcSignIn(settings, redirectUri(c));
    const value = JSON.stringify({ ...pending, exp: Date.now() + PENDING_SECONDS * 1000 });
    await setSignedCookie(c, PENDING_COOKIE, value, cookieKey(settings), {
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET navigation, which Lax cookies accompany.
      sameSite: 'Lax',
      path: PENDING_PATH,
      secure: secure(c),
      maxAge: PENDING_SECONDS,
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(url, 302);
  })
  .openapi(callback, async (c) => {
    const settings = settingsOf(c);
    const pending = parsePending(await getSignedCookie(c, cookieKey(settings), PENDING_COOKIE));
    // Used once: a replayed callback finds no cookie.
    deleteCookie(c, PENDING_COOKIE, { path: PENDING_PATH });
    c.header('Cache-Control', 'no-store');
    try {
      if (!pending)
        throw new AppError('unauthorized', 'the sign-in took too long or began elsewhere', {
          reason: 'expired',
        });
      // The URL the provider sent the browser to, as openid-client compares it with the redirect URI.
      const callback = new URL(redirectUri(c));
      callback.search = new URL(c.req.url).search;
      const claims = await finishOidcSignIn(settings, callback, pending);
      const { db, auth } = c.get('options');
      const result = await signInWithOidc({ db, claims, autoCreate: settings.autoCreate, settings: auth });
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: secure(c),
        expires: new Date(result.expiresAt),
      });
      return c.redirect('/', 302);
    } catch (error) {
      return backToLogin(c, error);
    }
  });
