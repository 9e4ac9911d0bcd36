/** An admin adds a user with a role (only an owner can add another owner). */

import { presentUser, type User } from '../../presenters/planning.ts';
import type { CreateUserInput } from '../../schemas/user.ts';
import { withTransaction } from '../../store/transaction.ts';
import { hashPassword } from '../auth/passwords.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { authorize, canGrantRole } from '../policy.ts';

export async function createUser(ctx: ServiceContext & { input: CreateUserInput }): Promise<User> {
  authorize(ctx.actor, 'manage_users');
  if (!canGrantRole(ctx.actor, ctx.input.role)) {
    throw new AppError('forbidden', `a ${ctx.actor.role} may not create an ${ctx.input.role}`);
  }
  const at = timestamp(ctx);
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
    const row = {
      id: newId(),
      email: ctx.input.email,
      name: ctx.input.name,
      role: ctx.input.role,
      password_hash: passwordHash,
      created_at: at,
      updated_at: at,
      disabled_at: null,
    };
    await trx.insertInto('users').values(row).execute();
    await recordEvent(trx, {
      productId: null,
      actorId: ctx.actor.id,
      at,
      entityType: 'user',
      entityId: row.id,
      action: 'created',
      changes: { email: [null, row.email], name: [null, row.name], role: [null, row.role] },
    });
    return presentUser(row);
  });
}
