/**
 * Plans a sprint in a product, optionally for one of its teams. Without WIP limits it takes those of the
 * team's most recent sprint (a product's sprints without a team count as one team), else none.
 */
import { creationChanges } from '../../domain/changes.ts';
import { presentSprint, type Sprint, type WipLimits } from '../../presenters/sprint.ts';
import type { CreateSprintInput } from '../../schemas/sprint.ts';
import type { Db } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { assertInProduct } from '../planning/references.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';

/** The limits of the team's latest sprint (by start date), or none. */
async function previousWipLimits(db: Db, productId: string, teamId: string | null): Promise<WipLimits> {
  const latest = await db
    .selectFrom('sprints')
    .select('wip_limits')
    .where('product_id', '=', productId)
    .where('team_id', teamId === null ? 'is' : '=', teamId)
    .where('deleted_at', 'is', null)
    .orderBy('start_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest ? (JSON.parse(latest.wip_limits) as WipLimits) : {};
}

/** `productId` may be the product's id or key. */
export async function createSprint(
  ctx: ServiceContext & { productId: string; input: CreateSprintInput },
): Promise<Sprint> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const visible = await loadVisibleProduct(trx, ctx.actor, ctx.productId);
    const product = await lockProductForWrite(trx, ctx.actor, visible.id);
    const { input } = ctx;
    if (input.teamId !== null) await assertInProduct(trx, 'teams', input.teamId, product.id, 'teamId');
    const wipLimits = input.wipLimits ?? (await previousWipLimits(trx, product.id, input.teamId));
    const row = {
      id: newId(),
      product_id: product.id,
      team_id: input.teamId,
      name: input.name,
      goal: input.goal,
      start_date: input.startDate,
      end_date: input.endDate,
      timezone: input.timezone,
      capacity: input.capacity,
      refinement_share: input.refinementShare,
      state: 'planned' as const,
      wip_limits: JSON.stringify(wipLimits),
      started_at: null,
      closed_at: null,
      committed_points: null,
      completed_points: null,
      report: null,
      version: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await trx.insertInto('sprints').values(row).execute();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'sprint',
      entityId: row.id,
      action: 'created',
      changes: creationChanges({ ...input, wipLimits }),
    });
    return presentSprint(row);
  });
}
