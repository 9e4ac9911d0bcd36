/**
 * The throughput history a forecast resamples: for each stream (a team, or the product for work that has
 * no team), what it completed on each whole day of a recent window.
 *
 * - The window is the `historyDays` days before today (today − historyDays … yesterday). Today is left
 *   out because it is not over: a half day would read as a slow one. Completions outside the window
 *   (0001-01-01, 9999-12-31, tomorrow) and completions whose day is not a date are ignored.
 * - A stream's history starts on the day of its first completion in the window, so a team formed a month
 *   ago is not diluted by the weeks before it existed, and runs to yesterday. Days without a completion
 *   count as zero: weekends and holidays weigh in the forecast as much as they did in the past.
 * - Too short to trust: fewer than MIN_HISTORY_ITEMS completed items, or fewer than MIN_HISTORY_DAYS days
 *   from the first completion to today (the "3 weeks" of the issue). In points, also a history in which
 *   no completed item had an estimate.
 * - Points: a completed item without an estimate counts the mean estimate of the stream's estimated
 *   completions in the window, the same size the forecast gives its open unestimated items, so that
 *   unestimated work neither vanishes from the throughput nor from the queue. Negative points count 0.
 */

import { dateOfDay, dayNumber } from './calendar.ts';

/** 12 whole weeks: every weekday appears equally often, recent enough to be the team's current pace. */
export const DEFAULT_HISTORY_DAYS = 84;
/** The longest window a caller may ask for: a year. */
export const MAX_HISTORY_DAYS = 365;
/** Fewer completed items than this in the window: the history is too short to forecast from. */
export const MIN_HISTORY_ITEMS = 10;
/** Fewer days than this from the first completion in the window to today: too short (3 weeks). */
export const MIN_HISTORY_DAYS = 21;

export type ForecastUnit = 'items' | 'points';

/** One completed item, read from its events: the day it was done and the stream whose throughput it is. */
export interface Completion {
  /** YYYY-MM-DD, the day the item was done. */
  day: string;
  points: number | null;
  streamId: string;
}

/** The history a stream's forecast draws from: what the forecast used, shown so it explains itself. */
export interface StreamHistory {
  streamId: string;
  /** The first day sampled (the stream's first completion in the window); null with no completion. */
  from: string | null;
  /** The last day sampled: yesterday. */
  to: string;
  /** Days sampled, `from` to `to` both included (0 with no completion). */
  days: number;
  /** Items completed in those days. */
  completed: number;
  /** Estimated points completed in those days (unestimated items count 0 here). */
  points: number;
  /** Completed items without an estimate. */
  unestimated: number;
  /** The mean estimate of the completed estimated items: the size of an unestimated item in points. */
  meanPoints: number | null;
  /** Throughput of each day from `from` to `to`, in the forecast's unit: what each trial resamples. */
  daily: number[];
  tooShort: boolean;
  /** Why the history is too short, in words; null when it is long enough. */
  warning: string | null;
}

/** The window length used for `historyDays`: a whole number of days from MIN_HISTORY_DAYS to a year. */
export function clampHistoryDays(days: number | undefined): number {
  if (days === undefined || !Number.isFinite(days)) return DEFAULT_HISTORY_DAYS;
  return Math.min(MAX_HISTORY_DAYS, Math.max(MIN_HISTORY_DAYS, Math.round(days)));
}

/** The points an estimate counts for: null when the item has none (or a value that is not a number). */
export function estimateOf(points: number | null): number | null {
  return typeof points === 'number' && Number.isFinite(points) ? Math.max(0, points) : null;
}

interface Tally {
  items: Uint32Array;
  points: Float64Array;
  unestimated: Uint32Array;
}

/**
 * The history of every stream that completed something in the window or is named in `streamIds` (a
 * stream with open work and no completion gets an empty, too-short history), sorted by stream id.
 * `today` is a day number (calendar.ts dayNumber).
 */
export function readHistories(
  completions: readonly Completion[],
  streamIds: Iterable<string>,
  today: number,
  historyDays: number,
  unit: ForecastUnit,
): StreamHistory[] {
  const windowStart = today - historyDays;
  const tallies = new Map<string, Tally>();
  const tallyOf = (streamId: string): Tally => {
    let tally = tallies.get(streamId);
    if (!tally) {
      tally = {
        items: new Uint32Array(historyDays),
        points: new Float64Array(historyDays),
        unestimated: new Uint32Array(historyDays),
      };
      tallies.set(streamId, tally);
    }
    return tally;
  };
  for (const completion of completions) {
    // Days as numbers: a NaN (not a date) fails both comparisons and is skipped.
    const offset = dayNumber(completion.day) - windowStart;
    if (!(offset >= 0 && offset < historyDays)) continue;
    const tally = tallyOf(completion.streamId);
    tally.items[offset]! += 1;
    const points = estimateOf(completion.points);
    if (points === null) tally.unestimated[offset]! += 1;
    else tally.points[offset]! += points;
  }
  for (const streamId of streamIds) tallyOf(streamId);

  return [...tallies.keys()]
    .sort()
    .map((streamId) => historyOf(streamId, tallies.get(streamId)!, windowStart, historyDays, unit));
}

function historyOf(
  streamId: string,
  tally: Tally,
  windowStart: number,
  historyDays: number,
  unit: ForecastUnit,
): StreamHistory {
  const first = tally.items.findIndex((count) => count > 0);
  const start = first < 0 ? historyDays : first;
  let completed = 0;
  let points = 0;
  let unestimated = 0;
  for (let i = start; i < historyDays; i++) {
    completed += tally.items[i]!;
    points += tally.points[i]!;
    unestimated += tally.unestimated[i]!;
  }
  const estimated = completed - unestimated;
  const meanPoints = estimated > 0 ? points / estimated : null;
  const daily: number[] = [];
  for (let i = start; i < historyDays; i++) {
    daily.push(
      unit === 'items' ? tally.items[i]! : tally.points[i]! + tally.unestimated[i]! * (meanPoints ?? 0),
    );
  }
  const days = historyDays - start;
  const warning = shortHistoryWarning(completed, days, historyDays, unit === 'points' && meanPoints === null);
  return {
    streamId,
    from: first < 0 ? null : dateOfDay(windowStart + start),
    to: dateOfDay(windowStart + historyDays - 1),
    days,
    completed,
    points,
    unestimated,
    meanPoints,
    daily,
    tooShort: warning !== null,
    warning,
  };
}

function shortHistoryWarning(
  completed: number,
  days: number,
  historyDays: number,
  noEstimates: boolean,
): string | null {
  if (completed === 0) return `no items completed in the last ${historyDays} days`;
  if (completed < MIN_HISTORY_ITEMS) {
    const items = completed === 1 ? '1 item' : `${completed} items`;
    return `only ${items} completed in the last ${historyDays} days; at least ${MIN_HISTORY_ITEMS} are needed`;
  }
  if (days < MIN_HISTORY_DAYS) {
    return `only ${days} days of history since the first completion; at least ${MIN_HISTORY_DAYS} are needed`;
  }
  if (noEstimates) return `no estimated item completed in the last ${historyDays} days, so no points pace`;
  return null;
}
