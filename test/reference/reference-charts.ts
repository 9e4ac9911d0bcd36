/**
 * The reference replay: burndown, velocity and cumulative flow computed by brute force straight from the
 * definitions in the issue, with no shared code from src/domain or the chart services. For every day it
 * replays the whole history from scratch up to that day's end.
 */
import { type History, type HistoryEvent, type ItemState, type SprintFacts, STATUSES } from './history.ts';
import { datesFrom, localDate } from './zoned-days.ts';

/** Each item's state after the events that pass `include` (the latest such event wins). */
function replay(events: HistoryEvent[], include: (event: HistoryEvent) => boolean): Map<string, ItemState> {
  const state = new Map<string, ItemState>();
  for (const event of events) if (include(event)) state.set(event.itemId, event.after);
  return state;
}

const pointsOf = (item: ItemState) => item.estimate ?? 0;

function inScope(item: ItemState | undefined, sprintId: string): item is ItemState {
  return item !== undefined && item.sprintId === sprintId && !item.trashed && item.status !== 'wont_do';
}

function sprintTotals(state: Map<string, ItemState>, sprintId: string) {
  let scope = 0;
  let done = 0;
  for (const item of state.values()) {
    if (!inScope(item, sprintId)) continue;
    scope += pointsOf(item);
    if (item.status === 'done') done += pointsOf(item);
  }
  return { scope, done, remaining: scope - done };
}

export interface ReferenceScopeChange {
  at: string;
  date: string;
  itemId: string;
  key: string;
  title: string;
  kind: 'added' | 'removed' | 'reestimated' | 'reopened';
  points: number;
}

export interface ReferenceBurndown {
  sprintId: string;
  timezone: string;
  startedAt: string | null;
  closedAt: string | null;
  committed: number;
  remainingAtStart: number;
  days: {
    date: string;
    afterEnd: boolean;
    remaining: number | null;
    ideal: number;
    done: number | null;
    scope: number | null;
    added: number;
    removed: number;
    reestimated: number;
    reopened: number;
  }[];
  scopeChanges: ReferenceScopeChange[];
}

/** The burndown of a started sprint as of `asOf` (at or after its start). */
export function referenceBurndown(history: History, sprint: SprintFacts, asOf: string): ReferenceBurndown {
  if (!sprint.startedAt) throw new Error('the reference burndown covers started sprints');
  const zone = sprint.timezone;
  const asOfMs = Date.parse(asOf);
  const startedMs = Date.parse(sprint.startedAt);
  const closedMs = sprint.closedAt ? Date.parse(sprint.closedAt) : null;
  const counted = (event: HistoryEvent) => event.ms <= asOfMs && (closedMs === null || event.ms < closedMs);
  const today = localDate(asOfMs, zone);
  const lastShown = closedMs === null ? today : localDate(closedMs, zone);
  const lastDay = lastShown.localeCompare(sprint.endDate) > 0 ? lastShown : sprint.endDate;
  // A sprint started before its start date runs from the day it was started (issue 12: the actual start).
  const startedDay = localDate(startedMs, zone);
  const firstDay = startedDay < sprint.startDate ? startedDay : sprint.startDate;
  const dates = datesFrom(firstDay, lastDay);
  const planned = datesFrom(firstDay, sprint.endDate).length;

  const atStart = sprintTotals(
    replay(history.events, (event) => event.ms <= startedMs && counted(event)),
    sprint.id,
  );

  const scopeChanges: ReferenceScopeChange[] = [];
  const previous = new Map<string, ItemState>();
  for (const event of history.events) {
    const before = previous.get(event.itemId);
    previous.set(event.itemId, event.after);
    if (event.ms <= startedMs || !counted(event)) continue;
    const after = event.after;
    const change = (kind: ReferenceScopeChange['kind'], points: number) =>
      scopeChanges.push({
        at: event.at,
        date: localDate(event.ms, zone),
        itemId: event.itemId,
        key: after.key,
        title: after.title,
        kind,
        points,
      });
    const wasIn = inScope(before, sprint.id);
    const isIn = inScope(after, sprint.id);
    if (!wasIn && isIn) change('added', pointsOf(after));
    else if (wasIn && !isIn) change('removed', -pointsOf(before));
    else if (wasIn && isIn) {
      if (pointsOf(after) !== pointsOf(before)) change('reestimated', pointsOf(after) - pointsOf(before));
      if (before.status === 'done' && after.status !== 'done') change('reopened', pointsOf(after));
    }
  }

  const first = dates[0] as string;
  const last = dates[dates.length - 1] as string;
  const dayOf = (date: string) => (date < first ? first : date > last ? last : date);
  const days = dates.map((date, index) => {
    const changes = scopeChanges.filter((change) => dayOf(change.date) === date);
    const sum = (kind: ReferenceScopeChange['kind']) =>
      changes.filter((change) => change.kind === kind).reduce((total, change) => total + change.points, 0);
    // Days to come, and days that ended before a late start, have no values.
    const values =
      date > today || date < localDate(startedMs, zone)
        ? null
        : sprintTotals(
            replay(history.events, (event) => counted(event) && localDate(event.ms, zone) <= date),
            sprint.id,
          );
    return {
      date,
      afterEnd: date > sprint.endDate,
      remaining: values?.remaining ?? null,
      ideal: index < planned ? (atStart.remaining * (planned - index - 1)) / planned : 0,
      done: values?.done ?? null,
      scope: values?.scope ?? null,
      added: sum('added'),
      removed: -sum('removed'),
      reestimated: sum('reestimated'),
      reopened: sum('reopened'),
    };
  });

  return {
    sprintId: sprint.id,
    timezone: zone,
    startedAt: sprint.startedAt,
    closedAt: sprint.closedAt,
    committed: atStart.scope,
    remainingAtStart: atStart.remaining,
    days,
    scopeChanges,
  };
}

