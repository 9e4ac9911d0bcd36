/** Looks up active users: the caller itself, or a user by email (for the CLI). */
import { presentUser, type User } from '../../presenters/planning.ts';
import type { Db } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function getCurrentUser(ctx: ServiceContext): Promise<User> {
  const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', ctx.actor.id).executeTakeFirst();
  if (!row) throw notFound('user');
  return presentUser(row);
}

export async function findActiveUserByEmail(db: Db, email: string): Promise<User> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound(`user ${email}`);
  return presentUser(row);
}
