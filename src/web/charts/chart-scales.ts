/**
 * The geometry of the hand-drawn charts: value axes with round ticks, which category labels fit, line and
 * area paths, and sign stacking (scope added above the axis, removed below). Pure: numbers in, numbers and
 * path strings out.
 */

/** A value axis: its round ticks, lowest to highest; the first and last are the axis' ends. */
export interface ValueScale {
  ticks: number[];
  min: number;
  max: number;
}

/** A value axis never has more ticks than this, whatever the numbers. */
const MAX_TICKS = 12;

/**
 * Round ticks (1, 2, 2.5 or 5 times a power of ten apart) covering `low`..`high`, about `count` of them.
 * `integers` keeps the step whole (items are counted, not measured).
 */
export function niceScale(low: number, high: number, { integers = false, count = 5 } = {}): ValueScale {
  let lo = Number.isFinite(low) ? Math.min(low, high) : 0;
  let hi = Number.isFinite(high) ? Math.max(low, high) : 1;
  if (!Number.isFinite(hi)) hi = lo + 1;
  if (hi - lo < 1e-9) {
    // A flat series: an axis from zero (or one step around it) so the line is not drawn on an edge.
    if (hi > 0) lo = 0;
    else if (lo < 0) hi = 0;
    else hi = 1;
  }
  const rough = (hi - lo) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const normal = rough / magnitude;
  let step = (normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 2.5 ? 2.5 : normal <= 5 ? 5 : 10) * magnitude;
  if (integers) step = Math.max(1, Math.ceil(step));
  // More ticks than allowed (only possible for integer steps on a tiny range): widen the step.
  for (let i = 0; i < 64 && Math.ceil(hi / step) - Math.floor(lo / step) + 1 > MAX_TICKS; i++) step *= 2;
  const first = Math.floor(lo / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i < MAX_TICKS; i++) {
    const tick = Number((first + i * step).toFixed(10));
    ticks.push(tick);
    if (tick >= hi - 1e-9) break;
  }
  return { ticks, min: ticks[0] ?? 0, max: ticks.at(-1) ?? 1 };
}

/**
 * Show every n-th category label so that none overlap: labels of about `chars` characters at 12 px, each
 * category `step` pixels wide.
 */
export function labelEvery(chars: number, step: number): number {
  const labelWidth = chars * 7 + 10;
  return step <= 0 ? 1 : Math.max(1, Math.ceil(labelWidth / step));
}

export interface Point {
  x: number;
  y: number;
}

const fixed = (n: number) => Math.round(n * 10) / 10;

/**
 * A line through the points, broken where a value is missing (days still to come). `step` draws it as
 * stairs, the value holding until the next point (a scope that changes on a day).
 */
export function linePath(points: readonly (Point | null)[], { step = false } = {}): string {
  let path = '';
  let previous: Point | null = null;
  for (const point of points) {
    if (!point) {
      previous = null;
      continue;
    }
    if (!previous) path += `M${fixed(point.x)},${fixed(point.y)}`;
    else if (step) path += `H${fixed(point.x)}V${fixed(point.y)}`;
    else path += `L${fixed(point.x)},${fixed(point.y)}`;
    previous = point;
  }
  return path;
}

/** A closed area between a top line and a bottom line over the same x positions (a stacked band). */
export function areaPath(top: readonly Point[], bottom: readonly Point[]): string {
  if (top.length === 0) return '';
  const forward = top.map((p, i) => `${i === 0 ? 'M' : 'L'}${fixed(p.x)},${fixed(p.y)}`).join('');
  const back = [...bottom]
    .reverse()
    .map((p) => `L${fixed(p.x)},${fixed(p.y)}`)
    .join('');
  return `${forward}${back}Z`;
}

/** One segment of a stacked bar: from `from` to `to` in values. */
export interface StackSegment {
  from: number;
  to: number;
}

/**
 * Stacks values by sign: positive ones upwards from zero, negative ones downwards, each in the given order.
 */
export function signStack(values: readonly number[]): StackSegment[] {
  let up = 0;
  let down = 0;
  return values.map((value) => {
    if (value >= 0) {
      const segment = { from: up, to: up + value };
      up += value;
      return segment;
    }
    const segment = { from: down, to: down + value };
    down += value;
    return segment;
  });
}
