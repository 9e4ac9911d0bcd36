/** The browser's side of the HTTP API: same-origin fetch with the session cookie, typed errors. */
import createClient, { type Middleware } from 'openapi-fetch';
import { takeBootAnswer } from './boot-answers.ts';
import type { paths } from './schema.gen.ts';

export const API = '/api/v1';

/** An API error as the server describes it: `{error: {code, message, details}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The first field-level problem, e.g. "title: must not be empty". */
  get fieldMessage(): string {
    const first = this.firstIssue;
    if (!first) return this.message;
    return first.path ? `${first.path}: ${first.message}` : first.message;
  }

  /**
   * The field the server refused, dotted (`acceptanceCriteria.2.text`), or null. A form shows the message
   * next to this field.
   */
  get field(): string | null {
    return this.firstIssue?.path || null;
  }

  /** The message of the first field-level problem, without the field's name (shown at the field). */
  get issueMessage(): string {
    return this.firstIssue?.message ?? this.message;
  }

  private get firstIssue(): { path: string; message: string } | null {
    const issues = (this.details as { issues?: unknown } | null | undefined)?.issues;
    const first: unknown = Array.isArray(issues) ? issues[0] : undefined;
    if (!first || typeof first !== 'object') return null;
    const { path, message } = first as { path?: unknown; message?: unknown };
    return { path: dottedPath(path), message: typeof message === 'string' ? message : this.message };
  }
}

/**
 * An issue's path as one dotted string. The server sends it dotted already (`acceptanceCriteria.2.text`);
 * zod's own shape is an array. Either may arrive, so both are read: a path of an unexpected shape must
 * never make an error message throw while it is being shown. "(body)" names no field.
 */
export function dottedPath(path: unknown): string {
  if (Array.isArray(path)) return path.map(String).join('.');
  if (typeof path === 'string' && path !== '(body)') return path;
  if (typeof path === 'number') return String(path);
  return '';
}

/** Listeners told when the server says the session is gone (401), so the app can show the login. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** openapi-fetch builds a Request, which needs an absolute address outside a browser (the unit tests). */
const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;

/** What every request and answer goes through: headers, the 401 listeners, a network failure's error. */
const conventions: Middleware = {
  onRequest({ request }) {
    // Behind Node every non-GET request has a (possibly empty) body stream, and the server refuses a body
    // that is not declared JSON (415): a bodyless DELETE or POST (trash, restore) must declare it too.
    if (request.method !== 'GET' && !request.headers.has('Content-Type')) {
      request.headers.set('Content-Type', 'application/json');
    }
    return request;
  },
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && !schemaPath.startsWith('/auth/login')) {
      for (const listener of unauthorizedListeners) listener();
    }
    return response;
  },
  onError({ error }) {
    if ((error as Error).name === 'AbortError') return;
    return new ApiError(0, 'network_error', 'Cannot reach the Cairn server. Check your connection.');
  },
};

/**
 * The API with its paths, parameters, bodies and answers typed from the OpenAPI document (schema.gen.ts,
 * `npm run generate:api`): same-origin with the session cookie, JSON both ways.
 */
export const client = createClient<paths, 'application/json'>({
  baseUrl: origin + API,
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
  // A read the boot script already sent is answered from there (once). `fetch` is looked up on each call,
  // so a test's stand-in for it is the one used.
  fetch: (request) =>
    takeBootAnswer(request.method, request.url.slice(origin.length + API.length)) ??
    globalThis.fetch(request),
});
client.use(conventions);

/** Headers that make a write conditional: the server answers 412 if the object changed since `version`. */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}

/** openapi-fetch's answer: the data of a 2xx, or the error body of anything else. */
type Answer = { data?: unknown; error?: unknown; response: Response };
/** The data of the success branch only (the error branch has `data?: never`). */
type DataOf<A> = Extract<A, { data: unknown }>['data'];

/**
 * The data of a successful answer, or the server's `{error:{code,message,details}}` thrown as an ApiError:
 * `const item = await ok(client.GET('/items/{idOrKey}', { params: { path: { idOrKey } } }))`.
 */
export async function ok<A extends Answer>(pending: Promise<A>): Promise<DataOf<A>> {
  const answer = await pending;
  const { response } = answer;
  // A 2xx is openapi-fetch's success branch; TypeScript cannot narrow the union by `response.ok`.
  if (response.ok) return answer.data as DataOf<A>;
  const error = (
    answer.error as { error?: { code?: string; message?: string; details?: unknown } } | undefined
  )?.error;
  throw new ApiError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.message ?? `The server answered ${response.status} ${response.statusText}`,
    error?.details,
  );
}

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
