/** Browser sessions: created at login, checked (idle and absolute expiry) on every request, ended at logout. */
import type { Db } from '../../store/database.ts';
import { reusableQuery } from '../../store/reusable-query.ts';
import type { UserRow } from '../../store/tables.ts';
import type { CredentialCache, SessionUserRow } from './credential-cache.ts';
import { hashSecret, newSecret } from './secrets.ts';
import type { AuthSettings } from './settings.ts';

/** last_seen_at is written at most this often, so reads do not turn into writes on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(db: Db, userId: string, settings: AuthSettings, now: Date) {
  const token = newSecret('cairn_s');
  const expiresAt = new Date(now.getTime() + settings.sessionMaxHours * 3_600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSecret(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** The session and its user, by the session's hash: compiled once, run on every request of the web app. */
const sessionWithUser = reusableQuery((db, idHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.last_seen_at', 'sessions.expires_at'])
    .where('sessions.id_hash', '=', idHash),
);

/**
 * The user behind a live session token, or null if unknown, expired (idle or absolute) or the user is
 * disabled. `touch: false` checks without counting as activity (a live stream's re-check must not keep an
 * unattended session from idling out). With `cache`, the row may be one read up to CREDENTIAL_TTL_MS ago
 * (see credential-cache.ts); the expiry is checked against `now` either way.
 */
export async function resolveSession(
  db: Db,
  token: string,
  settings: AuthSettings,
  now: Date,
  options: { touch?: boolean; cache?: CredentialCache<SessionUserRow> } = {},
): Promise<UserRow | null> {
  const idHash = hashSecret(token);
  const load = async (): Promise<SessionUserRow | undefined> => (await sessionWithUser(db, idHash))[0];
  const row = options.cache ? await options.cache.lookup(idHash, load) : await load();
  if (!row || row.disabled_at) return null;
  const idleLimit = Date.parse(row.last_seen_at) + settings.sessionIdleMinutes * 60_000;
  if (now.getTime() >= Date.parse(row.expires_at) || now.getTime() >= idleLimit) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (options.touch !== false && now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
    // Set first, on the (possibly cached) row: requests arriving meanwhile do not write it again.
    row.last_seen_at = now.toISOString();
    await db
      .updateTable('sessions')
      .set({ last_seen_at: row.last_seen_at })
      .where('id_hash', '=', idHash)
      .execute();
  }
  const { last_seen_at: _l, expires_at: _e, ...user } = row;
  return user;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSecret(token)).execute();
}
