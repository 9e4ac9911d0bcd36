/**
 * A sprint's burndown and burnup as of an instant (default: now), replayed from its burndown steps: what
 * each of its items' events did to the item's share of the sprint, written with the events
 * (domain/burndown-steps.ts; the same replay as the events themselves give, which a test checks).
 * Readable by whoever sees the sprint's product.
 *
 * Each sprint's replay is kept between requests (one per database handle, the most recently read
 * MAX_KEPT sprints) and fed only the steps written since (sprint-steps-cache.ts), so a board that
 * refreshes its burndown after every move does not replay the sprint's whole history each time. It is
 * replayed from scratch when the sprint's dates or times change, when its steps no longer extend the
 * ones it was fed (one is dated before the last, or an item's steps were computed again), and for an
 * `asOf` before the latest step (a past state).
 */

import {
  type BurndownReplay,
  computeBurndownOfSteps,
  replaySteps,
  type SprintTimes,
} from '../../domain/burndown.ts';
import type { BurndownStep } from '../../domain/burndown-steps.ts';
import type { Burndown } from '../../schemas/chart.ts';
import type { Db } from '../../store/database.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { loadSprint } from '../sprints/load-sprint.ts';
import { sprintSteps } from './sprint-steps-cache.ts';

export interface BurndownChart {
  /** For the CSV file name. */
  sprintName: string;
  burndown: Burndown;
}

interface Kept {
  times: string;
  replay: BurndownReplay;
  /** How many steps of the sprint's (id-ordered) list it was fed, and the last of them. */
  fed: number;
  last: BurndownStep | undefined;
}

const MAX_KEPT = 200;
const kept = new WeakMap<Db, Map<string, Kept>>();

/** The sprint's replay fed with every one of `steps`: the kept one brought up to date, or a new one. */
function replayOf(db: Db, sprint: SprintTimes, steps: BurndownStep[]): BurndownReplay {
  let replays = kept.get(db);
  if (!replays) {
    replays = new Map();
    kept.set(db, replays);
  }
  const times = [sprint.startDate, sprint.endDate, sprint.timezone, sprint.startedAt, sprint.closedAt].join(
    '|',
  );
  const found = replays.get(sprint.id);
  let entry: Kept | undefined;
  if (
    found &&
    found.times === times &&
    found.fed <= steps.length &&
    (found.fed === 0 || steps[found.fed - 1] === found.last)
  ) {
    entry = found;
    for (let i = found.fed; i < steps.length; i++) {
      const step = steps[i] as BurndownStep;
      if (!found.replay.follows({ id: step.eventId, at: step.at })) {
        entry = undefined;
        break;
      }
      found.replay.applyStep(step);
    }
  }
  entry ??= { times, replay: replaySteps(sprint, steps), fed: 0, last: undefined };
  entry.fed = steps.length;
  entry.last = steps.at(-1);
  replays.delete(sprint.id);
  replays.set(sprint.id, entry);
  for (const oldest of replays.keys()) {
    if (replays.size <= MAX_KEPT) break;
    replays.delete(oldest);
  }
  return entry.replay;
}

export async function getBurndown(
  ctx: ServiceContext & { sprintId: string; asOf?: string | undefined },
): Promise<BurndownChart> {
  const sprint = await loadSprint(ctx.db, ctx.actor, ctx.sprintId);
  const asOf = new Date(ctx.asOf ?? timestamp(ctx)).toISOString();
  const steps = await sprintSteps(ctx.db, { id: sprint.id, productId: sprint.product_id });
  const times: SprintTimes = {
    id: sprint.id,
    startDate: sprint.start_date,
    endDate: sprint.end_date,
    timezone: sprint.timezone,
    startedAt: sprint.started_at,
    closedAt: sprint.closed_at,
  };
  // Everything from here on runs without awaiting: no other request touches the replay meanwhile.
  const replay = replayOf(ctx.db, times, steps);
  const closed = sprint.closed_at !== null && new Date(sprint.closed_at).toISOString() <= asOf;
  const result =
    replay.lastAt <= asOf || closed ? replay.result(asOf) : computeBurndownOfSteps(times, steps, asOf);
  return {
    sprintName: sprint.name,
    burndown: {
      sprintId: sprint.id,
      timezone: sprint.timezone,
      startedAt: sprint.started_at,
      closedAt: sprint.closed_at,
      asOf,
      ...result,
    },
  };
}
