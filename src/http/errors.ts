/** The one table from error code to HTTP status, and the error body every failure uses. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AppError, type ErrorCode, fromDatabaseError } from '../services/errors.ts';

export const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  already_set_up: 409,
  duplicate_key: 409,
  dependency_cycle: 409,
  duplicate_dependency: 409,
  duplicate_name: 409,
  in_trash: 409,
  sprint_active: 409,
  invalid_state: 409,
  write_conflict: 409,
  version_conflict: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  misdirected_request: 421,
  invalid_import: 422,
  insufficient_scope: 403,
  internal_error: 500,
};

/** Zod issues as `{ path, message }`, the path dotted (`acceptanceCriteria.2.text`). */
export function issuesOf(error: ZodError, prefix?: string) {
  return error.issues.flatMap((issue) => {
    const at = (extra: string[]) =>
      [prefix, ...issue.path.map(String), ...extra].filter(Boolean).join('.') || '(body)';
    // An unknown field is named by its own path, so a form can point at it like any other bad field.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: at([key]), message: 'is not a known field' }));
    }
    return [{ path: at([]), message: issue.message }];
  });
}

export function validationError(error: ZodError, prefix?: string): AppError {
  const issues = issuesOf(error, prefix);
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  return new AppError('validation_failed', `invalid request: ${summary}`, { issues });
}

export function errorResponse(c: Context, error: AppError) {
  const status = statusOf[error.code];
  if (error.code === 'rate_limited') {
    const details = error.details as { retryAfterSeconds?: number } | undefined;
    c.header('Retry-After', String(details?.retryAfterSeconds ?? 60));
  }
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code: error.code, message: error.message },
  };
  if (error.details !== undefined) body.error.details = error.details;
  return c.json(body, status);
}

/** Maps anything thrown to a response; unexpected errors are logged and answered without internals. */
export function handleError(thrown: Error, c: Context, log: (message: string) => void) {
  const error = fromDatabaseError(thrown) as Error;
  if (error instanceof AppError) return errorResponse(c, error);
  if (error instanceof HTTPException && error.status >= 400 && error.status < 500) {
    if (error.status === 413)
      return errorResponse(c, new AppError('payload_too_large', 'request body is too large'));
    if (error.status === 415) {
      return errorResponse(
        c,
        new AppError('unsupported_media_type', 'request body must be JSON (Content-Type: application/json)'),
      );
    }
    if (error.status === 401)
      return errorResponse(c, new AppError('unauthorized', 'authentication required'));
    const message = /json/i.test(error.message)
      ? 'request body is not valid JSON'
      : error.message || 'bad request';
    return errorResponse(
      c,
      new AppError('validation_failed', message, { issues: [{ path: '(body)', message }] }),
    );
  }
  log(`unexpected error on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
  return errorResponse(c, new AppError('internal_error', 'something went wrong on the server'));
}
