/** The actor for commands run from the shell: whoever can run them owns the install. */

import type { Db } from '../../store/database.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';

export async function firstOwner(db: Db): Promise<Actor> {
  const owner = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('role', '=', 'owner')
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!owner)
    throw new AppError('not_found', 'no owner yet: run `cairn users add` or POST /api/v1/setup first');
  return owner;
}
