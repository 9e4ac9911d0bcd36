/** Finds a team by id, scoped to the products the actor can see, and presents it with its members. */
import { presentTeam, type Team } from '../../presenters/sprint.ts';
import type { Db } from '../../store/database.ts';
import type { TeamRow } from '../../store/tables.ts';
import type { Actor } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { isVisible } from '../products/product-access.ts';
import { memberIdsByTeam } from './team-members.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadTeam(db: Db, actor: Actor, id: string): Promise<TeamRow> {
  if (!UUID.test(id)) throw notFound('team');
  const row = await db.selectFrom('teams').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst();
  if (!row || !(await isVisible(db, actor, row.product_id))) throw notFound('team');
  return row;
}

/** Like loadTeam, for a change: a trashed team is not edited. */
export async function loadLiveTeam(db: Db, actor: Actor, id: string): Promise<TeamRow> {
  const row = await loadTeam(db, actor, id);
  if (row.deleted_at) throw new AppError('in_trash', `team "${row.name}" is in the trash`);
  return row;
}

export async function presentTeamRow(db: Db, row: TeamRow): Promise<Team> {
  const members = await memberIdsByTeam(db, [row.id]);
  return presentTeam(row, members.get(row.id) ?? []);
}
