/**
 * How many random cases a fuzz property tries. The counts written next to each property are the full ones;
 * `npm test` runs a share of them (FUZZ_SCALE, default 0.5) and nightly runs set FUZZ_SCALE=1 or more
 * (`FUZZ_SCALE=5 npm test -- test/fuzz`). The sweeps that are not random (every hostile path segment,
 * every calendar edge, every operation) run in full at any scale; the scale only thins the random repeats.
 */
const DEFAULT_SCALE = 0.5;

function scale(): number {
  const raw = process.env.FUZZ_SCALE;
  if (raw === undefined || raw === '') return DEFAULT_SCALE;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 100)
    throw new Error(`FUZZ_SCALE must be a number above 0 and at most 100, not ${JSON.stringify(raw)}`);
  return value;
}

/** The number of runs for a property whose full count is `full` (at least one). */
export function fuzzRuns(full: number): number {
  return Math.max(1, Math.round(full * scale()));
}
