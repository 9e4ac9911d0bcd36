/**
 * Starts a planned sprint: it becomes the team's active sprint (one per team; a product's sprints without
 * a team count as one team) and commits to the points in it now.
 */
import { sprintPoints } from '../../domain/sprint-points.ts';
import { presentSprint, type Sprint } from '../../presenters/sprint.ts';
import type { Db } from '../../store/database.ts';
import type { SprintRow } from '../../store/tables.ts';
import type { ServiceContext } from '../context.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadLiveSprint } from './load-sprint.ts';
import { isOneActiveViolation, sprintActive, stateConflict } from './sprint-errors.ts';

/** Points in the sprint now: its live items, counted by the one points rule (domain/sprint-points.ts). */
async function pointsInSprint(db: Db, sprintId: string): Promise<number> {
  const rows = await db
    .selectFrom('items')
    .select(['status', 'estimate'])
    .where('sprint_id', '=', sprintId)
    .where('deleted_at', 'is', null)
    .execute();
  return sprintPoints(rows).planned;
}

async function activeSprintOfTeam(db: Db, sprint: SprintRow) {
  return db
    .selectFrom('sprints')
    .select(['id', 'name'])
    .where('product_id', '=', sprint.product_id)
    .where('team_id', sprint.team_id === null ? 'is' : '=', sprint.team_id)
    .where('state', '=', 'active')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function startSprint(ctx: ServiceContext & { id: string }): Promise<Sprint> {
  try {
    return await updateVersioned({
      ...ctx,
      entityType: 'sprint',
      load: (db) => loadLiveSprint(db, ctx.actor, ctx.id),
      present: (_db, row) => presentSprint(row),
      describe: (row) => `sprint "${row.name}"`,
      change: async (trx, sprint, at) => {
        if (sprint.state !== 'planned') {
          throw stateConflict(
            'sprint_not_planned',
            `sprint "${sprint.name}" is ${sprint.state}: only a planned sprint can start`,
          );
        }
        const active = await activeSprintOfTeam(trx, sprint);
        if (active) {
          throw sprintActive(
            `"${active.name}" is already active for this team: close it before starting "${sprint.name}"`,
            active.id,
          );
        }
        const committed = await pointsInSprint(trx, sprint.id);
        return {
          action: 'started',
          changes: {
            state: ['planned', 'active'],
            startedAt: [null, at],
            committedPoints: [null, committed],
          },
          write: (stamp) =>
            trx
              .updateTable('sprints')
              .set({ state: 'active', started_at: at, committed_points: committed, ...stamp })
              .where('id', '=', sprint.id)
              .where('version', '=', sprint.version)
              .returningAll()
              .executeTakeFirst(),
        };
      },
    });
  } catch (error) {
    // Another server started a sprint of the team between the check and the update.
    if (isOneActiveViolation(error)) {
      throw sprintActive('another sprint of this team was started at the same moment', null);
    }
    throw error;
  }
}
