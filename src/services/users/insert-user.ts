/** Writes a new user row and its `created` event (the caller holds the transaction and has checked input). */
import { presentUser, type User } from '../../presenters/planning.ts';
import type { Role } from '../../schemas/user.ts';
import type { Db } from '../../store/database.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';

export async function insertUser(
  trx: Db,
  user: { email: string; name: string; role: Role; passwordHash: string | null },
  /** Who created the user; null: the user created themself (first-run setup). */
  actorId: string | null,
  at: string,
): Promise<User> {
  const row = {
    id: newId(),
    email: user.email,
    name: user.name,
    role: user.role,
    password_hash: user.passwordHash,
    created_at: at,
    updated_at: at,
    disabled_at: null,
  };
  await trx.insertInto('users').values(row).execute();
  await recordEvent(trx, {
    productId: null,
    actorId: actorId ?? row.id,
    at,
    entityType: 'user',
    entityId: row.id,
    action: 'created',
    changes: { email: [null, row.email], name: [null, row.name], role: [null, row.role] },
  });
  return presentUser(row);
}
