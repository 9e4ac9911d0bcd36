/** When a failed delivery is tried again: exponential backoff with jitter, capped; pure. */

export interface BackoffSettings {
  /** The wait after the first failed attempt (before jitter). */
  baseMs: number;
  /** The longest wait. */
  maxMs: number;
  /** Attempts before a delivery is given up as failed. */
  maxAttempts: number;
}

/** About 10 s, 20 s, 40 s … up to an hour; 8 attempts span roughly 40 minutes. */
export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 10_000, maxMs: 3_600_000, maxAttempts: 8 };

/**
 * The wait after `attempts` failed attempts, or null when no attempt is left. `random` in [0, 1): half the
 * wait is fixed, half random, so receivers that failed together are not all retried at the same instant.
 */
export function nextRetryDelay(attempts: number, settings: BackoffSettings, random: number): number | null {
  if (attempts >= settings.maxAttempts) return null;
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const wait = Math.min(settings.maxMs, settings.baseMs * 2 ** exponent);
  return Math.round(wait / 2 + (wait / 2) * random);
}
