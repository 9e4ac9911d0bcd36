/**
 * The team a chart is filtered by: a team of the product (a trashed one too: its history stays readable),
 * or null when none is given.
 */
import type { Db } from '../../store/database.ts';
import { invalidField } from '../errors.ts';

export async function resolveTeam(
  db: Db,
  productId: string,
  teamId: string | undefined,
): Promise<string | null> {
  if (teamId === undefined) return null;
  const team = await db
    .selectFrom('teams')
    .select('id')
    .where('id', '=', teamId)
    .where('product_id', '=', productId)
    .executeTakeFirst();
  if (!team) throw invalidField('teamId', 'does not name a team of this product');
  return team.id;
}
