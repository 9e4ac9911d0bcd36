/**
 * Changes a sprint's fields. With `expectedVersion` (the HTTP If-Match) a stale version is refused with
 * `version_conflict`. A closed sprint is history: only its name and goal may still change.
 */
import { diffFields } from '../../domain/changes.ts';
import { END_BEFORE_START, sprintDatesProblem } from '../../domain/sprint-rules.ts';
import { presentSprint, type Sprint } from '../../presenters/sprint.ts';
import type { UpdateSprintInput } from '../../schemas/sprint.ts';
import type { SprintsTable } from '../../store/tables.ts';
import type { ServiceContext } from '../context.ts';
import { invalidField } from '../errors.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadLiveSprint } from './load-sprint.ts';
import { stateConflict } from './sprint-errors.ts';

function sprintColumns(input: UpdateSprintInput): Partial<SprintsTable> {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.goal !== undefined && { goal: input.goal }),
    ...(input.startDate !== undefined && { start_date: input.startDate }),
    ...(input.endDate !== undefined && { end_date: input.endDate }),
    ...(input.timezone !== undefined && { timezone: input.timezone }),
    ...(input.capacity !== undefined && { capacity: input.capacity }),
    ...(input.refinementShare !== undefined && { refinement_share: input.refinementShare }),
    ...(input.wipLimits !== undefined && { wip_limits: JSON.stringify(input.wipLimits) }),
  };
}

export async function updateSprint(
  ctx: ServiceContext & { id: string; input: UpdateSprintInput; expectedVersion?: number | undefined },
): Promise<Sprint> {
  return updateVersioned({
    ...ctx,
    entityType: 'sprint',
    load: (db) => loadLiveSprint(db, ctx.actor, ctx.id),
    present: (_db, row) => presentSprint(row),
    describe: (row) => `sprint "${row.name}"`,
    change: async (trx, current) => {
      const before = presentSprint(current);
      const changes = diffFields(before, ctx.input);
      if (Object.keys(changes).length === 0) return null;
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
      return {
        action: 'updated',
        changes,
        write: (stamp) =>
          trx
            .updateTable('sprints')
            .set({ ...sprintColumns(ctx.input), ...stamp })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst(),
      };
    },
  });
}
