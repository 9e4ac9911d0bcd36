/**
 * Moves a planned sprint to the trash; its items go back to the backlog (where they are in the order) in
 * the same transaction. A sprint that has started is history and cannot be deleted.
 */
import { presentSprint, type Sprint } from '../../presenters/sprint.ts';
import type { ServiceContext } from '../context.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadSprint } from './load-sprint.ts';
import { moveItemsToSprint } from './move-sprint-items.ts';
import { stateConflict } from './sprint-errors.ts';

export async function deleteSprint(ctx: ServiceContext & { id: string }): Promise<Sprint> {
  return updateVersioned({
    ...ctx,
    entityType: 'sprint',
    load: (db) => loadSprint(db, ctx.actor, ctx.id),
    present: (_db, row) => presentSprint(row),
    describe: (row) => `sprint "${row.name}"`,
    change: async (trx, sprint, at) => {
      if (sprint.deleted_at !== null) return null;
      if (sprint.state !== 'planned') {
        throw stateConflict(
          'sprint_not_planned',
          `sprint "${sprint.name}" is ${sprint.state}: only a planned sprint can be deleted`,
        );
      }
      return {
        action: 'deleted',
        changes: { deletedAt: [null, at] },
        write: async (stamp) => {
          // Trashed items too: none may point at a sprint in the trash once restored.
          const items = await trx
            .selectFrom('items')
            .select('id')
            .where('sprint_id', '=', sprint.id)
            .execute();
          await moveItemsToSprint(
            trx,
            { productId: sprint.product_id, fromSprintId: sprint.id, actorId: ctx.actor.id, at },
            items,
            null,
          );
          return trx
            .updateTable('sprints')
            .set({ deleted_at: at, ...stamp })
            .where('id', '=', sprint.id)
            .where('version', '=', sprint.version)
            .returningAll()
            .executeTakeFirst();
        },
      };
    },
  });
}
