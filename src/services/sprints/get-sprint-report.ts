/**
 * A sprint's report: for a closed sprint the one stored at its close; for the active sprint a preview
 * replayed up to now (nothing has moved yet). A planned sprint has no report.
 */
import { computeSprintOutcome } from '../../domain/sprint-outcome.ts';
import type { SprintReport } from '../../schemas/sprint.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { loadSprint } from './load-sprint.ts';
import { stateConflict } from './sprint-errors.ts';
import { loadSprintItemEvents } from './sprint-item-events.ts';
import { buildSprintReport } from './sprint-report.ts';

export async function getSprintReport(ctx: ServiceContext & { id: string }): Promise<SprintReport> {
  const sprint = await loadSprint(ctx.db, ctx.actor, ctx.id);
  if (sprint.state === 'closed' && sprint.report !== null) return JSON.parse(sprint.report) as SprintReport;
  if (sprint.state !== 'active' || sprint.started_at === null) {
    throw stateConflict('sprint_planned', `sprint "${sprint.name}" has not started: it has no report yet`);
  }
  const now = timestamp(ctx);
  const events = await loadSprintItemEvents(ctx.db, sprint.id, now);
  // Up to and including now: the outcome counts events strictly before its instant.
  const justAfter = new Date(Date.parse(now) + 1).toISOString();
  const outcome = computeSprintOutcome({ id: sprint.id, startedAt: sprint.started_at }, events, justAfter);
  return buildSprintReport(sprint.id, outcome, new Map(), null);
}
