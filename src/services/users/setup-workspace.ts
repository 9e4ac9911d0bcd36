/** First run: creates the workspace and its owner, exactly once (the workspace row's key guards it). */

import { presentUser, type User } from '../../presenters/planning.ts';
import type { Db } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { hashPassword } from '../auth/passwords.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';

export interface SetupInput {
  email: string;
  name: string;
  password: string;
}

export async function isSetUp(db: Db): Promise<boolean> {
  return (await db.selectFrom('workspace').select('id').executeTakeFirst()) !== undefined;
}

/** Creates the workspace and its owner, without an API token (the demo loader signs in by password). */
export async function createOwner(ctx: { db: Db; input: SetupInput; now?: string }): Promise<User> {
  const already = () => new AppError('already_set_up', 'Cairn is already set up; log in instead');
  if (await isSetUp(ctx.db)) throw already();
  const at = ctx.now ?? new Date().toISOString();
  const passwordHash = await hashPassword(ctx.input.password);
  const user = await withTransaction(ctx.db, async (trx) => {
    await trx.insertInto('workspace').values({ id: 'default', name: 'Cairn', created_at: at }).execute();
    const row = {
      id: newId(),
      email: ctx.input.email,
      name: ctx.input.name,
      role: 'owner' as const,
      password_hash: passwordHash,
      created_at: at,
      updated_at: at,
      disabled_at: null,
    };
    await trx.insertInto('users').values(row).execute();
    await recordEvent(trx, {
      productId: null,
      actorId: row.id,
      at,
      entityType: 'user',
      entityId: row.id,
      action: 'created',
      changes: { email: [null, row.email], name: [null, row.name], role: [null, row.role] },
    });
    return row;
  }).catch(async (error: unknown) => {
    // A concurrent setup won the race for the workspace row.
    if (await isSetUp(ctx.db)) throw already();
    throw error;
  });
  return presentUser(user);
}

/** First run over the API: the owner plus an API token, shown once. */
export async function setupWorkspace(ctx: {
  db: Db;
  input: SetupInput;
  now?: string;
}): Promise<{ user: User; token: string }> {
  const user = await createOwner(ctx);
  const at = user.createdAt;
  const { token } = await createApiToken({
    db: ctx.db,
    actor: { id: user.id, role: user.role },
    input: { name: 'setup' },
    now: at,
  });
  return { user, token };
}
