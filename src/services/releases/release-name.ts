/**
 * A release's name is unique among its product's live releases, compared without regard to case. Compared
 * here rather than with SQL lower(), which SQLite applies to ASCII letters only: both databases agree.
 */
import type { Db } from '../../store/database.ts';
import { AppError } from '../errors.ts';

/** Throws `duplicate_key` naming the `name` field when another live release of the product has it. */
export async function assertReleaseNameFree(
  db: Db,
  productId: string,
  name: string,
  exceptId: string | null = null,
): Promise<void> {
  const releases = await db
    .selectFrom('releases')
    .select(['id', 'name'])
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .execute();
  const wanted = name.toLocaleLowerCase('en');
  if (releases.some((r) => r.id !== exceptId && r.name.toLocaleLowerCase('en') === wanted)) {
    const message = 'is already the name of another release of this product';
    throw new AppError('duplicate_key', `name "${name}" ${message}`, { issues: [{ path: 'name', message }] });
  }
}
