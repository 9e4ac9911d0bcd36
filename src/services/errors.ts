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
  | 'duplicate_name'
  | 'in_trash'
  | 'sprint_active'
  | 'invalid_state'
  | 'write_conflict'
  | 'version_conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'misdirected_request'
  | 'invalid_import'
  | 'insufficient_scope'
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

/**
 * Translates the database's own refusals that a race can cause (a unique key taken a moment ago, a
 * deadlock or serialization failure) into stable errors; anything else is returned unchanged.
 */
export function fromDatabaseError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError(
      'duplicate_key',
      'this conflicts with a record written at the same moment; reload and retry',
    );
  }
  if (code === '40P01' || code === '40001' || code === 'SQLITE_BUSY') {
    return new AppError('write_conflict', 'a concurrent change got in the way; retry the request');
  }
  return error;
}
