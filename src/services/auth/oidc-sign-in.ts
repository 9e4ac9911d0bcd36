/**
 * Signs in the user behind an OpenID Connect identity: the identity already linked (issuer, subject);
 * else the active user with the same verified e-mail, linked now; else, with auto-create on, a new viewer.
 * Anyone else is refused: an admin adds people first. Then a normal session, as a password login makes.
 */
import { presentUser, type User } from '../../presenters/planning.ts';
import { LIMITS } from '../../schemas/limits.ts';
import type { Db } from '../../store/database.ts';
import type { UserRow } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { insertUser } from '../users/insert-user.ts';
import type { OidcClaims } from './oidc-client.ts';
import { createSession } from './sessions.ts';
import type { AuthSettings } from './settings.ts';

const NO_ACCOUNT =
  'there is no Cairn account for this sign-in (a verified e-mail of a user an admin has added is needed)';

async function userOfIdentity(trx: Db, claims: OidcClaims): Promise<UserRow | null> {
  const linked = await trx
    .selectFrom('oidc_identities')
    .innerJoin('users', 'users.id', 'oidc_identities.user_id')
    .selectAll('users')
    .where('oidc_identities.issuer', '=', claims.issuer)
    .where('oidc_identities.subject', '=', claims.subject)
    .executeTakeFirst();
  return linked ?? null;
}

/** Finds, links or (auto-create) makes the user; the caller's transaction. */
async function resolveUser(trx: Db, claims: OidcClaims, autoCreate: boolean, at: string): Promise<UserRow> {
  const linked = await userOfIdentity(trx, claims);
  if (linked) return linked;
  // An unverified e-mail proves nothing: linking on it would let whoever typed it take the account.
  if (!claims.email || !claims.emailVerified)
    throw new AppError('unauthorized', NO_ACCOUNT, { reason: 'no_account' });
  let user = await trx.selectFrom('users').selectAll().where('email', '=', claims.email).executeTakeFirst();
  if (!user) {
    if (!autoCreate) throw new AppError('unauthorized', NO_ACCOUNT, { reason: 'no_account' });
    const name = (claims.name?.trim() || claims.email).slice(0, LIMITS.userName);
    const created = await insertUser(
      trx,
      { email: claims.email.slice(0, LIMITS.email), name, role: 'viewer', passwordHash: null },
      null,
      at,
    );
    user = await trx.selectFrom('users').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
  }
  const identityId = newId();
  await trx
    .insertInto('oidc_identities')
    .values({
      id: identityId,
      user_id: user.id,
      issuer: claims.issuer,
      subject: claims.subject,
      created_at: at,
      last_login_at: null,
    })
    .execute();
  await recordEvent(trx, {
    productId: null,
    actorId: user.id,
    at,
    entityType: 'user',
    entityId: user.id,
    action: 'identity_linked',
    changes: { issuer: [null, claims.issuer], subject: [null, claims.subject] },
  });
  return user;
}

export async function signInWithOidc(ctx: {
  db: Db;
  claims: OidcClaims;
  autoCreate: boolean;
  settings: AuthSettings;
  now?: Date;
}): Promise<{ user: User; token: string; expiresAt: string }> {
  const now = ctx.now ?? new Date();
  const at = now.toISOString();
  const user = await withTransaction(ctx.db, async (trx) => {
    const found = await resolveUser(trx, ctx.claims, ctx.autoCreate, at);
    if (found.disabled_at)
      throw new AppError('unauthorized', 'this account is disabled', { reason: 'disabled' });
    await trx
      .updateTable('oidc_identities')
      .set({ last_login_at: at })
      .where('issuer', '=', ctx.claims.issuer)
      .where('subject', '=', ctx.claims.subject)
      .execute();
    return found;
  });
  const session = await createSession(ctx.db, user.id, ctx.settings, now);
  return { user: presentUser(user), ...session };
}
