/** Finds a release, scoped to the products the actor can see, and reads it with the counts of its items. */
import { sql } from 'kysely';
import { NO_ITEMS, presentRelease, type ReleaseCounts } from '../../presenters/release.ts';
import type { Release } from '../../schemas/release.ts';
import type { Db } from '../../store/database.ts';
import type { ReleaseRow } from '../../store/tables.ts';
import type { Actor } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { isVisible } from '../products/product-access.ts';

export async function loadRelease(db: Db, actor: Actor, id: string): Promise<ReleaseRow> {
  const row = await db.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !(await isVisible(db, actor, row.product_id))) throw notFound('release');
  return row;
}

/** Like loadRelease, for a change: a release in the trash is not changed. */
export async function loadLiveRelease(db: Db, actor: Actor, id: string): Promise<ReleaseRow> {
  const row = await loadRelease(db, actor, id);
  if (row.deleted_at) throw new AppError('in_trash', `release ${row.name} is in the trash`);
  return row;
}

/** Item counts per release, in one query. Won't-do items are out of scope and count in neither figure. */
export async function countReleaseItems(db: Db, releaseIds: string[]): Promise<Map<string, ReleaseCounts>> {
  const counts = new Map<string, ReleaseCounts>();
  if (releaseIds.length === 0) return counts;
  const rows = await db
    .selectFrom('items')
    .select([
      'release_id',
      sql<number | string>`count(*)`.as('items'),
      sql<number | string>`sum(case when status = 'done' then 1 else 0 end)`.as('done'),
    ])
    .where('release_id', 'in', releaseIds)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'wont_do')
    .groupBy('release_id')
    .execute();
  // PostgreSQL returns count and sum as strings (bigint, numeric).
  for (const row of rows) {
    if (row.release_id)
      counts.set(row.release_id, { itemCount: Number(row.items), doneCount: Number(row.done) });
  }
  return counts;
}

/** The release as the API shows it. */
export async function presentWithCounts(db: Db, row: ReleaseRow): Promise<Release> {
  const counts = await countReleaseItems(db, [row.id]);
  return presentRelease(row, counts.get(row.id) ?? NO_ITEMS);
}
