/**
 * Changes a team's name, description or members. With `expectedVersion` (the HTTP If-Match) a stale
 * version is refused with `version_conflict` and nothing changes.
 */
import { diffFields } from '../../domain/changes.ts';
import type { Team } from '../../presenters/sprint.ts';
import type { UpdateTeamInput } from '../../schemas/team.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { loadLiveTeam, presentTeamRow } from './load-team.ts';
import { assertActiveUsers, sortedIds, writeMembers } from './team-members.ts';

function conflict(current: Team): AppError {
  return new AppError(
    'version_conflict',
    `team "${current.name}" was changed by someone else (now version ${current.version})`,
    { currentVersion: current.version, current },
  );
}

export async function updateTeam(
  ctx: ServiceContext & { id: string; input: UpdateTeamInput; expectedVersion?: number | undefined },
): Promise<Team> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const found = await loadLiveTeam(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, found.product_id);
    // Read again under the product lock: on PostgreSQL another server may have written meanwhile.
    const before = await presentTeamRow(trx, await loadLiveTeam(trx, ctx.actor, found.id));
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== before.version) throw conflict(before);
    const input = { ...ctx.input };
    if (input.memberIds !== undefined) {
      input.memberIds = sortedIds(input.memberIds);
      await assertActiveUsers(trx, input.memberIds);
    }
    const changes = diffFields(before, input);
    if (Object.keys(changes).length === 0) return before;
    const row = await trx
      .updateTable('teams')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        version: before.version + 1,
        updated_at: at,
      })
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw conflict(await presentTeamRow(trx, await loadLiveTeam(trx, ctx.actor, before.id)));
    if (changes.memberIds && input.memberIds) await writeMembers(trx, row.id, input.memberIds);
    await recordEvent(trx, {
      productId: row.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'team',
      entityId: row.id,
      action: 'updated',
      changes,
    });
    return presentTeamRow(trx, row);
  });
}
