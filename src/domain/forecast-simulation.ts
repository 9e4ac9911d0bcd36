/**
 * The trials of a forecast: each stream's days resampled from its history until the work of every target
 * in it is through, tallied per target as a histogram of the day each trial finished it.
 *
 * - Day 1 is tomorrow (the history holds whole past days, so the simulation runs whole future days); a
 *   target is finished on the first day the stream's cumulative throughput reaches its threshold. At a
 *   constant c a day, k items ahead are through on day ceil(k / c).
 * - A trial stops at the deepest threshold of the stream or at FORECAST_HORIZON_DAYS, whichever comes
 *   first; a target not reached by then is tallied on day HORIZON + 1, "not within 3 years". It stops
 *   sooner when the next threshold is out of reach even if every day left were the history's busiest:
 *   the same answer, and a queue far too long for its history costs next to nothing.
 * - The random draws of a stream's trial depend on the seed, the stream id and the trial number only, not
 *   on how deep the trial runs nor on the other streams: with the same seed and history, each trial's
 *   path is the same, so more work ahead never finishes earlier, and adding a target leaves the others
 *   as they were. The generator is xoshiro128**, seeded per trial through a 32-bit mix (murmur3 fmix32).
 * - Memory: the histogram is (HORIZON + 2) 16-bit counters per target; nothing is allocated per trial.
 */

/** 3 years of days (3 × 365 and a leap day): the last day a trial simulates. */
export const FORECAST_HORIZON_DAYS = 1096;

/** Histogram slots per target: day 0 (unused), days 1 … HORIZON, and HORIZON + 1 for "beyond". */
const STRIDE = FORECAST_HORIZON_DAYS + 2;
const BEYOND = FORECAST_HORIZON_DAYS + 1;
const MAX_COUNT = 0xffff;

/** One stream's part of the forecast: what its trials draw from and the targets they must reach. */
export interface StreamPlan {
  /** The daily throughputs a trial resamples: the stream's history in the forecast's unit. */
  sample: Float64Array;
  /** streamSeed(seed, streamId). */
  seed: number;
  /** Work (items or points) through the last item of each target in this stream, ascending. */
  thresholds: Float64Array;
  /** The target (its slot in the tallies, 0 … targetCount − 1) each threshold belongs to. */
  targets: Int32Array;
}

/** The tallies of a simulation: how many trials finished each target on each day. */
export interface Tallies {
  /** 16 bits a counter: the 20,000 trials at most (MAX_TRIALS) fit, and 300 targets take 660 KB. */
  counts: Uint16Array;
  trials: number;
}

/** 32-bit avalanche (murmur3's finaliser): nearby inputs give unrelated outputs. */
function mix32(value: number): number {
  let z = value | 0;
  z ^= z >>> 16;
  z = Math.imul(z, 0x85ebca6b);
  z ^= z >>> 13;
  z = Math.imul(z, 0xc2b2ae35);
  z ^= z >>> 16;
  return z >>> 0;
}

/** The seed of a stream's draws: the forecast's seed mixed with the stream id (FNV-1a). */
export function streamSeed(seed: number, streamId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < streamId.length; i++) hash = Math.imul(hash ^ streamId.charCodeAt(i), 0x01000193);
  return mix32(hash ^ mix32(seed));
}

/**
 * Runs `trials` trials over every plan. A target named in several plans is finished on the latest of
 * its days in them: when its last item is done in every stream it touches.
 */
export function simulate(plans: readonly StreamPlan[], targetCount: number, trials: number): Tallies {
  if (trials > MAX_COUNT) throw new RangeError(`at most ${MAX_COUNT} trials`);
  const counts = new Uint16Array(targetCount * STRIDE);
  const finished = new Int32Array(targetCount);
  const state = new Int32Array(4);
  const busiest = plans.map((plan) => plan.sample.reduce((max, value) => Math.max(max, value), 0));
  for (let trial = 0; trial < trials; trial++) {
    finished.fill(0);
    for (let i = 0; i < plans.length; i++) runTrial(plans[i]!, busiest[i]!, trial, state, finished);
    for (let target = 0; target < targetCount; target++) counts[target * STRIDE + finished[target]!]! += 1;
  }
  return { counts, trials };
}

function runTrial(
  plan: StreamPlan,
  busiest: number,
  trial: number,
  state: Int32Array,
  finished: Int32Array,
): void {
  seedTrial(state, plan.seed, trial);
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  const { sample, thresholds, targets } = plan;
  const scale = sample.length / 4_294_967_296;
  const last = thresholds.length;
  let next = 0;
  let cumulative = 0;
  for (let day = 1; day <= FORECAST_HORIZON_DAYS && next < last; day++) {
    // Out of reach even on the busiest days: all that is left is beyond the horizon.
    if (cumulative + busiest * (FORECAST_HORIZON_DAYS - day + 1) < thresholds[next]!) break;
    // xoshiro128**: the output, then the state's step.
    const output = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    cumulative += sample[Math.floor(output * scale)]!;
    while (next < last && cumulative >= thresholds[next]!) {
      const target = targets[next]!;
      if (finished[target]! < day) finished[target] = day;
      next++;
    }
  }
  for (; next < last; next++) finished[targets[next]!] = BEYOND;
}

function rotl(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

function seedTrial(state: Int32Array, seed: number, trial: number): void {
  let z = mix32(seed ^ mix32(trial + 0x9e3779b9));
  for (let i = 0; i < 4; i++) {
    z = (z + 0x9e3779b9) | 0;
    state[i] = mix32(z);
  }
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
}

/** The day (1 … HORIZON, or HORIZON + 1 for beyond) by which `percent` % of the trials had finished. */
export function percentileDay(tallies: Tallies, target: number, percent: number): number {
  const needed = Math.max(1, Math.ceil((tallies.trials * percent) / 100));
  const base = target * STRIDE;
  let seen = 0;
  for (let day = 1; day <= FORECAST_HORIZON_DAYS; day++) {
    seen += tallies.counts[base + day]!;
    if (seen >= needed) return day;
  }
  return BEYOND;
}

/** The share of trials that finished the target on or before `day` (0 before day 1). */
export function shareFinishedBy(tallies: Tallies, target: number, day: number): number {
  const base = target * STRIDE;
  const lastDay = Math.min(day, FORECAST_HORIZON_DAYS);
  let seen = 0;
  for (let d = 1; d <= lastDay; d++) seen += tallies.counts[base + d]!;
  return seen / tallies.trials;
}
