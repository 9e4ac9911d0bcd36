/**
 * A sprint's burndown and burnup, replayed from its items' events.
 *
 * - Scope: items in the sprint that are not trashed and not "won't do". Unestimated items count 0 points.
 * - Committed: scope points at the moment the sprint started.
 * - Each day's values are taken at the end of that day in the sprint's time zone (for today: now; days to
 *   come are null, and so are days that ended before a late start). A closed sprint is read just before it closed: the moves made by closing it are not
 *   part of its history, and the days after an early close show the state it closed with.
 * - Scope changes after the start (added, removed, re-estimated) and reopenings (done → not done, whose
 *   points count again) are listed apart, so a rising line is explained.
 * - The days run from the start date (or the day it actually started, when that came first) to the end
 *   date, and on past it while the sprint is still open (or until the day it closed), marked `afterEnd`,
 *   but never more than MAX_BURNDOWN_DAYS: a sprint stored before sprints were limited to 8 weeks (one
 *   ending in 9999, say) still has a chart, of its first year. The ideal line runs from the remaining
 *   points at the start to zero at the end of the last planned day.
 */

import { type BurndownStep, type SprintShare, sameShare, shareOf } from './burndown-steps.ts';
import { datesBetween, daysBetween, nextDate } from './calendar.ts';
import { applyItemEvent, type ItemEvent, type ItemFacts } from './item-replay.ts';
import { firstSprintDay } from './sprint-rules.ts';
import { localDate, startOfLocalDay } from './time-zones.ts';

/** The most days a burndown shows: an 8-week sprint and many months of running past its end. */
export const MAX_BURNDOWN_DAYS = 366;

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

/** What an event that changed an item's share of the sprint did to it, as the scope changes it explains. */
function describe(was: SprintShare, is: SprintShare): { kind: ScopeChangeKind; points: number }[] {
  if (was.points === null) return is.points === null ? [] : [{ kind: 'added', points: is.points }];
  if (is.points === null) return [{ kind: 'removed', points: -was.points }];
  const out: { kind: ScopeChangeKind; points: number }[] = [];
  if (is.points !== was.points) out.push({ kind: 'reestimated', points: is.points - was.points });
  if (was.done && !is.done) out.push({ kind: 'reopened', points: is.points });
  return out;
}

/** Sums of many estimates carry float noise (0.1 + 0.2); 15 significant digits drop it. */
const tidy = (points: number) => Number(points.toPrecision(15));

/**
 * An instant as toISOString writes it (2026-03-02T09:00:00.000Z). Such strings order as their instants,
 * so the replay compares event times as strings and never parses the (many) events' times.
 */
export function isoInstant(at: string | number): string {
  if (typeof at === 'string' && at.length === 24 && at.charCodeAt(23) === 90 && at.charCodeAt(10) === 84)
    return at;
  return new Date(at).toISOString();
}

/** Orders events as they happened: by time, then by id (the events of one transaction share a time). */
function byTime(a: ItemEvent, b: ItemEvent): number {
  const at = isoInstant(a.at);
  const bt = isoInstant(b.at);
  return at < bt ? -1 : at > bt ? 1 : a.id - b.id;
}

/**
 * The burndown replay, fed one event at a time in time order, and read as of any instant at or after the
 * last event it was fed. A caller that keeps it can feed it the events written since and read it again
 * without replaying the sprint's whole history (see services/charts/get-burndown.ts); computeBurndown
 * replays from scratch. Events at or after the sprint's close are not part of its history: skipped.
 */
export class BurndownReplay {
  readonly sprint: SprintTimes;
  private readonly startedAt: string | null;
  private readonly closedAt: string | null;
  private readonly firstDate: string;
  private readonly facts = new Map<string, ItemFacts>();
  private readonly totals: Totals = { scope: 0, done: 0 };
  private atStart: Totals | null = null;
  private readonly scopeChanges: ScopeChange[] = [];
  /** The totals at the end of each day (from the start date) that an event has gone past. */
  private readonly ended: Totals[] = [];
  /** Dates from the start date, and the instants they begin (one more: the end of the last). */
  private readonly dates: string[] = [];
  private readonly starts: string[] = [];
  /** The time and id of the last event fed. */
  lastAt = '';
  private lastId = Number.NEGATIVE_INFINITY;

