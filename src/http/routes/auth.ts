/** First-run setup, login/logout, the current session, and API tokens. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import {
  ApiToken,
  CreatedToken,
  CreateTokenInput,
  LoginInput,
  SessionResponse,
  SetupInput,
  SetupResponse,
  SetupStatus,
  User,
} from '../../schemas/user.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/auth/api-tokens.ts';
import { endSession } from '../../services/auth/sessions.ts';
import { getCurrentUser } from '../../services/users/find-user.ts';
import { login } from '../../services/users/login.ts';
import { isSetUp, setupWorkspace } from '../../services/users/setup-workspace.ts';
import type { AppEnv } from '../env.ts';
import { authenticate, requestOrigin, SESSION_COOKIE } from '../middleware/authenticate.ts';
import { authenticated, commonErrors, createRouter, jsonBody, jsonContent } from '../openapi.ts';

function clientIp(c: Context<AppEnv>): string {
  const { trustProxy } = c.get('options');
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return forwarded || c.env?.incoming?.socket.remoteAddress || 'unknown';
}

function secureCookie(c: Context<AppEnv>): boolean {
  const configured = c.get('options').secureCookies;
  if (configured !== undefined) return configured;
  return requestOrigin(c.req.url, c.req.raw.headers, c.get('options').trustProxy).startsWith('https:');
}

const setup = createRoute({
  method: 'post',
  path: '/setup',
  operationId: 'setUp',
  // Public: answered before anyone has credentials.
  security: [],
  tags: ['auth'],
  summary: 'Create the first user (the owner); only while no user exists',
  request: jsonBody(SetupInput),
  responses: {
    201: jsonContent(SetupResponse, 'The owner and an API token (shown once)'),
    400: commonErrors[400],
    409: jsonContent(ErrorResponse, 'Already set up'),
  },
});

const setupStatus = createRoute({
  method: 'get',
  path: '/setup',
  operationId: 'getSetupStatus',
  // Public: answered before anyone has credentials.
  security: [],
  tags: ['auth'],
  summary: 'Whether first-run setup is still required (no user exists yet)',
  responses: { 200: jsonContent(SetupStatus, 'Setup status') },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  operationId: 'logIn',
  // Public: answered before anyone has credentials.
  security: [],
  tags: ['auth'],
  summary: 'Log in with email and password; sets an HttpOnly session cookie',
  request: jsonBody(LoginInput),
  responses: {
    200: jsonContent(SessionResponse, 'Logged in'),
    400: commonErrors[400],
    401: jsonContent(ErrorResponse, 'Wrong email or password'),
    429: jsonContent(ErrorResponse, 'Too many attempts; see Retry-After'),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  operationId: 'logOut',
  tags: ['auth'],
  summary: 'End the current session: at once on this server, within 0.5 s on others sharing the database',
  security: authenticated,
  responses: { 204: { description: 'Logged out' }, 401: commonErrors[401] },
});

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  operationId: 'getCurrentUser',
  tags: ['auth'],
  summary: 'The authenticated user',
  security: authenticated,
  responses: { 200: jsonContent(User, 'The caller'), 401: commonErrors[401] },
});

const createToken = createRoute({
  method: 'post',
  path: '/tokens',
  operationId: 'createApiToken',
  tags: ['auth'],
  summary: 'Create an API token for yourself; the secret is shown only in this response',
  security: authenticated,
  request: jsonBody(CreateTokenInput),
  responses: { 201: jsonContent(CreatedToken, 'The token'), 400: commonErrors[400], 401: commonErrors[401] },
});

const listTokens = createRoute({
  method: 'get',
  path: '/tokens',
  operationId: 'listApiTokens',
  tags: ['auth'],
  summary: 'Your API tokens (never their secrets)',
  security: authenticated,
  responses: { 200: jsonContent(z.object({ tokens: z.array(ApiToken) }), 'Tokens'), 401: commonErrors[401] },
});

const revokeToken = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  operationId: 'revokeApiToken',
  tags: ['auth'],
  summary: 'Revoke one of your API tokens: it stops working at once on this server, within 0.5 s on others',
  security: authenticated,
  request: { params: z.object({ id: Id }) },
  responses: {
    200: jsonContent(ApiToken, 'The revoked token'),
    401: commonErrors[401],
    404: commonErrors[404],
  },
});

export const publicAuthRoutes = createRouter()
  .openapi(setupStatus, async (c) => {
    const { db, oidc } = c.get('options');
    const required = !(await isSetUp(db));
    if (!oidc) return c.json({ required }, 200);
    return c.json({ required, sso: { name: oidc.name, startUrl: '/api/v1/auth/oidc/start' } }, 200);
  })
  .openapi(setup, async (c) => {
    const result = await setupWorkspace({ db: c.get('options').db, input: c.req.valid('json') });
    return c.json(result, 201);
  })
  .openapi(loginRoute, async (c) => {
    const { db, auth } = c.get('options');
    const result = await login({ db, input: c.req.valid('json'), clientIp: clientIp(c), settings: auth });
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: secureCookie(c),
      expires: new Date(result.expiresAt),
    });
    return c.json({ user: result.user, expiresAt: result.expiresAt }, 200);
  });

export const authRoutes = createRouter()
  .openapi(logout, async (c) => {
    const token = c.get('sessionToken');
    if (token) await endSession(c.get('options').db, token);
    // The ended session must not be served from this server's cache on the next request.
    c.get('credentials').forget();
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .openapi(me, async (c) =>
    c.json(await getCurrentUser({ db: c.get('options').db, actor: c.get('actor') }), 200),
  )
  .openapi(createToken, async (c) => {
    const token = await createApiToken({
      db: c.get('options').db,
      actor: c.get('actor'),
      input: c.req.valid('json'),
    });
    return c.json(token, 201);
  })
  .openapi(listTokens, async (c) =>
    c.json({ tokens: await listApiTokens({ db: c.get('options').db, actor: c.get('actor') }) }, 200),
  )
  .openapi(revokeToken, async (c) => {
    const token = await revokeApiToken({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    // The revoked token must not be served from this server's cache on the next request.
    c.get('credentials').forget();
    return c.json(token, 200);
  });

export { authenticate };
