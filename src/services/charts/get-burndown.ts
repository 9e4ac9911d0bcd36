/**
 * A sprint's burndown and burnup as of an instant (default: now), replayed from its items' events.
 * Readable by whoever sees the sprint's product.
 *
 * Each sprint's replay is kept between requests (one per database handle, the most recently read
 * MAX_KEPT sprints) and fed only the events written since (sprint-events-cache.ts), so a board that
 * refreshes its burndown after every move does not replay the sprint's whole history each time. It is
 * replayed from scratch when the sprint's dates or times change, when its events no longer extend the
 * ones it was fed (an item joined the sprint, or an event is dated before the last one), and for an
 * `asOf` before the latest event (a past state).
 */
import {
  type BurndownReplay,
  computeBurndown,
  replayBurndown,
  type SprintTimes,
} from '../../domain/burndown.ts';
import type { ItemEvent } from '../../domain/item-replay.ts';
import type { Burndown } from '../../schemas/chart.ts';
import type { Db } from '../../store/database.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { loadSprint } from '../sprints/load-sprint.ts';
import { sprintEvents } from './sprint-events-cache.ts';

export interface BurndownChart {
  /** For the CSV file name. */
  sprintName: string;
  burndown: Burndown;
}

interface Kept {
  times: string;
  replay: BurndownReplay;
  /** How many events of the sprint's (id-ordered) list it was fed, and the last of them. */
  fed: number;
  last: ItemEvent | undefined;
}

const MAX_KEPT = 200;
const kept = new WeakMap<Db, Map<string, Kept>>();

/** The sprint's replay fed with every one of `events`: the kept one brought up to date, or a new one. */
function replayOf(db: Db, sprint: SprintTimes, events: ItemEvent[]): BurndownReplay {
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
    found.fed <= events.length &&
    (found.fed === 0 || events[found.fed - 1] === found.last)
  ) {
    entry = found;
    for (let i = found.fed; i < events.length; i++) {
      const event = events[i] as ItemEvent;
      if (!found.replay.follows(event)) {
        entry = undefined;
        break;
      }
      found.replay.apply(event);
    }
  }
  entry ??= { times, replay: replayBurndown(sprint, events), fed: 0, last: undefined };
  entry.fed = events.length;
  entry.last = events.at(-1);
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
  const events = await sprintEvents(ctx.db, { id: sprint.id, productId: sprint.product_id });
  const times: SprintTimes = {
    id: sprint.id,
    startDate: sprint.start_date,
    endDate: sprint.end_date,
    timezone: sprint.timezone,
    startedAt: sprint.started_at,
    closedAt: sprint.closed_at,
  };
  // Everything from here on runs without awaiting: no other request touches the replay meanwhile.
  const replay = replayOf(ctx.db, times, events);
  const closed = sprint.closed_at !== null && new Date(sprint.closed_at).toISOString() <= asOf;
  const result = replay.lastAt <= asOf || closed ? replay.result(asOf) : computeBurndown(times, events, asOf);
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
