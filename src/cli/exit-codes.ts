/** The CLI's side of the error table: a stable exit code per error code, for scripts that call `cairn`. */
import { AppError, type ErrorCode } from '../services/errors.ts';

const exitCodes: Partial<Record<ErrorCode, number>> = {
  validation_failed: 2,
  not_found: 3,
  unauthorized: 4,
  forbidden: 4,
  already_set_up: 5,
  duplicate_key: 5,
  dependency_cycle: 5,
  duplicate_dependency: 5,
  duplicate_name: 5,
  sprint_active: 5,
  invalid_state: 5,
  invalid_import: 6,
  insufficient_scope: 4,
};

/** 1 for anything unexpected. */
export function exitCodeOf(error: unknown): number {
  return error instanceof AppError ? (exitCodes[error.code] ?? 1) : 1;
}
