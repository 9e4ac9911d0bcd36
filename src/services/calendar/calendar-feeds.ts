/**
 * A user's calendar feed address: a secret URL (the secret is the credential, so only its hash is
 * stored and the URL is shown once). Making a new one revokes the old one (rotation); revoking leaves none.
 */
import type { Db } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { type Actor, type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';

/** Whether the actor has a live feed address, and since when. */
export async function getCalendarFeed(
  ctx: ServiceContext,
): Promise<{ active: boolean; createdAt: string | null }> {
  const row = await ctx.db
    .selectFrom('calendar_feeds')
    .select('created_at')
    .where('user_id', '=', ctx.actor.id)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return { active: row !== undefined, createdAt: row?.created_at ?? null };
}

/** Revokes the actor's live feed addresses inside `trx`; true if there was one. */
async function revokeLive(trx: Db, actor: Actor, at: string): Promise<boolean> {
  const revoked = await trx
    .updateTable('calendar_feeds')
    .set({ revoked_at: at })
    .where('user_id', '=', actor.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(revoked.numUpdatedRows) > 0;
}

/** A new feed secret for the actor (the previous address stops working); the secret is returned once. */
export async function createCalendarFeed(
  ctx: ServiceContext,
): Promise<{ secret: string; createdAt: string }> {
  const at = timestamp(ctx);
  const secret = newSecret('cal');
  const id = newId();
  await withTransaction(ctx.db, async (trx) => {
    const rotated = await revokeLive(trx, ctx.actor, at);
    await trx
      .insertInto('calendar_feeds')
      .values({ id, user_id: ctx.actor.id, token_hash: hashSecret(secret), created_at: at, revoked_at: null })
      .execute();
    await recordEvent(trx, {
      productId: null,
      actorId: ctx.actor.id,
      at,
      entityType: 'token',
      entityId: id,
      action: rotated ? 'calendar_feed_rotated' : 'calendar_feed_created',
      changes: { kind: [null, 'calendar_feed'] },
    });
  });
  return { secret, createdAt: at };
}

/** Revokes the actor's feed address; the URL answers 404 from then on. Nothing to revoke is not an error. */
export async function revokeCalendarFeed(ctx: ServiceContext): Promise<void> {
  const at = timestamp(ctx);
  await withTransaction(ctx.db, async (trx) => {
    if (!(await revokeLive(trx, ctx.actor, at))) return;
    await recordEvent(trx, {
      productId: null,
      actorId: ctx.actor.id,
      at,
      entityType: 'token',
      entityId: ctx.actor.id,
      action: 'calendar_feed_revoked',
      changes: { revokedAt: [null, at] },
    });
  });
}

/** The user a feed secret belongs to, as an actor; null for an unknown or revoked secret or a disabled user. */
export async function resolveCalendarFeed(db: Db, secret: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select(['users.id', 'users.role', 'users.disabled_at', 'calendar_feeds.revoked_at'])
    .where('calendar_feeds.token_hash', '=', hashSecret(secret))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.disabled_at !== null) return null;
  return { id: row.id, role: row.role };
}
