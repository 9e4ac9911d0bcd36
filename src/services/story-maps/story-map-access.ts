/**
 * Finding a story map the actor may see, its summary as clients see it, and the checks its writes share:
 * a name free among the product's live maps, an initiative of the same product.
 */
import { nameKey } from '../../domain/name-key.ts';
import type { StoryMapSummary } from '../../schemas/story-map.ts';
import type { Db } from '../../store/database.ts';
import type { StoryMapRow } from '../../store/tables.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { assertInProduct } from '../planning/references.ts';
import { loadVisibleProduct } from '../products/product-access.ts';

export function presentStoryMapSummary(row: StoryMapRow): StoryMapSummary {
  return {
    id: row.id,
    productId: row.product_id,
    initiativeId: row.initiative_id,
    name: row.name,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The map if the actor may see its product (not_found otherwise); `live` refuses a trashed one. */
export async function loadStoryMap(
  db: Db,
  ctx: ServiceContext,
  id: string,
  live = true,
): Promise<StoryMapRow> {
  const row = await db.selectFrom('story_maps').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (live && row.deleted_at !== null)) throw notFound('story map');
  await loadVisibleProduct(db, ctx.actor, row.product_id).catch(() => {
    throw notFound('story map');
  });
  return row;
}

export async function assertMapNameFree(db: Db, productId: string, name: string, self?: string) {
  let query = db
    .selectFrom('story_maps')
    .select('id')
    .where('product_id', '=', productId)
    .where('name_key', '=', nameKey(name))
    .where('deleted_at', 'is', null);
  if (self) query = query.where('id', '!=', self);
  if (!(await query.executeTakeFirst())) return;
  const message = 'is already the name of another story map of this product';
  throw new AppError('duplicate_name', `story map "${name}" ${message}`, {
    issues: [{ path: 'name', message }],
  });
}

export async function assertInitiative(db: Db, productId: string, initiativeId: string | null | undefined) {
  if (initiativeId) await assertInProduct(db, 'initiatives', initiativeId, productId, 'initiativeId');
}
