/** A team's members: only active users may join, and the member list is stored in team_members. */
import type { Db } from '../../store/database.ts';
import { invalidField } from '../errors.ts';

/** Refuses ids that do not name an active user, naming the first such id. */
export async function assertActiveUsers(db: Db, ids: readonly string[], path = 'memberIds'): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...ids])
    .where('disabled_at', 'is', null)
    .execute();
  const active = new Set(rows.map((row) => row.id));
  const missing = ids.find((id) => !active.has(id));
  if (missing !== undefined) throw invalidField(path, `${missing} does not name an active user`);
}

/** Replaces the team's members. */
export async function writeMembers(db: Db, teamId: string, userIds: readonly string[]): Promise<void> {
  await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('team_members')
    .values(userIds.map((userId) => ({ team_id: teamId, user_id: userId })))
    .execute();
}

/** The member ids of each team, sorted (the order members are presented and compared in). */
export async function memberIdsByTeam(db: Db, teamIds: readonly string[]): Promise<Map<string, string[]>> {
  const byTeam = new Map<string, string[]>(teamIds.map((id) => [id, []]));
  if (teamIds.length === 0) return byTeam;
  const rows = await db
    .selectFrom('team_members')
    .select(['team_id', 'user_id'])
    .where('team_id', 'in', [...teamIds])
    .orderBy('user_id')
    .execute();
  for (const row of rows) byTeam.get(row.team_id)?.push(row.user_id);
  return byTeam;
}

/** Member ids in their stored order, so a request's list compares equal to the stored one. */
export function sortedIds(ids: readonly string[]): string[] {
  return [...ids].sort();
}
