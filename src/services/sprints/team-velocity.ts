/** A team's velocity: completed points of its last three closed sprints (mean, min, max). */
import type { Db } from '../../store/database.ts';

export interface VelocitySummary {
  mean: number | null;
  min: number | null;
  max: number | null;
  sprints: number;
}

/** How many closed sprints velocity looks back over. */
export const VELOCITY_SPRINTS = 3;

/** `teamId` null: the product's sprints without a team. */
export async function teamVelocity(
  db: Db,
  productId: string,
  teamId: string | null,
): Promise<VelocitySummary> {
  const rows = await db
    .selectFrom('sprints')
    .select('completed_points')
    .where('product_id', '=', productId)
    .where('team_id', teamId === null ? 'is' : '=', teamId)
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
