/**
 * Scoping: every lookup of a product goes through here, so a caller never reaches a product (or anything
 * in it) that it may not see. Owners and admins see every product; editors and viewers see the products
 * they are members of. An invisible product answers `not_found`, never `forbidden`: ids are not confirmed.
 */
import type { Db } from '../../store/database.ts';
import { dialectOf } from '../../store/database.ts';
import type { ProductRow } from '../../store/tables.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { authorize, can } from '../policy.ts';

/** The product if `actor` may see it; `not_found` otherwise. */
/** A product the actor may see, by id — or by key (`CHK`), for routes that take either. */
export async function loadVisibleProduct(db: Db, actor: Actor, productRef: string): Promise<ProductRow> {
  const byKey = PRODUCT_KEY.test(productRef);
  // A reference that is neither a key nor an id names no product. It must not reach the query: PostgreSQL
  // refuses a NUL in a text parameter with an error (a 500), where SQLite just finds nothing.
  if (!byKey && !UUID.test(productRef)) throw notFound('product');
  const product = await db
    .selectFrom('products')
    .selectAll()
    .where(byKey ? 'key' : 'id', '=', productRef)
    .executeTakeFirst();
  if (!product || !(await isVisible(db, actor, product.id))) throw notFound('product');
  return product;
}

/** Product keys are 2–10 capital letters; ids are UUIDs (never all capitals), so the two cannot be confused. */
const PRODUCT_KEY = /^[A-Z]{2,10}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an API token's product list (if it has one) includes the product. */
export function withinTokenProducts(actor: Actor, productId: string): boolean {
  return !actor.productIds || actor.productIds.includes(productId);
}

export async function isVisible(db: Db, actor: Actor, productId: string): Promise<boolean> {
  // A product-restricted token sees only its products, whatever its user's role or memberships.
  if (!withinTokenProducts(actor, productId)) return false;
  if (can(actor, 'see_all_products')) return true;
  const member = await db
    .selectFrom('product_members')
    .select('user_id')
    .where('product_id', '=', productId)
    .where('user_id', '=', actor.id)
    .executeTakeFirst();
  return member !== undefined;
}

/**
 * A test of which products `actor` may see, from one query: for redacting objects of other products that
 * something visible links to (a dependency, a blocker, an event).
 */
export async function productVisibility(db: Db, actor: Actor): Promise<(productId: string) => boolean> {
  if (can(actor, 'see_all_products')) return (productId) => withinTokenProducts(actor, productId);
  const rows = await db
    .selectFrom('product_members')
    .select('product_id')
    .where('user_id', '=', actor.id)
    .execute();
  const visible = new Set(rows.map((row) => row.product_id));
  return (productId) => visible.has(productId) && withinTokenProducts(actor, productId);
}

/**
 * Checks that `actor` may write to the product and takes the product's write lock for the rest of the
 * transaction. On PostgreSQL the row lock serialises writers of one product across servers, so rank keys
 * never collide and event ids within a product are committed in order (readers of `events?after=` never
 * miss one). SQLite has a single writer already.
 */
export async function lockProductForWrite(trx: Db, actor: Actor, productId: string): Promise<ProductRow> {
  authorize(actor, 'write');
  let query = trx.selectFrom('products').selectAll().where('id', '=', productId);
  if (dialectOf(trx) === 'postgres') query = query.forUpdate();
  const product = await query.executeTakeFirst();
  if (!product || !(await isVisible(trx, actor, product.id))) throw notFound('product');
  return product;
}

/**
 * Takes the write lock of the product of the item `ref` names (lockProductForWrite's lock, found from the
 * item in the same statement). Scoping and the write policy are the caller's (updateVersioned): it reads
 * the item under the lock with loadItem, which answers `not_found` for an item the actor may not see.
 */
export async function lockProductOfItem(
  trx: Db,
  ref: { column: 'id' | 'key'; value: string },
): Promise<void> {
  let query = trx
    .selectFrom('products')
    .select('id')
    .where('id', '=', (eb) => eb.selectFrom('items').select('product_id').where(ref.column, '=', ref.value));
  if (dialectOf(trx) === 'postgres') query = query.forUpdate();
  await query.executeTakeFirst();
}
