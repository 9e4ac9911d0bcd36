/**
 * Password login, limited per client IP (every attempt counts) and per account (failures count); a success
 * clears the account's counter. The answer never reveals whether the email exists.
 */

import { presentUser, type User } from '../../presenters/planning.ts';
import type { Db } from '../../store/database.ts';
import { decoyHash, verifyPassword } from '../auth/passwords.ts';
import { assertUnderLimit, countAttempt, resetAttempts } from '../auth/rate-limit.ts';
import { createSession } from '../auth/sessions.ts';
import type { AuthSettings } from '../auth/settings.ts';
import { AppError } from '../errors.ts';

export async function login(ctx: {
  db: Db;
  input: { email: string; password: string };
  clientIp: string;
  settings: AuthSettings;
  now?: Date;
}): Promise<{ user: User; token: string; expiresAt: string }> {
  const now = ctx.now ?? new Date();
  const { db, settings } = ctx;
  const ipKey = `ip:${ctx.clientIp}`;
  const accountKey = `account:${ctx.input.email}`;
  const ipWindow = { minutes: settings.loginWindowMinutes, limit: settings.loginAttemptsPerIp };
  const accountWindow = { minutes: settings.loginWindowMinutes, limit: settings.loginFailuresPerAccount };
  await assertUnderLimit(db, ipKey, ipWindow, now);
  await assertUnderLimit(db, accountKey, accountWindow, now);
  await countAttempt(db, ipKey, ipWindow, now);

  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', ctx.input.email)
    .executeTakeFirst();
  const valid = user?.password_hash
    ? await verifyPassword(ctx.input.password, user.password_hash)
    : await verifyPassword(ctx.input.password, await decoyHash()).then(() => false);
  if (!user || !valid || user.disabled_at) {
    await countAttempt(db, accountKey, accountWindow, now);
    throw new AppError('unauthorized', 'email or password is wrong');
  }
  await resetAttempts(db, accountKey);
  const session = await createSession(db, user.id, settings, now);
  return { user: presentUser(user), ...session };
}
