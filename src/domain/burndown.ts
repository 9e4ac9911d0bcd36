/**
 * A sprint's burndown and burnup, replayed from its items' events.
 *
 * - Scope: items in the sprint that are not trashed and not "won't do". Unestimated items count 0 points.
 * - Committed: scope points at the moment the sprint started.
 * - Each day's values are taken at the end of that day in the sprint's time zone (for today: now). A closed
 *   sprint is read just before it closed: the moves made by closing it are not part of its history.
 * - Scope changes after the start (added, removed, re-estimated) and reopenings (done → not done, whose
 *   points count again) are listed apart, so a rising line is explained.
 * - The days run from the start date to the end date, and on past it while the sprint is still open (or
 *   until the day it closed), marked `afterEnd`. The ideal line runs from the remaining points at the start
 *   to zero at the end of the last planned day.
 */
import {
  applyItemEvent,
  byTime,
  type ItemEvent,
  type ItemFacts,
  inSprintScope,
  points,
} from './item-replay.ts';
import { datesBetween, localDate, nextDate, startOfLocalDay } from './time-zones.ts';

export interface SprintTimes {
  id: string;
  startDate: string;
  endDate: string;
  timezone: string;
  startedAt: string | null;
  closedAt: string | null;
}

export type ScopeChangeKind = 'added' | 'removed' | 'reestimated' | 'reopened';

export interface ScopeChange {
  at: string;
  date: string;
  itemId: string;
  key: string;
  title: string;
  kind: ScopeChangeKind;
  /** Added or reopened: the points (positive); removed: minus the points; re-estimated: the difference. */
  points: number;
}

export interface BurndownDay {
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
}

export interface BurndownResult {
  committed: number;
  remainingAtStart: number;
  days: BurndownDay[];
  scopeChanges: ScopeChange[];
}

interface Totals {
  scope: number;
  done: number;
}

/** Adds (sign 1) or takes away (sign −1) an item's contribution to the sprint's totals. */
function count(totals: Totals, facts: ItemFacts | undefined, sprintId: string, sign: 1 | -1): void {
  if (!inSprintScope(facts, sprintId)) return;
  totals.scope += sign * points(facts);
  if (facts.status === 'done') totals.done += sign * points(facts);
}

/** What an event did to the sprint, as the scope changes it explains. */
function describe(
  before: ItemFacts | undefined,
  after: ItemFacts,
  sprintId: string,
): { kind: ScopeChangeKind; points: number }[] {
  const was = inSprintScope(before, sprintId);
  const is = inSprintScope(after, sprintId);
  if (!was && is) return [{ kind: 'added', points: points(after) }];
  if (was && !is) return [{ kind: 'removed', points: -points(before) }];
  if (!was || !is) return [];
  const out: { kind: ScopeChangeKind; points: number }[] = [];
  if (points(after) !== points(before))
    out.push({ kind: 'reestimated', points: points(after) - points(before) });
  if (before.status === 'done' && after.status !== 'done')
    out.push({ kind: 'reopened', points: points(after) });
  return out;
}

/**
 * The burndown of `sprint` as of `asOf` (ISO), from the events of every item that was ever in it, in any
 * order.
 */
export function computeBurndown(sprint: SprintTimes, itemEvents: ItemEvent[], asOf: string): BurndownResult {
  const cutoffMs = Math.min(
    Date.parse(asOf),
    sprint.closedAt === null ? Number.POSITIVE_INFINITY : Date.parse(sprint.closedAt),
  );
  const closedBeforeAsOf = sprint.closedAt !== null && Date.parse(sprint.closedAt) <= Date.parse(asOf);
  // Events up to the cutoff; a closed sprint excludes the instant it closed (its moves).
  const events = itemEvents
    .filter((e) => {
      const ms = Date.parse(e.at);
      return closedBeforeAsOf ? ms < cutoffMs : ms <= cutoffMs;
    })
    .sort(byTime);

  const cutoffDate = localDate(cutoffMs, sprint.timezone);
  const lastDate = cutoffDate > sprint.endDate && sprint.startedAt !== null ? cutoffDate : sprint.endDate;
  const dates = datesBetween(sprint.startDate, lastDate);
  const plannedDays = datesBetween(sprint.startDate, sprint.endDate).length;
  const dayEnds = dates.map((date) => startOfLocalDay(nextDate(date), sprint.timezone));
  const dayStarts = dates.map((date) => startOfLocalDay(date, sprint.timezone));

  const facts = new Map<string, ItemFacts>();
  const totals: Totals = { scope: 0, done: 0 };
  const startedMs = sprint.startedAt === null ? null : Date.parse(sprint.startedAt);
  let atStart: Totals | null = null;
  const scopeChanges: ScopeChange[] = [];
  const snapshots: (Totals | null)[] = dates.map(() => null);
  let day = 0;

  const closeDaysBefore = (ms: number) => {
    while (day < dates.length && (dayEnds[day] as number) <= ms) {
      snapshots[day] = { ...totals };
      day += 1;
    }
  };

  for (const event of events) {
    const ms = Date.parse(event.at);
    if (startedMs !== null && atStart === null && ms > startedMs) atStart = { ...totals };
    closeDaysBefore(ms);
    const before = facts.get(event.itemId);
    const after = applyItemEvent(before, event);
    facts.set(event.itemId, after);
    count(totals, before, sprint.id, -1);
    count(totals, after, sprint.id, 1);
    if (startedMs !== null && ms > startedMs) {
      for (const change of describe(before, after, sprint.id)) {
        scopeChanges.push({
          at: event.at,
          date: localDate(ms, sprint.timezone),
          itemId: event.itemId,
          key: after.key,
          title: after.title,
          ...change,
        });
      }
    }
  }
  if (startedMs !== null && atStart === null && startedMs <= cutoffMs) atStart = { ...totals };
  closeDaysBefore(cutoffMs);
  // The day the cutoff falls in (today, or the day the sprint closed) shows the state at the cutoff.
  if (day < dates.length && (dayStarts[day] as number) <= cutoffMs) snapshots[day] = { ...totals };

  const start = atStart ?? totals;
  const committed = start.scope;
  const remainingAtStart = start.scope - start.done;
  const byDate = new Map(dates.map((date, i) => [date, i]));
  const dayChanges = dates.map(() => ({ added: 0, removed: 0, reestimated: 0, reopened: 0 }));
  for (const change of scopeChanges) {
    const i = byDate.get(change.date) ?? (change.date < (dates[0] as string) ? 0 : dates.length - 1);
    const bucket = dayChanges[i];
    if (!bucket) continue;
    if (change.kind === 'removed') bucket.removed += -change.points;
    else bucket[change.kind] += change.points;
  }

  const days = dates.map((date, i): BurndownDay => {
    const snapshot = sprint.startedAt === null ? null : snapshots[i];
    return {
      date,
      afterEnd: date > sprint.endDate,
      remaining: snapshot ? snapshot.scope - snapshot.done : null,
      ideal: i >= plannedDays ? 0 : (remainingAtStart * (plannedDays - i - 1)) / plannedDays,
      done: snapshot ? snapshot.done : null,
      scope: snapshot ? snapshot.scope : null,
      ...(dayChanges[i] as { added: number; removed: number; reestimated: number; reopened: number }),
    };
  });
  return { committed, remainingAtStart, days, scopeChanges };
}
