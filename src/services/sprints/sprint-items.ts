/** A sprint's live items as backlog rows, in rank order, and the points they add up to. */
import { sql } from 'kysely';
import { presentBacklogRow } from '../../presenters/backlog-item.ts';
import type { BacklogItem } from '../../schemas/item.ts';
import type { Db } from '../../store/database.ts';

export async function listSprintItems(db: Db, sprintId: string): Promise<BacklogItem[]> {
  const rows = await db
    .selectFrom('items')
    .select([
      'id',
      'key',
      'type',
      'title',
      'status',
      'estimate',
      'initiative_id',
      'labels',
      'assignee_id',
      'sprint_id',
      'release_id',
      'rank',
      'version',
      'updated_at',
      'acceptance_criteria',
      sql<boolean | number>`story is not null`.as('has_story'),
    ])
    .where('sprint_id', '=', sprintId)
    .where('deleted_at', 'is', null)
    .orderBy('rank')
    .execute();
  return rows.map(presentBacklogRow);
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
