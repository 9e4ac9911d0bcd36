/** One release (trashed ones show `deletedAt`) with its live items as backlog rows, in rank order. */
import type { ReleaseDetail } from '../../schemas/release.ts';
import type { ServiceContext } from '../context.ts';
import { listBacklogRows } from '../items/backlog-rows.ts';
import { loadRelease, presentWithCounts } from './load-release.ts';

export async function getRelease(ctx: ServiceContext & { id: string }): Promise<ReleaseDetail> {
  const row = await loadRelease(ctx.db, ctx.actor, ctx.id);
  const items = await listBacklogRows(ctx.db, 'release_id', row.id);
  return { ...(await presentWithCounts(ctx.db, row)), items };
}
