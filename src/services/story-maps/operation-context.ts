/** What each story map operation receives, and what it returns: the event's changes and the writes. */
import type { Changes } from '../../domain/changes.ts';
import { LIMITS } from '../../schemas/limits.ts';
import type { Db } from '../../store/database.ts';
import type { StoryMapRow } from '../../store/tables.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, invalidField } from '../errors.ts';

export interface OperationContext {
  trx: Db;
  ctx: ServiceContext;
  map: StoryMapRow;
  at: string;
}

/** An operation worked out from the map read under the lock; `apply` runs after the map's version moved. */
export interface PlannedOperation {
  changes: Changes;
  apply(): Promise<void>;
}

/** A child of the map named in input that does not exist: a 400 naming the field. */
export function notOnMap(path: string, what: string): AppError {
  return invalidField(path, `does not name ${what} of this story map`);
}

/** A map already at one of its limits. */
export function atLimit(what: string, limit: number): AppError {
  return new AppError('invalid_state', `a story map holds at most ${limit} ${what}; remove one first`);
}

export { LIMITS };
