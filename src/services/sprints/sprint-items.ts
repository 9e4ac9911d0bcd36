import type { BacklogItem } from '../../schemas/item.ts';
import type { Db } from '../../store/database.ts';
import { listBacklogRows } from '../items/backlog-rows.ts';

export function listSprintItems(db: Db, sprintId: string): Promise<BacklogItem[]> {
  return listBacklogRows(db, 'sprint_id', sprintId);
}

export interface SprintPoints {
  /** Estimates of the items that count (not won't do). */
  planned: number;
  /** Estimates of the done items. */
  done: number;
  /** Items that count but have no estimate (0 points). */
  unestimated: number;
}

/** Points of a sprint's live items; won't-do items do not count, unestimated ones count 0. */
export function sprintPoints(items: readonly Pick<BacklogItem, 'status' | 'estimate'>[]): SprintPoints {
  const points: SprintPoints = { planned: 0, done: 0, unestimated: 0 };
  for (const item of items) {
    if (item.status === 'wont_do') continue;
    if (item.estimate === null) points.unestimated += 1;
    points.planned += item.estimate ?? 0;
    if (item.status === 'done') points.done += item.estimate ?? 0;
  }
  return points;
}