export interface ReferenceVelocity {
  teamId: string | null;
  sprints: {
    sprintId: string;
    name: string;
    startDate: string;
    endDate: string;
    closedAt: string;
    committed: number;
    completed: number;
  }[];
  mean: number | null;
  min: number | null;
  max: number | null;
}

/** Velocity over the closed sprints given (one team's): committed at start, completed just before close. */
export function referenceVelocity(
  history: History,
  sprints: SprintFacts[],
  teamId: string | null,
  count: number,
): ReferenceVelocity {
  const closed = sprints
    .filter((sprint) => sprint.closedAt !== null && sprint.startedAt !== null)
    .sort((a, b) => Date.parse(a.closedAt as string) - Date.parse(b.closedAt as string))
    .map((sprint) => {
      const startedMs = Date.parse(sprint.startedAt as string);
      const closedMs = Date.parse(sprint.closedAt as string);
      return {
        sprintId: sprint.id,
        name: sprint.name,
        startDate: sprint.startDate,
        endDate: sprint.endDate,
        closedAt: sprint.closedAt as string,
        committed: sprintTotals(
          replay(history.events, (event) => event.ms <= startedMs),
          sprint.id,
        ).scope,
        completed: sprintTotals(
          replay(history.events, (event) => event.ms < closedMs),
          sprint.id,
        ).done,
      };
    });
  const lastThree = closed.slice(-3).map((sprint) => sprint.completed);
  return {
    teamId,
    sprints: closed.slice(-count),
    mean: lastThree.length ? lastThree.reduce((a, b) => a + b, 0) / lastThree.length : null,
    min: lastThree.length ? Math.min(...lastThree) : null,
    max: lastThree.length ? Math.max(...lastThree) : null,
  };
}

export interface ReferenceCumulativeFlow {
  from: string;
  to: string;
  timezone: string;
  days: { date: string; counts: Record<string, number> }[];
}

/** Live items of the product per status at the end of each local day from `from` to `to`. */
export function referenceCumulativeFlow(
  history: History,
  productId: string,
  from: string,
  to: string,
  timezone: string,
): ReferenceCumulativeFlow {
  const days = datesFrom(from, to).map((date) => {
    const state = replay(
      history.events,
      (event) => event.after.productId === productId && localDate(event.ms, timezone) <= date,
    );
    const counts: Record<string, number> = Object.fromEntries(STATUSES.map((status) => [status, 0]));
    for (const item of state.values())
      if (!item.trashed) counts[item.status] = (counts[item.status] ?? 0) + 1;
    return { date, counts };
  });
  return { from, to, timezone, days };
}
