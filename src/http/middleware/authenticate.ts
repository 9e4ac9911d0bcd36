/**
 * Resolves the caller from `Authorization: Bearer <token>` or the session cookie, on every request. The
 * rows are read through the server's credential cache: a token revoked or a session ended through this
 * server stops working at once, any other change to them or their user (another server, the CLI, SQL)
 * within CREDENTIAL_TTL_MS, and expiry is checked against the clock every time. Cookie-authenticated
 * writes must come from the same origin (CSRF); bearer tokens are not sent by browsers on their own and
 * are exempt. A read-scope token may only use safe methods (403 insufficient_scope otherwise).
 */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { resolveApiToken, tokenActor } from '../../services/auth/api-tokens.ts';
import { resolveSession } from '../../services/auth/sessions.ts';
import { AppError } from '../../services/errors.ts';
import type { AppEnv } from '../env.ts';

export const SESSION_COOKIE = 'cairn_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  // c.get, not c.var: Hono builds a new object of all variables on every c.var (the routes use c.get too).
  const { db, auth, trustProxy } = c.get('options');
  const credentials = c.get('credentials');
  const now = new Date();
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match?.[1] ? await resolveApiToken(db, match[1], now, credentials.tokens) : null;
    if (!user) throw new AppError('unauthorized', 'the API token is missing, unknown, expired or revoked');
    if (user.scope === 'read' && !SAFE_METHODS.has(c.req.method)) {
      throw new AppError('insufficient_scope', 'this API token is read-only: it cannot make changes');
    }
    c.set('actor', tokenActor(user));
    c.set('authMethod', 'token');
    return next();
  }
  const sessionToken = getCookie(c, SESSION_COOKIE);
  const user = sessionToken
    ? await resolveSession(db, sessionToken, auth, now, { cache: credentials.sessions })
    : null;
  if (!user || !sessionToken) throw new AppError('unauthorized', 'log in or send an API token');
  if (!SAFE_METHODS.has(c.req.method))
    assertSameOrigin(c.req.raw.headers, requestOrigin(c.req.url, c.req.raw.headers, trustProxy));
  c.set('actor', { id: user.id, role: user.role });
  c.set('authMethod', 'session');
  c.set('sessionToken', sessionToken);
  return next();
});

export function requestOrigin(url: string, headers: Headers, trustProxy: boolean): string {
  const parsed = new URL(url);
  const proto = trustProxy ? headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  const host = (trustProxy ? headers.get('x-forwarded-host') : null) ?? headers.get('host') ?? parsed.host;
  return `${proto ?? parsed.protocol.replace(':', '')}://${host}`;
}

function assertSameOrigin(headers: Headers, origin: string): void {
  const sentOrigin = headers.get('origin');
  if (sentOrigin !== null) {
    if (sentOrigin === origin) return;
  } else if (headers.get('sec-fetch-site') === 'same-origin') {
    return;
  } else {
    const referer = headers.get('referer');
    if (referer && (referer === origin || referer.startsWith(`${origin}/`))) return;
  }
  throw new AppError(
    'csrf_rejected',
    'a write with a session cookie must come from this site (Origin header)',
  );
}