  constructor(sprint: SprintTimes) {
    this.sprint = sprint;
    this.startedAt = sprint.startedAt === null ? null : isoInstant(sprint.startedAt);
    this.closedAt = sprint.closedAt === null ? null : isoInstant(sprint.closedAt);
    this.firstDate = firstSprintDay(sprint);
  }

  /** The instant day `i` (0: the first day; at most MAX_BURNDOWN_DAYS) begins, its date listed on the way. */
  private startOf(i: number): string {
    if (i > MAX_BURNDOWN_DAYS) throw new Error(`day ${i} is past the last day a burndown shows`);
    while (this.starts.length <= i) {
      const date = this.dates.length === 0 ? this.firstDate : nextDate(this.dates.at(-1) as string);
      this.dates.push(date);
      this.starts.push(isoInstant(startOfLocalDay(date, this.sprint.timezone)));
    }
    return this.starts[i] as string;
  }

  /** Whether `event` comes after every event fed so far (so it may be fed next). */
  follows(event: { id: number; at: string }): boolean {
    const at = isoInstant(event.at);
    return at > this.lastAt || (at === this.lastAt && event.id > this.lastId);
  }

  /** Feeds the next event; it must follow the ones fed before (see `follows`). */
  apply(event: ItemEvent): void {
    if (!this.follows(event)) throw new Error(`event ${event.id} comes before the events already replayed`);
    const at = isoInstant(event.at);
    this.lastAt = at;
    this.lastId = event.id;
    if (this.closedAt !== null && at >= this.closedAt) return;
    const before = this.facts.get(event.itemId);
    const after = applyItemEvent(before, event);
    this.facts.set(event.itemId, after);
    const was = shareOf(before, this.sprint.id);
    const is = shareOf(after, this.sprint.id);
    // An event that leaves the item's share as it was moves nothing (the days it passes keep the totals
    // anyway): the replay then does what it does with the sprint's stored steps, which leave it out.
    if (!sameShare(was, is)) this.take(at, event.at, event.itemId, after, was, is);
  }

  /**
   * Feeds the next of the sprint's steps (domain/burndown-steps.ts): what `apply` does with the event it
   * was computed from, without the item's facts. It must follow the ones fed before (see `follows`).
   */
  applyStep(step: BurndownStep): void {
    const event = { id: step.eventId, at: step.at };
    if (!this.follows(event))
      throw new Error(`event ${step.eventId} comes before the events already replayed`);
    const at = isoInstant(step.at);
    this.lastAt = at;
    this.lastId = step.eventId;
    if (this.closedAt !== null && at >= this.closedAt) return;
    this.take(at, step.at, step.itemId, step, step.was, step.is);
  }

  /** The totals, the days passed and the scope changes after an event that changed an item's share. */
  private take(
    at: string,
    givenAt: string,
    itemId: string,
    names: { key: string; title: string },
    was: SprintShare,
    is: SprintShare,
  ): void {
    const { totals, startedAt } = this;
    if (startedAt !== null && this.atStart === null && at > startedAt) this.atStart = { ...totals };
    // Days that ended before this event keep the totals as they were (days past the chart's last are
    // not kept: the loop stops at a day count, whatever the dates).
    while (this.ended.length < MAX_BURNDOWN_DAYS && this.startOf(this.ended.length + 1) <= at) {
      this.ended.push({ ...totals });
    }
    if (was.points !== null) {
      totals.scope -= was.points;
      if (was.done) totals.done -= was.points;
    }
    if (is.points !== null) {
      totals.scope += is.points;
      if (is.done) totals.done += is.points;
    }
    if (startedAt === null || at <= startedAt) return;
    for (const change of describe(was, is)) {
      // The event falls on the day after the last one ended, unless it is before the start date.
      const day = this.ended.length;
      this.scopeChanges.push({
        at: givenAt,
        date: at >= this.startOf(day) ? (this.dates[day] as string) : localDate(at, this.sprint.timezone),
        itemId,
        key: names.key,
        title: names.title,
        kind: change.kind,
        points: tidy(change.points),
      });
    }
  }

