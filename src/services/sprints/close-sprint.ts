/**
 * Closes the active sprint. What it delivered is replayed from its items' events up to the close
 * (computeSprintOutcome): the committed and completed points are stored on the sprint with the report,
 * and stay as they are afterwards (velocity reads them). Each unfinished item moves as the user chose:
 * to the next sprint (a planned one of the team, or one created to follow this) or to the top of the
 * backlog. The moves happen at the close's instant, so they are not part of the sprint's own history.
 * All of it is one transaction.
 */
import type { ItemEvent } from '../../domain/item-replay.ts';
import { computeSprintOutcome } from '../../domain/sprint-outcome.ts';
import type { CloseSprintInput, SprintReport } from '../../schemas/sprint.ts';
import type { Db } from '../../store/database.ts';
import type { SprintRow } from '../../store/tables.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { invalidField } from '../errors.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { createSprint } from './create-sprint.ts';
import { followingSprintInput } from './following-sprint.ts';
import { loadLiveSprint } from './load-sprint.ts';
import { type MoveContext, moveItemsToBacklogTop, moveItemsToSprint } from './move-sprint-items.ts';
import { stateConflict } from './sprint-errors.ts';
import { loadSprintItemEvents } from './sprint-item-events.ts';
import { buildSprintReport, type LeftoverDestination } from './sprint-report.ts';

/** Where each unfinished item goes: its own choice in `moves`, else `leftovers`. */
function destinations(
  input: CloseSprintInput,
  unfinished: ReadonlySet<string>,
): (itemId: string) => LeftoverDestination {
  const chosen = new Map<string, LeftoverDestination>();
  for (const [i, move] of (input.moves ?? []).entries()) {
    if (!unfinished.has(move.itemId)) {
      throw invalidField(`moves.${i}.itemId`, 'does not name an unfinished item of this sprint');
    }
    chosen.set(move.itemId, move.to);
  }
  return (itemId) => chosen.get(itemId) ?? input.leftovers;
}

/** The planned sprint of the same team named by `nextSprintId`. */
async function namedNextSprint(db: Db, sprint: SprintRow, nextSprintId: string): Promise<string> {
  const next = await db
    .selectFrom('sprints')
    .select(['id', 'team_id', 'state'])
    .where('id', '=', nextSprintId)
    .where('product_id', '=', sprint.product_id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!next) throw invalidField('nextSprintId', 'does not name a sprint of this product');
  if (next.team_id !== sprint.team_id) throw invalidField('nextSprintId', 'names a sprint of another team');
  if (next.state !== 'planned') {
    throw invalidField('nextSprintId', `must name a planned sprint (that one is ${next.state})`);
  }
  return next.id;
}

/**
 * The close's instant. Events at it and after it are not the sprint's, so without a time given (ctx.now)
 * it falls strictly after the last event of the sprint's items: a change committed a moment ago (in the
 * same millisecond, or on a server whose clock runs ahead) still counts.
 */
function closingInstant(ctx: ServiceContext, events: readonly ItemEvent[]): string {
  const now = timestamp(ctx);
  if (ctx.now !== undefined) return now;
  const last = events.reduce((max, event) => Math.max(max, Date.parse(event.at)), 0);
  return last < Date.parse(now) ? now : new Date(last + 1).toISOString();
}

export async function closeSprint(
  ctx: ServiceContext & { id: string; input: CloseSprintInput },
): Promise<SprintReport> {
  let report: SprintReport | undefined;
  await updateVersioned({
    ...ctx,
    entityType: 'sprint',
    load: (db) => loadLiveSprint(db, ctx.actor, ctx.id),
    present: (_db, row) => row,
    describe: (row) => `sprint "${row.name}"`,
    change: async (trx, sprint) => {
      if (sprint.state !== 'active' || sprint.started_at === null) {
        throw stateConflict(
          'sprint_not_active',
          `sprint "${sprint.name}" is ${sprint.state}: only the active sprint can be closed`,
        );
      }
      const events = await loadSprintItemEvents(trx, sprint.id);
      const at = closingInstant(ctx, events);
      const outcome = computeSprintOutcome({ id: sprint.id, startedAt: sprint.started_at }, events, at);

      // The unfinished items as they are now (still in the sprint, live), in backlog order.
      const unfinishedIds = outcome.notCompleted.map((item) => item.id);
      const unfinished =
        unfinishedIds.length === 0
          ? []
          : await trx
              .selectFrom('items')
              .select(['id', 'rank'])
              .where('id', 'in', unfinishedIds)
              .where('sprint_id', '=', sprint.id)
              .where('deleted_at', 'is', null)
              .orderBy('rank')
              .execute();
      const destinationOf = destinations(ctx.input, new Set(unfinished.map((item) => item.id)));
      const toNext = unfinished.filter((item) => destinationOf(item.id) === 'next');
      const toBacklog = unfinished.filter((item) => destinationOf(item.id) === 'backlog');

      let nextSprintId: string | null = null;
      if (ctx.input.nextSprintId !== undefined) {
        nextSprintId = await namedNextSprint(trx, sprint, ctx.input.nextSprintId);
      } else if (toNext.length > 0) {
        const created = await createSprint({
          db: trx,
          actor: ctx.actor,
          now: at,
          productId: sprint.product_id,
          input: followingSprintInput(sprint),
        });
        nextSprintId = created.id;
      }

      const move: MoveContext = {
        productId: sprint.product_id,
        fromSprintId: sprint.id,
        actorId: ctx.actor.id,
        at,
      };
      await moveItemsToSprint(trx, move, toNext, nextSprintId);
      await moveItemsToBacklogTop(trx, move, toBacklog);

      const movedTo = new Map(unfinished.map((item) => [item.id, destinationOf(item.id)]));
      const closed = buildSprintReport(sprint.id, outcome, movedTo, nextSprintId);
      report = closed;
      return {
        action: 'closed',
        at,
        changes: {
          state: ['active', 'closed'],
          closedAt: [null, at],
          committedPoints: [sprint.committed_points, outcome.committedPoints],
          completedPoints: [null, outcome.completedPoints],
        },
        write: (stamp) =>
          trx
            .updateTable('sprints')
            .set({
              state: 'closed',
              closed_at: at,
              committed_points: outcome.committedPoints,
              completed_points: outcome.completedPoints,
              report: JSON.stringify(closed),
              ...stamp,
            })
            .where('id', '=', sprint.id)
            .where('version', '=', sprint.version)
            .returningAll()
            .executeTakeFirst(),
      };
    },
  });
  // change() always returns a change (or throws), so the report is set once the write has committed.
  if (!report) throw new Error('closeSprint: no report');
  return report;
}
