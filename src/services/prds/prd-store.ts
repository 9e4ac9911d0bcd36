/** Reading PRDs scoped to the caller, and the lookups their presentation needs (names, linked items). */
import { type LinkedItemView, parsePrd, presentPrd } from '../../presenters/prd-present.ts';
import type { Prd } from '../../schemas/prd.ts';
import { chunked } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import type { PrdRow } from '../../store/tables-prds.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { loadVisibleProduct } from '../products/product-access.ts';

/** Ids per `in (…)` list. */
export const IDS_PER_QUERY = 500;

/** A PRD the actor may see (`not_found` otherwise, and for one in the trash unless `live` is false). */
export async function loadPrd(db: Db, actor: Actor, id: string, live = true): Promise<PrdRow> {
  const row = await db.selectFrom('prds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (live && row.deleted_at !== null)) throw notFound('prd');
  await loadVisibleProduct(db, actor, row.product_id).catch(() => {
    throw notFound('prd');
  });
  return row;
}

/** The names of users, by id (at most a few dozen ids: reviewers). */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const chunk of chunked([...new Set(ids)], IDS_PER_QUERY)) {
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', chunk).execute();
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}

/** The items of a product among `ids`, trashed ones included, in the order of `ids`. */
export async function itemsOfProduct(
  db: Db,
  productId: string,
  ids: readonly string[],
): Promise<LinkedItemView[]> {
  const found = new Map<string, LinkedItemView>();
  for (const chunk of chunked([...new Set(ids)], IDS_PER_QUERY)) {
    const rows = await db
      .selectFrom('items')
      .select(['id', 'key', 'title', 'status', 'deleted_at'])
      .where('product_id', '=', productId)
      .where('id', 'in', chunk)
      .execute();
    for (const row of rows) {
      found.set(row.id, {
        id: row.id,
        key: row.key,
        title: row.title,
        status: row.status,
        trashed: row.deleted_at !== null,
      });
    }
  }
  return [...new Set(ids)].flatMap((id) => {
    const item = found.get(id);
    return item ? [item] : [];
  });
}

/** The item ids a PRD's requirements link to. */
export function linkedIds(row: PrdRow): string[] {
  return parsePrd(row).requirements.flatMap((r) => r.itemIds);
}

/** The PRD as the API shows it. */
export async function readPrd(db: Db, row: PrdRow): Promise<Prd> {
  const { reviewers } = parsePrd(row);
  const names = await userNames(
    db,
    reviewers.map((r) => r.userId),
  );
  return presentPrd(row, names, await itemsOfProduct(db, row.product_id, linkedIds(row)));
}
