/**
 * Fixed-window counters for login attempts, kept in the database so that several Cairn servers behind one
 * load balancer share them.
 */
import { sql } from 'kysely';
import type { Db } from '../../store/database.ts';
import { AppError } from '../errors.ts';

export interface Window {
  minutes: number;
  limit: number;
}

async function current(db: Db, key: string, now: Date, windowMs: number) {
  const row = await db.selectFrom('login_attempts').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row || now.getTime() - Date.parse(row.window_start) >= windowMs) return null;
  return row;
}

/** Throws `rate_limited` (with `retryAfterSeconds`) if `key` has used up its window. */
export async function assertUnderLimit(db: Db, key: string, window: Window, now: Date): Promise<void> {
  const windowMs = window.minutes * 60_000;
  const row = await current(db, key, now, windowMs);
  if (row && row.count >= window.limit) {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((Date.parse(row.window_start) + windowMs - now.getTime()) / 1000),
    );
    throw new AppError('rate_limited', 'too many login attempts; try again later', { retryAfterSeconds });
  }
}

/** Counts one attempt against `key` in a single atomic upsert, starting a new window when the old one passed. */
export async function countAttempt(db: Db, key: string, window: Window, now: Date): Promise<void> {
  const at = now.toISOString();
  const expired = new Date(now.getTime() - window.minutes * 60_000).toISOString();
  await db
    .insertInto('login_attempts')
    .values({ key, window_start: at, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when login_attempts.window_start <= ${expired} then 1 else login_attempts.count + 1 end`,
        window_start: sql<string>`case when login_attempts.window_start <= ${expired} then ${at} else login_attempts.window_start end`,
      }),
    )
    .execute();
}

export async function resetAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}
