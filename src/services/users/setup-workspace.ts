/** First run: creates the workspace and its owner, exactly once (the workspace row's key guards it). */
import type { User } from '../../presenters/planning.ts';
import type { Db } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { assertStrongPassword } from '../auth/password-strength.ts';
import { hashPassword } from '../auth/passwords.ts';
import { AppError } from '../errors.ts';
import { insertUser } from './insert-user.ts';

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
  await assertStrongPassword(ctx.input.password, ctx.input);
  const at = ctx.now ?? new Date().toISOString();
  const passwordHash = await hashPassword(ctx.input.password);
  const user = await withTransaction(ctx.db, async (trx) => {
    await trx.insertInto('workspace').values({ id: 'default', name: 'Cairn', created_at: at }).execute();
    const { email, name } = ctx.input;
    return insertUser(trx, { email, name, role: 'owner', passwordHash }, null, at);
  }).catch(async (error: unknown) => {
    // A concurrent setup won the race for the workspace row.
    if (await isSetUp(ctx.db)) throw already();
    throw error;
  });
  return user;
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
