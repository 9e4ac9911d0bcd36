/**
 * When will each open initiative and release be done: a Monte Carlo forecast over historical throughput.
 *
 * - Streams: the caller names the stream of each completed and each open item: its team, or the product
 *   when it has no team. A stream has its own throughput history (forecast-history.ts) and its own queue:
 *   its open items in work order. The caller puts dependencies first when it builds that order; this
 *   module trusts it, and counts everything ahead of an item in its stream's queue as done before it.
 * - A target (initiative or release) is the items it holds; those not in the queue are done (or out of
 *   scope). Its remaining work may span streams; it is done when its last item is done in each of them.
 * - A trial (forecast-simulation.ts) resamples each stream's past days, day 1 being tomorrow, and the
 *   target is done on the first day the cumulative throughput reaches its last item's place in the queue
 *   (1-based), or in points the cumulative points through that item. In points an open item without an
 *   estimate counts the mean estimate of the items the stream completed in the window.
 * - p50, p85, p95: the first day by which that share of trials was done (nearest rank). A percentile past
 *   the 3-year horizon is null and `beyondHorizon` is true: "not within 3 years". With a constant
 *   throughput every trial is the same, so the answer is exact: k items at c a day → today + ceil(k / c).
 * - probabilityOnTime: the share of trials done on or before the target date; trials not done within the
 *   horizon count as late, so for a target date past the horizon it is a lower bound. A target date of
 *   today or earlier with work open gives 0 (work finishes tomorrow at the earliest), history or not.
 *   Null without a target date, and for a done target (nothing left to forecast).
 * - Status: 'done' (no open item: no dates, remaining 0), 'forecast', or 'insufficient-history' when a
 *   stream of its open work has a history too short to trust: then no dates at all, and `warning` says
 *   which stream and why. Nothing is invented from a partial history.
 * - sampleSize: the completed items the forecast drew from, summed over the histories of the streams
 *   holding the target's open work; `streams` shows each history day by day.
 * - Bounds: trials are clamped to MAX_TRIALS, a trial to FORECAST_HORIZON_DAYS, the history to a year;
 *   the rest is linear in the input (completions, queue, the targets' item lists).
 */

import { addDays, dayNumber, isCalendarDate } from './calendar.ts';
import {
  type Completion,
  clampHistoryDays,
  type ForecastUnit,
  readHistories,
  type StreamHistory,
} from './forecast-history.ts';
import { cumulativePoints, openWork, type QueuedItem, readQueue } from './forecast-queue.ts';
import {
  FORECAST_HORIZON_DAYS,
  percentileDay,
  type StreamPlan,
  shareFinishedBy,
  simulate,
  streamSeed,
} from './forecast-simulation.ts';

export { DEFAULT_HISTORY_DAYS, MIN_HISTORY_DAYS, MIN_HISTORY_ITEMS } from './forecast-history.ts';
export type { Completion, ForecastUnit, QueuedItem, StreamHistory };
export { FORECAST_HORIZON_DAYS };

export const DEFAULT_TRIALS = 10_000;
/** The most trials a forecast runs, whatever it is asked: past this the percentiles barely move. */
export const MAX_TRIALS = 20_000;
/** The seed used when none is given: the same input always gives the same forecast. */
export const DEFAULT_FORECAST_SEED = 0x5eed;

/** An initiative or a release: the items it holds, open or not. */
export interface ForecastTarget {
  id: string;
  targetDate: string | null;
  itemIds: readonly string[];
}

export interface ForecastOptions {
  /** YYYY-MM-DD, the forecast's today (in the product's time zone): day 1 of the trials is the day after. */
  today: string;
  /** Throughput in items (the default) or in points. */
  unit?: ForecastUnit;
  /** Trials to run: DEFAULT_TRIALS, clamped to 1 … MAX_TRIALS. */
  trials?: number;
  seed?: number;
  /** Days of history read before today: DEFAULT_HISTORY_DAYS (84, 12 weeks), clamped to 21 … 365. */
  historyDays?: number;
}

export type ForecastStatus = 'done' | 'forecast' | 'insufficient-history';

export interface TargetForecast {
  id: string;
  status: ForecastStatus;
  /** Open items the target holds. */
  remainingItems: number;
  /** Their estimated points (open items without an estimate count 0 here; see `unestimatedItems`). */
  remainingPoints: number;
  unestimatedItems: number;
  /** YYYY-MM-DD by which the target is done in 50 % of trials; null when done, unknown or beyond. */
  p50: string | null;
  p85: string | null;
  p95: string | null;
  /** Some percentile (p95 first) is not within 3 years: its date is null. */
  beyondHorizon: boolean;
  /** Share of trials done on or before the target date, 0 … 1. */
  probabilityOnTime: number | null;
  /** Completed items in the histories drawn from (the streams of the open work). */
  sampleSize: number;
  /** The streams of the target's open work, whose histories are in the result's `streams`. */
  streamIds: string[];
  /** Why there are no dates although work is open (history too short); null otherwise. */
  warning: string | null;
}

export interface ForecastResult {
  unit: ForecastUnit;
  trials: number;
  /** The last day simulated: a percentile after it reads "not within 3 years". */
  horizon: string;
  targets: TargetForecast[];
  streams: StreamHistory[];
}

