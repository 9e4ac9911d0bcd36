/** The workspace's active users, by name. */
import { presentUser, type User } from '../../presenters/planning.ts';
import type { ServiceContext } from '../context.ts';

export async function listUsers(ctx: ServiceContext): Promise<User[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map(presentUser);
}
