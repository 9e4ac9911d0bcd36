/**
 * Moves a planned sprint to the trash; its items go back to the backlog (where they are in the order) in
 * the same transaction. A sprint that has started is history and cannot be deleted.
 */
import { presentSprint, type Sprint } from '../../presenters/sprint.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { loadSprint } from './load-sprint.ts';
import { moveItemsToSprint } from './move-sprint-items.ts';
import { stateConflict } from './sprint-errors.ts';

export async function deleteSprint(ctx: ServiceContext & { id: string }): Promise<Sprint> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const found = await loadSprint(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, found.product_id);
    const sprint = await loadSprint(trx, ctx.actor, found.id);
    if (sprint.deleted_at !== null) return presentSprint(sprint);
    if (sprint.state !== 'planned') {
      throw stateConflict(
        'sprint_not_planned',
        `sprint "${sprint.name}" is ${sprint.state}: only a planned sprint can be deleted`,
      );
    }
    // Trashed items too: none may point at a sprint in the trash once restored.
    const items = await trx.selectFrom('items').select('id').where('sprint_id', '=', sprint.id).execute();
    await moveItemsToSprint(
      trx,
      { productId: sprint.product_id, fromSprintId: sprint.id, actorId: ctx.actor.id, at },
      items,
      null,
    );
    const row = await trx
      .updateTable('sprints')
      .set({ deleted_at: at, version: sprint.version + 1, updated_at: at })
      .where('id', '=', sprint.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      productId: sprint.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'sprint',
      entityId: sprint.id,
      action: 'deleted',
      changes: { deletedAt: [null, at] },
    });
    return presentSprint(row);
  });
}
