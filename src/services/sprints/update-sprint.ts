/**
 * Changes a sprint's fields. With `expectedVersion` (the HTTP If-Match) a stale version is refused with
 * `version_conflict`. A closed sprint is history: only its name and goal may still change.
 */
import { diffFields } from '../../domain/changes.ts';
import { END_BEFORE_START, sprintDatesProblem } from '../../domain/sprint-rules.ts';
import { presentSprint, type Sprint } from '../../presenters/sprint.ts';
import type { UpdateSprintInput } from '../../schemas/sprint.ts';
import type { SprintsTable } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError, invalidField } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { loadLiveSprint } from './load-sprint.ts';
import { stateConflict } from './sprint-errors.ts';

function conflict(current: Sprint): AppError {
  return new AppError(
    'version_conflict',
    `sprint "${current.name}" was changed by someone else (now version ${current.version})`,
    { currentVersion: current.version, current },
  );
}

function sprintColumns(input: UpdateSprintInput): Partial<SprintsTable> {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.goal !== undefined && { goal: input.goal }),
    ...(input.startDate !== undefined && { start_date: input.startDate }),
    ...(input.endDate !== undefined && { end_date: input.endDate }),
    ...(input.timezone !== undefined && { timezone: input.timezone }),
    ...(input.capacity !== undefined && { capacity: input.capacity }),
    ...(input.wipLimits !== undefined && { wip_limits: JSON.stringify(input.wipLimits) }),
  };
}

export async function updateSprint(
  ctx: ServiceContext & { id: string; input: UpdateSprintInput; expectedVersion?: number | undefined },
): Promise<Sprint> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const found = await loadLiveSprint(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, found.product_id);
    // Read again under the product lock: on PostgreSQL another server may have written meanwhile.
    const before = presentSprint(await loadLiveSprint(trx, ctx.actor, found.id));
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== before.version) throw conflict(before);
    const changes = diffFields(before, ctx.input);
    if (Object.keys(changes).length === 0) return before;
    if (before.state === 'closed') {
      const frozen = Object.keys(changes).filter((field) => field !== 'name' && field !== 'goal');
      if (frozen.length > 0) {
        throw stateConflict(
          'sprint_closed',
          `sprint "${before.name}" is closed: only its name and goal can change (not ${frozen.join(', ')})`,
        );
      }
    }
    // A new start or end is checked with the other date as it will be: moving one can make the sprint
    // end before it starts, or last longer than 8 weeks. A sprint stored before the limit keeps its dates
    // until one of them changes.
    if (ctx.input.startDate !== undefined || ctx.input.endDate !== undefined) {
      const problem = sprintDatesProblem({
        startDate: ctx.input.startDate ?? before.startDate,
        endDate: ctx.input.endDate ?? before.endDate,
      });
      if (problem?.message === END_BEFORE_START && ctx.input.endDate === undefined) {
        throw invalidField('startDate', 'must not be after endDate');
      }
      if (problem) throw invalidField(problem.field, problem.message);
    }
    const row = await trx
      .updateTable('sprints')
      .set({ ...sprintColumns(ctx.input), version: before.version + 1, updated_at: at })
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw conflict(presentSprint(await loadLiveSprint(trx, ctx.actor, before.id)));
    await recordEvent(trx, {
      productId: row.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'sprint',
      entityId: row.id,
      action: 'updated',
      changes,
    });
    return presentSprint(row);
  });
}
