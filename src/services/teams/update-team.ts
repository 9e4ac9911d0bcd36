/**
 * Changes a team's name, description or members. With `expectedVersion` (the HTTP If-Match) a stale
 * version is refused with `version_conflict` and nothing changes (services/write/update-versioned.ts).
 */
import { diffFields } from '../../domain/changes.ts';
import type { Team } from '../../presenters/sprint.ts';
import type { UpdateTeamInput } from '../../schemas/team.ts';
import type { ServiceContext } from '../context.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadLiveTeam, presentTeamRow } from './load-team.ts';
import { assertActiveUsers, sortedIds, writeMembers } from './team-members.ts';

export async function updateTeam(
  ctx: ServiceContext & { id: string; input: UpdateTeamInput; expectedVersion?: number | undefined },
): Promise<Team> {
  return updateVersioned({
    ...ctx,
    entityType: 'team',
    load: (db) => loadLiveTeam(db, ctx.actor, ctx.id),
    present: presentTeamRow,
    describe: (row) => `team "${row.name}"`,
    change: async (trx, current) => {
      const before = await presentTeamRow(trx, current);
      const input = { ...ctx.input };
      if (input.memberIds !== undefined) {
        input.memberIds = sortedIds(input.memberIds);
        await assertActiveUsers(trx, input.memberIds);
      }
      const changes = diffFields(before, input);
      if (Object.keys(changes).length === 0) return null;
      return {
        action: 'updated',
        changes,
        write: async (stamp) => {
          const row = await trx
            .updateTable('teams')
            .set({
              ...(input.name !== undefined && { name: input.name }),
              ...(input.description !== undefined && { description: input.description }),
              ...stamp,
            })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst();
          if (row && changes.memberIds && input.memberIds) await writeMembers(trx, row.id, input.memberIds);
          return row;
        },
      };
    },
  });
}
