/**
 * Velocity: committed and completed points of a team's last N closed sprints, oldest first, with the
 * mean, min and max completed over the last 3. The points are the ones stored when each sprint closed
 * (replayed from its items' events then, never changed afterwards), so this reads sprint rows only.
 */
import type { z } from '@hono/zod-openapi';
import type { VelocityChart } from '../../schemas/chart.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { resolveTeam } from './resolve-team.ts';

export type Velocity = z.infer<typeof VelocityChart>;

export interface VelocityResult {
  /** For the CSV file name. */
  productKey: string;
  velocity: Velocity;
}

/** How many of the latest sprints the mean, min and max are taken over. */
export const VELOCITY_WINDOW = 3;

export async function getVelocity(
  ctx: ServiceContext & { productId: string; teamId?: string | undefined; count: number },
): Promise<VelocityResult> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const teamId = await resolveTeam(ctx.db, product.id, ctx.teamId === 'none' ? undefined : ctx.teamId);
  let query = ctx.db
    .selectFrom('sprints')
    .select(['id', 'name', 'start_date', 'end_date', 'closed_at', 'committed_points', 'completed_points'])
    .where('product_id', '=', product.id)
    .where('state', '=', 'closed')
    .where('deleted_at', 'is', null);
  query = teamId === null ? query.where('team_id', 'is', null) : query.where('team_id', '=', teamId);
  const rows = await query
    .orderBy('closed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.max(ctx.count, VELOCITY_WINDOW))
    .execute();
  const completed = rows.slice(0, VELOCITY_WINDOW).map((row) => row.completed_points ?? 0);
  const velocity: Velocity = {
    teamId,
    sprints: rows
      .slice(0, ctx.count)
      .reverse()
      .map((row) => ({
        sprintId: row.id,
        name: row.name,
        startDate: row.start_date,
        endDate: row.end_date,
        closedAt: row.closed_at ?? '',
        committed: row.committed_points ?? 0,
        completed: row.completed_points ?? 0,
      })),
    mean: completed.length === 0 ? null : completed.reduce((a, b) => a + b, 0) / completed.length,
    min: completed.length === 0 ? null : Math.min(...completed),
    max: completed.length === 0 ? null : Math.max(...completed),
  };
  return { productKey: product.key, velocity };
}
