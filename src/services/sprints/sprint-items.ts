import type { BacklogItem } from '../../schemas/item.ts';
import type { Db } from '../../store/database.ts';
import { listBacklogRows } from '../items/backlog-rows.ts';

export function listSprintItems(db: Db, sprintId: string): Promise<BacklogItem[]> {
  return listBacklogRows(db, 'sprint_id', sprintId);
}

export { type SprintPoints, sprintPoints } from '../../domain/sprint-points.ts';
