/** Finds a sprint by id, scoped to the products the actor can see. */
import type { Db } from '../../store/database.ts';
import type { SprintRow } from '../../store/tables.ts';
import type { Actor } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { isVisible } from '../products/product-access.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadSprint(db: Db, actor: Actor, id: string): Promise<SprintRow> {
  if (!UUID.test(id)) throw notFound('sprint');
  const row = await db
    .selectFrom('sprints')
    .selectAll()
    .where('id', '=', id.toLowerCase())
    .executeTakeFirst();
  if (!row || !(await isVisible(db, actor, row.product_id))) throw notFound('sprint');
  return row;
}

/** Like loadSprint, for a change: a trashed sprint is not edited. */
export async function loadLiveSprint(db: Db, actor: Actor, id: string): Promise<SprintRow> {
  const row = await loadSprint(db, actor, id);
  if (row.deleted_at) throw new AppError('in_trash', `sprint "${row.name}" is in the trash`);
  return row;
}
