/** A row of item_replay_events as the change set the replay reads. */
import type { Changes } from '../../domain/changes.ts';
import type { ItemReplayEventsTable } from '../../store/tables.ts';

/** The replayed fields of a projection row as the change set the replay reads ([null, after] each). */
export function changesOfRow(
  row: Omit<ItemReplayEventsTable, 'item_id' | 'event_id' | 'at' | 'action'>,
): Changes {
  // Written out field by field: a sprint's first burndown turns some ten thousand rows into change sets.
  const changes: Changes = {};
  const fields = row.fields;
  if (fields & 1) changes.key = [null, row.key];
  if (fields & 2) changes.title = [null, row.title];
  if (fields & 4) changes.sprintId = [null, row.sprint_id];
  if (fields & 8) changes.estimate = [null, row.estimate];
  if (fields & 16) changes.status = [null, row.status];
  if (fields & 32) changes.deletedAt = [null, row.deleted_at];
  return changes;
}
