/**
 * The events of every item that was ever in a sprint (the sprint_scope_items index), as the replay in
 * domain/item-replay.ts reads them: sprint outcomes and reports use the charts' loader, which reads only
 * the replayed fields.
 */
import type { ItemEvent } from '../../domain/item-replay.ts';
import type { Db } from '../../store/database.ts';
import { loadBurndownEvents } from '../charts/load-burndown-events.ts';

/** Ordered by id; with `until` (ISO), only events at or before that instant. */
export async function loadSprintItemEvents(db: Db, sprintId: string, until?: string): Promise<ItemEvent[]> {
  const events = await loadBurndownEvents(db, { sprintId });
  return until === undefined ? events : events.filter((event) => event.at <= until);
}
