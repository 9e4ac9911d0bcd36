import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Fractional rank keys that totally order the backlog items of a product.
 *
 * Keys are base-62 strings ([0-9A-Za-z]) compared bytewise: plain `<` on JS strings (equal to bytewise
 * order for ASCII) and `COLLATE "C"` in PostgreSQL.
 */

/** A key longer than this asks for a rebalance of the keys around it. */
export const REBALANCE_LENGTH = 24;

/** Half-width of the first window tried by planRebalance (it doubles until it works). */
const INITIAL_HALF_WINDOW = 32;

const KEY_PATTERN = /^[0-9A-Za-z]+$/;

export interface RankResult {
  rank: string;
  /** True when `rank` is longer than REBALANCE_LENGTH: the caller should run planRebalance. */
  requiresRebalance: boolean;
}

export interface RebalancePlan {
  /** First position (inclusive) of the sorted keys that gets a new key. */
  start: number;
  /** Last position (exclusive) of the sorted keys that gets a new key. */
  end: number;
  /** New keys for positions start..end-1, ascending, strictly between the untouched outer neighbours. */
  ranks: string[];
}

function checkKey(key: string | null, name: string): void {
  if (key !== null && !KEY_PATTERN.test(key)) {
    throw new RangeError(`${name} rank ${JSON.stringify(key)} is not a base-62 key`);
  }
}

function checkBounds(lower: string | null, upper: string | null): void {
  checkKey(lower, 'lower');
  checkKey(upper, 'upper');
  if (lower !== null && upper !== null && lower >= upper) {
    throw new RangeError(
      `lower rank ${JSON.stringify(lower)} must sort before upper rank ${JSON.stringify(upper)}`,
    );
  }
}

/** Runs a fractional-indexing call, reporting malformed keys as a RangeError. */
function generating<T>(generate: () => T): T {
  try {
    return generate();
  } catch (error) {
    if (error instanceof RangeError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new RangeError(`invalid rank key: ${message}`, { cause: error });
  }
}

/** Bytewise comparison of two rank keys (negative, zero or positive, like a sort comparator). */
export function compareRanks(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Returns a key strictly between lower and upper (null = open end); throws a RangeError if lower >= upper. */
export function rankBetween(lower: string | null, upper: string | null): RankResult {
  checkBounds(lower, upper);
  const rank = generating(() => generateKeyBetween(lower, upper));
  return { rank, requiresRebalance: rank.length > REBALANCE_LENGTH };
}

/** Returns `count` ascending keys spread strictly between lower and upper (null = open end). */
export function spreadRanks(lower: string | null, upper: string | null, count: number): string[] {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  checkBounds(lower, upper);
  return generating(() => generateNKeysBetween(lower, upper, count));
}

/** Chooses the smallest window around `index` whose keys can be regenerated no longer than maxLength. */
export function planRebalance(sortedKeys: readonly string[], index: number, maxLength = 12): RebalancePlan {
  const total = sortedKeys.length;
  if (!Number.isSafeInteger(index) || index < 0 || index >= total) {
    throw new RangeError(`index ${index} is outside the ${total} sorted keys`);
  }
  for (let i = 1; i < total; i++) {
    const previous = sortedKeys[i - 1]!;
    const current = sortedKeys[i]!;
    if (!(previous < current)) {
      throw new RangeError(`sorted keys are not strictly ascending at position ${i}`);
    }
  }
  for (let half = INITIAL_HALF_WINDOW; ; half *= 2) {
    const start = Math.max(0, index - half);
    const end = Math.min(total, index + half + 1);
    // Outside the window the neighbours stay put; a window covering everything is bounded by open ends.
    const lower = sortedKeys[start - 1] ?? null;
    const upper = sortedKeys[end] ?? null;
    const ranks = spreadRanks(lower, upper, end - start);
    const coversEverything = start === 0 && end === total;
    if (coversEverything || ranks.every((rank) => rank.length <= maxLength)) {
      return { start, end, ranks };
    }
  }
}
