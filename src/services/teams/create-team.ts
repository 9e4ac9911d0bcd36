/** Creates a team in a product, with its members. */
import { creationChanges } from '../../domain/changes.ts';
import { presentTeam, type Team } from '../../presenters/sprint.ts';
import type { CreateTeamInput } from '../../schemas/team.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { assertActiveUsers, sortedIds, writeMembers } from './team-members.ts';

export async function createTeam(
  ctx: ServiceContext & { productId: string; input: CreateTeamInput },
): Promise<Team> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const visible = await loadVisibleProduct(trx, ctx.actor, ctx.productId);
    const product = await lockProductForWrite(trx, ctx.actor, visible.id);
    const memberIds = sortedIds(ctx.input.memberIds);
    await assertActiveUsers(trx, memberIds);
    const row = {
      id: newId(),
      product_id: product.id,
      name: ctx.input.name,
      description: ctx.input.description,
      version: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await trx.insertInto('teams').values(row).execute();
    await writeMembers(trx, row.id, memberIds);
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'team',
      entityId: row.id,
      action: 'created',
      changes: creationChanges({ name: row.name, description: row.description, memberIds }),
    });
    return presentTeam(row, memberIds);
  });
}
