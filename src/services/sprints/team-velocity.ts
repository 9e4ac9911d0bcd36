/** A team's velocity: completed points of its last three closed sprints (mean, min, max). */
import { VELOCITY_SPRINTS } from '../../domain/velocity.ts';
import type { Db } from '../../store/database.ts';

export interface VelocitySummary {
  mean: number | null;
  min: number | null;
  max: number | null;
  sprints: number;
}

/** `teamId` null: the product's sprints without a team; 'all': every sprint of the product. */
export async function teamVelocity(
  db: Db,
  productId: string,
  teamId: string | null | 'all',
): Promise<VelocitySummary> {
  let query = db.selectFrom('sprints').select('completed_points').where('product_id', '=', productId);
  if (teamId !== 'all') query = query.where('team_id', teamId === null ? 'is' : '=', teamId);
  const rows = await query
    .where('state', '=', 'closed')
    .where('deleted_at', 'is', null)
    .orderBy('closed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(VELOCITY_SPRINTS)
    .execute();
  const points = rows.map((row) => row.completed_points ?? 0);
  if (points.length === 0) return { mean: null, min: null, max: null, sprints: 0 };
  return {
    mean: points.reduce((sum, p) => sum + p, 0) / points.length,
    min: Math.min(...points),
    max: Math.max(...points),
    sprints: points.length,
  };
}
