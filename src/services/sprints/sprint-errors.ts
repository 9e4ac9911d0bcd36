/**
 * The refusals of the sprint rules (one active sprint per team; what a sprint's state allows): 409
 * `sprint_active` or `invalid_state`, with `details.reason` naming the rule.
 */
import { AppError } from '../errors.ts';

export type SprintRule =
  | 'sprint_active'
  | 'sprint_not_planned'
  | 'sprint_not_active'
  | 'sprint_closed'
  | 'sprint_planned'
  | 'team_has_active_sprint';

/** The team already runs an active sprint. */
export function sprintActive(message: string, activeSprintId: string | null): AppError {
  return new AppError('sprint_active', message, { reason: 'sprint_active', activeSprintId });
}

/** The sprint's (or team's) state does not allow the change. */
export function stateConflict(reason: SprintRule, message: string): AppError {
  return new AppError('invalid_state', message, { reason });
}

/**
 * The partial unique index `sprints_one_active` refused a second active sprint of a team: two starts
 * raced past the check. Both databases name the index in the error (PostgreSQL in `constraint`, SQLite in
 * the message).
 */
export function isOneActiveViolation(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (e.code === '23505') return e.constraint === 'sprints_one_active';
  return (
    typeof e.code === 'string' &&
    e.code.startsWith('SQLITE_CONSTRAINT') &&
    typeof e.message === 'string' &&
    e.message.includes('sprints_one_active')
  );
}
