/**
 * The points of a sprint's items, as the server's sprint detail, its start (the commitment) and the web's
 * planning screens all count them: won't-do items do not count; an item without an estimate counts 0 and
 * is counted apart, so a planner sees what is missing.
 */

/** What the points rule reads of an item. */
export interface PointedItem {
  status: string;
  estimate: number | null;
}

export interface SprintPoints {
  /** Estimates of the items that count (not won't do). */
  planned: number;
  /** Estimates of the done items. */
  done: number;
  /** Items that count but have no estimate (0 points). */
  unestimated: number;
}

/** Whether an item's points count toward its sprint: every status but won't do. */
export function countsTowardSprint(item: Pick<PointedItem, 'status'>): boolean {
  return item.status !== 'wont_do';
}

/** The points of `items` (a sprint's live items). */
export function sprintPoints(items: readonly PointedItem[]): SprintPoints {
  const points: SprintPoints = { planned: 0, done: 0, unestimated: 0 };
  for (const item of items) {
    if (!countsTowardSprint(item)) continue;
    if (item.estimate === null) points.unestimated += 1;
    points.planned += item.estimate ?? 0;
    if (item.status === 'done') points.done += item.estimate ?? 0;
  }
  return points;
}
