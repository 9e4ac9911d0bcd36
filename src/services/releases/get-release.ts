/** One release (trashed ones show `deletedAt`) with its live items as backlog rows, in rank order. */
import { sql } from 'kysely';
import { presentBacklogRow } from '../../presenters/backlog-item.ts';
import type { ReleaseDetail } from '../../schemas/release.ts';
import type { ServiceContext } from '../context.ts';
import { loadRelease, presentWithCounts } from './load-release.ts';

export async function getRelease(ctx: ServiceContext & { id: string }): Promise<ReleaseDetail> {
  const row = await loadRelease(ctx.db, ctx.actor, ctx.id);
  const items = await ctx.db
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
    .where('release_id', '=', row.id)
    .where('deleted_at', 'is', null)
    .orderBy('rank')
    .execute();
  return { ...(await presentWithCounts(ctx.db, row)), items: items.map(presentBacklogRow) };
}
