/**
 * Velocity from closed sprints: the mean completed points of the last VELOCITY_SPRINTS closed sprints of
 * a team, or of the whole product. Pure: the caller passes the sprints.
 */

/** How many closed sprints velocity looks back over. */
export const VELOCITY_SPRINTS = 3;

export interface ClosedSprintFacts {
  teamId: string | null;
  state: 'planned' | 'active' | 'closed';
  completedPoints: number | null;
  closedAt: string | null;
  id: string;
}

export interface Velocities {
  /** By team id; a team without a closed sprint is absent. */
  byTeam: ReadonlyMap<string, number>;
  /** Over every sprint of the product, whatever its team; null before the first closes. */
  product: number | null;
}

function meanOfLatest(sprints: ClosedSprintFacts[]): number {
  const latest = sprints.slice(0, VELOCITY_SPRINTS);
  return latest.reduce((sum, sprint) => sum + (sprint.completedPoints ?? 0), 0) / latest.length;
}

/** Newest closed first, as services/sprints/team-velocity.ts orders them. */
function newestFirst(a: ClosedSprintFacts, b: ClosedSprintFacts): number {
  const at = (a.closedAt ?? '') < (b.closedAt ?? '') ? 1 : (a.closedAt ?? '') > (b.closedAt ?? '') ? -1 : 0;
  return at !== 0 ? at : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function velocities(sprints: readonly ClosedSprintFacts[]): Velocities {
  const closed = sprints.filter((sprint) => sprint.state === 'closed').sort(newestFirst);
  const byTeamSprints = new Map<string, ClosedSprintFacts[]>();
  for (const sprint of closed) {
    if (sprint.teamId === null) continue;
    const list = byTeamSprints.get(sprint.teamId);
    if (list) list.push(sprint);
    else byTeamSprints.set(sprint.teamId, [sprint]);
  }
  const byTeam = new Map<string, number>();
  for (const [teamId, list] of byTeamSprints) byTeam.set(teamId, meanOfLatest(list));
  return { byTeam, product: closed.length === 0 ? null : meanOfLatest(closed) };
}

/** The velocity that applies to work of `teamId` (null: no team): the team's, else the product's. */
export function velocityFor(v: Velocities, teamId: string | null): number | null {
  return (teamId !== null ? v.byTeam.get(teamId) : undefined) ?? v.product;
}
