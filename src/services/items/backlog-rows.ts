/**
 * Live items as backlog rows (the compact shape the web app holds), in rank order: a product's whole
 * backlog, a sprint's items or a release's items.
 */
import { sql } from 'kysely';
import { presentBacklogRow } from '../../presenters/backlog-item.ts';
import type { BacklogItem } from '../../schemas/item.ts';
import type { Db } from '../../store/database.ts';

export async function listBacklogRows(
  db: Db,
  by: 'product_id' | 'sprint_id' | 'release_id',
  id: string,
  /** Only the first rows in rank order; absent: all. */
  limit?: number,
): Promise<BacklogItem[]> {
  let query = db
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
    .where(by, '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('rank');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map(presentBacklogRow);
}
