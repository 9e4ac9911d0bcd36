/** One team by id (a trashed team shows `deletedAt`). */
import type { Team } from '../../presenters/sprint.ts';
import type { ServiceContext } from '../context.ts';
import { loadTeam, presentTeamRow } from './load-team.ts';

export async function getTeam(ctx: ServiceContext & { id: string }): Promise<Team> {
  return presentTeamRow(ctx.db, await loadTeam(ctx.db, ctx.actor, ctx.id));
}
