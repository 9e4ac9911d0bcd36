/** An admin adds a user with a role (only an owner can add another owner). */
import type { User } from '../../presenters/planning.ts';
import type { CreateUserInput } from '../../schemas/user.ts';
import { withTransaction } from '../../store/transaction.ts';
import { assertStrongPassword } from '../auth/password-strength.ts';
import { hashPassword } from '../auth/passwords.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { authorize, canGrantRole } from '../policy.ts';
import { insertUser } from './insert-user.ts';

export async function createUser(ctx: ServiceContext & { input: CreateUserInput }): Promise<User> {
  authorize(ctx.actor, 'manage_users');
  if (!canGrantRole(ctx.actor, ctx.input.role)) {
    throw new AppError('forbidden', `a ${ctx.actor.role} may not create an ${ctx.input.role}`);
  }
  const at = timestamp(ctx);
  if (ctx.input.password) await assertStrongPassword(ctx.input.password, ctx.input);
  const passwordHash = ctx.input.password ? await hashPassword(ctx.input.password) : null;
  return withTransaction(ctx.db, async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', ctx.input.email)
      .executeTakeFirst();
    if (taken) {
      throw new AppError('duplicate_key', 'a user with this email exists', {
        issues: [{ path: 'email', message: 'is already used by another user' }],
      });
    }
    const { email, name, role } = ctx.input;
    return insertUser(trx, { email, name, role, passwordHash }, ctx.actor.id, at);
  });
}
