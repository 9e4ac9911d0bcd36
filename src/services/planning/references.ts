/** Checks that an id named in input refers to a live object of the same product (a validation error if not). */
import type { Db } from '../../store/database.ts';
import { reusableQuery } from '../../store/reusable-query.ts';
import { invalidField } from '../errors.ts';

type ScopedTable = 'objectives' | 'themes' | 'initiatives' | 'teams' | 'releases';

/** The lookup of a live object of one table within a product, compiled once per table (item writes run it). */
const liveInProduct = (table: ScopedTable) =>
  reusableQuery((db, id: string, productId: string) =>
    db
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where('product_id', '=', productId)
      .where('deleted_at', 'is', null),
  );
const LOOKUPS = new Map<ScopedTable, ReturnType<typeof liveInProduct>>();

export async function assertInProduct(
  db: Db,
  table: ScopedTable,
  id: string,
  productId: string,
  path: string,
): Promise<void> {
  let lookup = LOOKUPS.get(table);
  if (!lookup) {
    lookup = liveInProduct(table);
    LOOKUPS.set(table, lookup);
  }
  const [row] = await lookup(db, id, productId);
  if (!row) {
    const noun = table.slice(0, -1);
    throw invalidField(path, `does not name ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} of this product`);
  }
}

export async function assertActiveUser(db: Db, id: string, path: string): Promise<void> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw invalidField(path, 'does not name an active user');
}
