/** Moves a team to the trash; refused while the team runs an active sprint (close it first). */
import type { Team } from '../../presenters/sprint.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { stateConflict } from '../sprints/sprint-errors.ts';
import { loadTeam, presentTeamRow } from './load-team.ts';

export async function deleteTeam(ctx: ServiceContext & { id: string }): Promise<Team> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const found = await loadTeam(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, found.product_id);
    const team = await loadTeam(trx, ctx.actor, found.id);
    if (team.deleted_at !== null) return presentTeamRow(trx, team);
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
    const row = await trx
      .updateTable('teams')
      .set({ deleted_at: at, version: team.version + 1, updated_at: at })
      .where('id', '=', team.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      productId: team.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'team',
      entityId: team.id,
      action: 'deleted',
      changes: { deletedAt: [null, at] },
    });
    return presentTeamRow(trx, row);
  });
}
