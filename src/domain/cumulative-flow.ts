/**
 * Cumulative flow: how many live (not trashed) items of a product sat in each status at the end of each
 * day. The input is the items' status transitions, counted per local day: an item entering the product
 * (created or restored: from null), changing status, or leaving it (trashed: to null). A day's counts are
 * the sum of every transition up to and including that day, so the database can count transitions per
 * day and the replay here stays proportional to days × statuses, not to items.
 *
 * Days end at local midnight; `localDayRules` describes, for a range of dates in a time zone, which local
 * date each instant falls on as a few simple rules (a UTC offset per stretch of days, a fixed date for a
 * day that a daylight-saving change makes irregular), so a query can bucket events without a time zone
 * library.
 */
import type { Status } from './item-replay.ts';
import { ITEM_STATUSES } from './item-status.ts';
import { startOfLocalDay } from './time-zones.ts';

/** The most days one cumulative flow covers (a year, leap or not). */
export const MAX_FLOW_DAYS = 366;

/** The statuses in their flow order (the chart's stacking order). */
export const FLOW_STATUSES: readonly Status[] = ITEM_STATUSES;

/** `count` items moved from one status to another on `date` (null: not a live item of the product). */
export interface FlowTransition {
  /** The local date; before the first day of the range (e.g. '') counts toward the starting state. */
  date: string;
  from: Status | null;
  to: Status | null;
  count: number;
}

export interface FlowDay {
  date: string;
  counts: Record<Status, number>;
}

/** Zero for every status. */
export const emptyCounts = (): Record<Status, number> => ({
  backlog: 0,
  ready: 0,
  in_progress: 0,
  in_review: 0,
  done: 0,
  wont_do: 0,
});

/** The counts per status at the end of each of `dates` (ascending); transitions after the last date are ignored. */
export function computeCumulativeFlow(
  dates: readonly string[],
  transitions: readonly FlowTransition[],
): FlowDay[] {
  const sorted = [...transitions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const counts = emptyCounts();
  const days: FlowDay[] = [];
  let next = 0;
  for (const date of dates) {
    for (; next < sorted.length && (sorted[next] as FlowTransition).date <= date; next++) {
      const { from, to, count } = sorted[next] as FlowTransition;
      if (from) counts[from] -= count;
      if (to) counts[to] += count;
    }
    days.push({ date, counts: { ...counts } });
  }
  return days;
}

/**
 * How instants map to local dates: instants before `start` fall before the first date; each rule covers
 * the instants from the previous rule's `until` (or `start`) up to its own `until` (exclusive). Instants
 * from the last `until` on fall after the last date.
 */
export interface LocalDays {
  start: number;
  rules: LocalDayRule[];
}

/**
 * Either the local date is the UTC date of the instant plus `offsetSeconds`, or (a day made irregular by
 * a clock change, such as a 25-hour day) every instant in the stretch falls on `date`.
 */
export type LocalDayRule = { until: number; offsetSeconds: number } | { until: number; date: string };

const DAY_MS = 86_400_000;

/** The rules for consecutive `dates` (ascending, no gaps) in `timeZone`. */
export function localDayRules(dates: readonly string[], timeZone: string): LocalDays {
  if (dates.length === 0) return { start: 0, rules: [] };
  const first = Date.parse(`${dates[0]}T00:00:00Z`);
  // Day i runs from starts[i] to starts[i + 1]; walls[i] is its midnight read as if it were UTC.
  const walls = [...dates.map((_, i) => first + i * DAY_MS), first + dates.length * DAY_MS];
  const starts = walls.map((wall) => startOfLocalDay(new Date(wall).toISOString().slice(0, 10), timeZone));
  const rules: LocalDayRule[] = [];
  for (let i = 0; i < dates.length; i++) {
    const until = starts[i + 1] as number;
    // Adding offset o puts the whole day on its date when walls[i] ≤ starts[i] + o and
    // starts[i+1] + o ≤ walls[i+1]: true for o = the day's own offset unless the next day's is smaller
    // (clocks went back during the day, so it is longer than 24 hours).
    const offset = (walls[i] as number) - (starts[i] as number);
    const nextOffset = (walls[i + 1] as number) - until;
    const last = rules.at(-1);
    if (offset <= nextOffset) {
      const offsetSeconds = offset / 1000;
      if (last && 'offsetSeconds' in last && last.offsetSeconds === offsetSeconds) last.until = until;
      else rules.push({ until, offsetSeconds });
    } else {
      rules.push({ until, date: dates[i] as string });
    }
  }
  return { start: starts[0] as number, rules };
}

/** The local date of `ms` by the rules; null outside the dates they were made for. */
export function localDateByRules(days: LocalDays, ms: number): string | null {
  if (ms < days.start) return null;
  for (const rule of days.rules) {
    if (ms >= rule.until) continue;
    if ('date' in rule) return rule.date;
    return new Date(ms + rule.offsetSeconds * 1000).toISOString().slice(0, 10);
  }
  return null;
}
