/**
 * The one error type services throw. A stable `code` is what clients and tests match on; the HTTP status,
 * CLI exit code and (later) MCP error are looked up from it by each transport — services never know them.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf_rejected'
  | 'not_found'
  | 'already_set_up'
  | 'duplicate_key'
  | 'dependency_cycle'
  | 'duplicate_dependency'
  | 'in_trash'
  | 'version_conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal_error';

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** A validation error naming one field. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path} ${message}`, { issues: [{ path, message }] });
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}
