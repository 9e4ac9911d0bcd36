/** Item keys (CAI-42) by id, for messages that name items the way people do. */
import type { Db } from '../../store/database.ts';

export async function keysOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('items')
    .select(['id', 'key'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.key]));
}
