/** Moves a team to the trash; refused while the team runs an active sprint (close it first). */
import type { Team } from '../../presenters/sprint.ts';
import type { ServiceContext } from '../context.ts';
import { stateConflict } from '../sprints/sprint-errors.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadTeam, presentTeamRow } from './load-team.ts';

export async function deleteTeam(ctx: ServiceContext & { id: string }): Promise<Team> {
  return updateVersioned({
    ...ctx,
    entityType: 'team',
    load: (db) => loadTeam(db, ctx.actor, ctx.id),
    present: presentTeamRow,
    describe: (row) => `team "${row.name}"`,
    change: async (trx, team, at) => {
      if (team.deleted_at !== null) return null;
      const active = await trx
        .selectFrom('sprints')
        .select('name')
        .where('team_id', '=', team.id)
        .where('state', '=', 'active')
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (active) {
        throw stateConflict(
          'team_has_active_sprint',
          `team "${team.name}" has an active sprint ("${active.name}"); close it before deleting the team`,
        );
      }
      return {
        action: 'deleted',
        changes: { deletedAt: [null, at] },
        write: (stamp) =>
          trx
            .updateTable('teams')
            .set({ deleted_at: at, ...stamp })
            .where('id', '=', team.id)
            .where('version', '=', team.version)
            .returningAll()
            .executeTakeFirst(),
      };
    },
  });
}
