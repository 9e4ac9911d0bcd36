/** In-process HTTP against the real app (Hono's app.request), with small builders for test data. */
import { createApp } from '../../src/http/app.ts';
import { type AuthSettings, defaultAuthSettings } from '../../src/services/auth/settings.ts';
import { createLiveHub } from '../../src/services/live/create-live-hub.ts';
import type { LiveHub } from '../../src/services/live/live-hub.ts';
import type { Mailer } from '../../src/services/mail/mailer.ts';
import type { DialectName } from '../../src/store/database.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies field by field and assert each value.
export type Body = any;

export interface JsonResponse<T = Body> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestApi {
  database: TestDatabase;
  app: ReturnType<typeof createApp>;
  live: LiveHub;
  /** A request as the given token (or none), JSON in and out. */
  call<T = Body>(
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<JsonResponse<T>>;
  /** The owner's token, from POST /setup. */
  ownerToken: string;
  ownerId: string;
  close(): Promise<void>;
}

export async function createTestApi(
  dialect: DialectName,
  overrides: {
    auth?: Partial<AuthSettings>;
    trustProxy?: boolean;
    bodyLimitBytes?: number;
    /** The import route's own body limit (50 MB by default). */
    importLimitBytes?: number;
    setup?: boolean;
    streamHeartbeatMs?: number;
    /** Another app's database, shared (a second server): not set up again, not closed by this app. */
    database?: TestDatabase;
    /** A built web app to serve (its index.html), as `cairn serve` serves dist/web. */
    webRoot?: string;
    /** Sends mention e-mails (as CAIRN_SMTP_URL does); none by default. */
    mailer?: Mailer;
  } = {},
): Promise<TestApi> {
  const database = overrides.database ?? (await createTestDatabase(dialect));
  const live = createLiveHub({ database, log: () => {} });
  const app = createApp({
    db: database.db,
    dialect,
    version: 'test',
    auth: { ...defaultAuthSettings, ...overrides.auth },
    publicOrigin: 'http://cairn.test',
    corsOrigins: [],
    trustProxy: overrides.trustProxy ?? false,
    bodyLimitBytes: overrides.bodyLimitBytes ?? 1024 * 1024,
    importLimitBytes: overrides.importLimitBytes,
    live,
    streamHeartbeatMs: overrides.streamHeartbeatMs,
    log: () => {},
    webRoot: overrides.webRoot,
    mailer: overrides.mailer,
  });
  const api: TestApi = {
    database,
    app,
    live,
    ownerToken: '',
    ownerId: '',
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const token = options.token === undefined ? api.ownerToken : options.token;
      if (token) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await app.request(`http://cairn.test/api/v1${path}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed as Body };
    },
    async close() {
      await live.close();
      if (!overrides.database) await database.close();
    },
  };
  if (overrides.setup !== false && !overrides.database) {
    const setup = await api.call('POST', '/setup', {
      token: null,
      body: { email: 'owner@example.com', name: 'Olive Owner', password: 'a long enough password' },
    });
    if (setup.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);
    api.ownerToken = setup.body.token;
    api.ownerId = setup.body.user.id;
  }
  return api;
}

let productCounter = 0;

/** A product with a unique key. */
export async function buildProduct(api: TestApi, overrides: Record<string, unknown> = {}, token?: string) {
  productCounter += 1;
  const key = `P${String.fromCharCode(65 + (productCounter % 26))}${String.fromCharCode(65 + (Math.floor(productCounter / 26) % 26))}`;
  const response = await api.call('POST', '/products', {
    body: { key, name: `Product ${key}`, ...overrides },
    token,
  });
  if (response.status !== 201)
    throw new Error(`buildProduct: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function buildItem(
  api: TestApi,
  productId: string,
  overrides: Record<string, unknown> = {},
  token?: string,
) {
  const response = await api.call('POST', `/products/${productId}/items`, {
    body: { title: 'An item', ...overrides },
    token,
  });
  if (response.status !== 201)
    throw new Error(`buildItem: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A user with a role and an API token of theirs. */
export async function buildUser(
  api: TestApi,
  role: 'admin' | 'editor' | 'viewer',
  email = `${role}-${Math.random().toString(36).slice(2)}@example.com`,
) {
  const created = await api.call('POST', '/users', {
    body: { email, name: role, role, password: 'a long enough password' },
  });
  if (created.status !== 201) throw new Error(`buildUser: ${created.status} ${JSON.stringify(created.body)}`);
  const { createApiToken } = await import('../../src/services/auth/api-tokens.ts');
  const token = await createApiToken({
    db: api.database.db,
    actor: { id: created.body.id, role },
    input: { name: 'test' },
  });
  return { user: created.body, token: token.token };
}
