/** The browser's side of the HTTP API: same-origin fetch with the session cookie, typed errors. */

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

export interface RequestOptions {
  /** Sends If-Match with this version: the server answers 412 if the object changed meanwhile. */
  ifMatch?: number;
  signal?: AbortSignal;
}

/** Listeners told when the server says the session is gone (401), so the app can show the login. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // Behind Node every non-GET request has a (possibly empty) body stream, and the server refuses a body that
  // is not declared JSON (415): a bodyless DELETE or POST (trash, restore) must declare it too.
  if (body !== undefined || method !== 'GET') headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(API + path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Cannot reach the Cairn server. Check your connection.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    if (response.status === 401 && !path.startsWith('/auth/login')) {
      for (const listener of unauthorizedListeners) listener();
    }
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? `The server answered ${response.status} ${response.statusText}`,
      error?.details,
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