  /** The burndown as of `asOf` (ISO): not before the last event fed, unless the sprint closed by then. */
  result(asOf: string): BurndownResult {
    const { sprint, totals } = this;
    const asOfAt = isoInstant(asOf);
    const closedBeforeAsOf = this.closedAt !== null && this.closedAt <= asOfAt;
    const cutoff = closedBeforeAsOf ? (this.closedAt as string) : asOfAt;
    if (!closedBeforeAsOf && this.lastAt > asOfAt) throw new Error(`the replay has events after ${asOfAt}`);
    const cutoffDate = localDate(cutoff, sprint.timezone);
    const lastDate = cutoffDate > sprint.endDate && sprint.startedAt !== null ? cutoffDate : sprint.endDate;
    const dates = datesBetween(this.firstDate, lastDate, MAX_BURNDOWN_DAYS);
    // Counted, not listed: the ideal line of an over-long stored sprint keeps its slope.
    const plannedDays = Math.max(0, daysBetween(this.firstDate, sprint.endDate) + 1);

    const start = this.atStart ?? totals;
    const committed = tidy(start.scope);
    const remainingAtStart = tidy(start.scope - start.done);
    const byDate = new Map(dates.map((date, i) => [date, i]));
    const dayChanges = dates.map(() => ({ added: 0, removed: 0, reestimated: 0, reopened: 0 }));
    for (const change of this.scopeChanges) {
      const i = byDate.get(change.date) ?? (change.date < (dates[0] as string) ? 0 : dates.length - 1);
      const bucket = dayChanges[i];
      if (!bucket) continue;
      if (change.kind === 'removed') bucket.removed += -change.points;
      else bucket[change.kind] += change.points;
    }

    const days = dates.map((date, i): BurndownDay => {
      // A day an event went past keeps its totals; a later day that has begun by asOf (today, or a day
      // after an early close) shows the totals now; days to come are null.
      // Days that ended before the sprint started (a late start) have nothing to burn down yet: null.
      const startedAt = this.startedAt;
      const notStarted = startedAt === null || this.startOf(i + 1) <= startedAt;
      const snapshot = notStarted ? null : (this.ended[i] ?? (this.startOf(i) <= asOfAt ? totals : null));
      const changes = dayChanges[i] as {
        added: number;
        removed: number;
        reestimated: number;
        reopened: number;
      };
      return {
        date,
        afterEnd: date > sprint.endDate,
        remaining: snapshot ? tidy(snapshot.scope - snapshot.done) : null,
        ideal: i >= plannedDays ? 0 : tidy((remainingAtStart * (plannedDays - i - 1)) / plannedDays),
        done: snapshot ? tidy(snapshot.done) : null,
        scope: snapshot ? tidy(snapshot.scope) : null,
        added: tidy(changes.added),
        removed: tidy(changes.removed),
        reestimated: tidy(changes.reestimated),
        reopened: tidy(changes.reopened),
      };
    });
    return { committed, remainingAtStart, days, scopeChanges: [...this.scopeChanges] };
  }
}

/** A replay fed with `itemEvents` (in any order). */
export function replayBurndown(sprint: SprintTimes, itemEvents: readonly ItemEvent[]): BurndownReplay {
  const replay = new BurndownReplay(sprint);
  for (const event of [...itemEvents].sort(byTime)) replay.apply(event);
  return replay;
}

/**
 * The burndown of `sprint` as of `asOf` (ISO), from the events of every item that was ever in it, in any
 * order.
 */
export function computeBurndown(sprint: SprintTimes, itemEvents: ItemEvent[], asOf: string): BurndownResult {
  const asOfAt = isoInstant(asOf);
  // Events up to asOf; a closed sprint's replay skips those from its close on (its moves).
  const events = itemEvents.filter((event) => isoInstant(event.at) <= asOfAt);
  return replayBurndown(sprint, events).result(asOfAt);
}

/** Orders steps as their events happened (as byTime orders events). */
function stepsByTime(a: BurndownStep, b: BurndownStep): number {
  const at = isoInstant(a.at);
  const bt = isoInstant(b.at);
  return at < bt ? -1 : at > bt ? 1 : a.eventId - b.eventId;
}

/** A replay fed with the sprint's `steps` (in any order): the same replay as its items' events give. */
export function replaySteps(sprint: SprintTimes, steps: readonly BurndownStep[]): BurndownReplay {
  const replay = new BurndownReplay(sprint);
  for (const step of [...steps].sort(stepsByTime)) replay.applyStep(step);
  return replay;
}

/** computeBurndown from the sprint's steps instead of its items' events: the same result. */
export function computeBurndownOfSteps(
  sprint: SprintTimes,
  steps: readonly BurndownStep[],
  asOf: string,
): BurndownResult {
  const asOfAt = isoInstant(asOf);
  return replaySteps(
    sprint,
    steps.filter((step) => isoInstant(step.at) <= asOfAt),
  ).result(asOfAt);
}