/** The forecast of every target. Pure: the clock and the randomness come in through `options`. */
export function forecast(
  completions: readonly Completion[],
  queue: readonly QueuedItem[],
  targets: readonly ForecastTarget[],
  options: ForecastOptions,
): ForecastResult {
  if (!isCalendarDate(options.today)) throw new RangeError(`today is not a date: ${options.today}`);
  const today = dayNumber(options.today);
  const unit: ForecastUnit = options.unit === 'points' ? 'points' : 'items';
  const trials = clampTrials(options.trials);
  const seed = Number.isFinite(options.seed) ? Number(options.seed) >>> 0 : DEFAULT_FORECAST_SEED;

  const streamIds: string[] = [];
  const open = readQueue(queue, streamIds);

  const streams = readHistories(completions, streamIds, today, clampHistoryDays(options.historyDays), unit);
  const historyById = new Map(streams.map((history) => [history.streamId, history]));
  const histories = streamIds.map((id) => historyById.get(id)!);
  const thresholds = open.streams.map((items, stream) =>
    unit === 'items' ? null : cumulativePoints(items, open.points, histories[stream]!.meanPoints ?? 0),
  );

  const seen = new Int32Array(open.stream.length).fill(-1);
  const results = targets.map((target, index) => {
    const { last, ...work } = openWork(target.itemIds, index, open, seen);
    return { forecast: emptyForecast(target.id, work), last };
  });
  // The targets to simulate, numbered 0 … (their slots in the tallies), and what each stream must reach.
  const slots: number[] = [];
  const entries = streamIds.map(() => [] as { threshold: number; slot: number }[]);
  results.forEach(({ forecast: result, last }, index) => {
    if (last.size === 0) return;
    const used = [...last.keys()].map((stream) => histories[stream]!);
    if (!judgeHistory(result, used, dueDay(targets[index]!.targetDate, today))) return;
    for (const [stream, position] of last) {
      const through = thresholds[stream]?.[position] ?? position + 1;
      // Sums of fractional mean sizes drift by an ulp or so: the tolerance keeps "reached" exact.
      entries[stream]!.push({ threshold: through - 1e-9 * Math.max(1, through), slot: slots.length });
    }
    slots.push(index);
  });

  const plans: StreamPlan[] = [];
  entries.forEach((list, stream) => {
    if (list.length === 0) return;
    list.sort((a, b) => a.threshold - b.threshold);
    plans.push({
      sample: Float64Array.from(histories[stream]!.daily),
      seed: streamSeed(seed, streamIds[stream]!),
      thresholds: Float64Array.from(list, (entry) => entry.threshold),
      targets: Int32Array.from(list, (entry) => entry.slot),
    });
  });
  const tallies = simulate(plans, slots.length, trials);
  const date = (day: number) => (day > FORECAST_HORIZON_DAYS ? null : addDays(options.today, day));
  slots.forEach((index, slot) => {
    const p95 = percentileDay(tallies, slot, 95);
    const due = dueDay(targets[index]!.targetDate, today);
    Object.assign(results[index]!.forecast, {
      p50: date(percentileDay(tallies, slot, 50)),
      p85: date(percentileDay(tallies, slot, 85)),
      p95: date(p95),
      beyondHorizon: p95 > FORECAST_HORIZON_DAYS,
      probabilityOnTime: due === null ? null : shareFinishedBy(tallies, slot, due),
    });
  });

  return {
    unit,
    trials,
    horizon: addDays(options.today, FORECAST_HORIZON_DAYS),
    targets: results.map((result) => result.forecast),
    streams,
  };
}

/**
 * Whether the histories of the streams holding a target's open work are long enough to forecast from;
 * records them in `result` (streamIds, sampleSize, and the status with its warning).
 */
function judgeHistory(result: TargetForecast, used: StreamHistory[], due: number | null): boolean {
  used.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  result.streamIds = used.map((history) => history.streamId);
  result.sampleSize = used.reduce((sum, history) => sum + history.completed, 0);
  const short = used.filter((history) => history.tooShort);
  if (short.length === 0) {
    result.status = 'forecast';
    return true;
  }
  result.status = 'insufficient-history';
  result.warning = short.map((history) => `${history.streamId}: ${history.warning}`).join('; ');
  // Open work and a target date of today or before: missed, whatever the history says.
  if (due !== null && due < 1) result.probabilityOnTime = 0;
  return false;
}

function clampTrials(trials: number | undefined): number {
  if (trials === undefined || !Number.isFinite(trials)) return DEFAULT_TRIALS;
  return Math.min(MAX_TRIALS, Math.max(1, Math.round(trials)));
}

/** Days from today to the target date (1 = tomorrow); null without a date (or with one that is not). */
function dueDay(targetDate: string | null, today: number): number | null {
  if (targetDate === null || !isCalendarDate(targetDate)) return null;
  return dayNumber(targetDate) - today;
}

/** A target's forecast before any history is judged: done, unless it holds open work. */
function emptyForecast(
  id: string,
  work: Pick<TargetForecast, 'remainingItems' | 'remainingPoints' | 'unestimatedItems'>,
): TargetForecast {
  return {
    id,
    status: 'done',
    ...work,
    p50: null,
    p85: null,
    p95: null,
    beyondHorizon: false,
    probabilityOnTime: null,
    sampleSize: 0,
    streamIds: [],
    warning: null,
  };
}
