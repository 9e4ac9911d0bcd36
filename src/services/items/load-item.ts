/** Finds an item by id or key (CAI-42), scoped to the products the actor can see. */
import { batchedLookup } from '../../store/batched-lookup.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import { reusableQuery } from '../../store/reusable-query.ts';
import type { ItemRow } from '../../store/tables.ts';
import type { Actor } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { isVisible } from '../products/product-access.ts';

const KEY = /^[A-Z]{2,10}-[1-9]\d{0,9}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The column an item reference names: `key` for CAI-42, `id` for a UUID (lower-cased); null for neither. */
export function parseItemRef(idOrKey: string): { column: 'id' | 'key'; value: string } | null {
  if (KEY.test(idOrKey)) return { column: 'key', value: idOrKey };
  if (UUID.test(idOrKey)) return { column: 'id', value: idOrKey.toLowerCase() };
  return null;
}

/**
 * Reads of items by `column`, compiled once: every read and write of one item starts here. Concurrent
 * reads outside a transaction share statements on PostgreSQL (batched-lookup.ts).
 */
function itemsBy(column: 'id' | 'key') {
  return batchedLookup(
    reusableQuery((db, value: string) => db.selectFrom('items').selectAll().where(column, '=', value)),
    reusableQuery((db, values: readonly string[]) =>
      db
        .selectFrom('items')
        .selectAll()
        .where(column, '=', (eb) => eb.fn<string>('any', [eb.val(values)])),
    ),
    (row) => row[column],
  );
}
const itemByKey = itemsBy('key');
const itemById = itemsBy('id');

/**
 * The statement reading the item whose `column` is `value` with its product's row locked (PostgreSQL;
 * SQLite has one writer and no row locks); a caller may select more with it (a move, its placement).
 */
export function lockedItemQuery(db: Db, column: 'id' | 'key', value: string) {
  const query = db
    .selectFrom('items')
    .innerJoin('products', 'products.id', 'items.product_id')
    .selectAll('items')
    .where(`items.${column}`, '=', value);
  return dialectOf(db) === 'postgres' ? query.forUpdate('products') : query;
}

const lockedItemByKey = reusableQuery((db, key: string) => lockedItemQuery(db, 'key', key));
const lockedItemById = reusableQuery((db, id: string) => lockedItemQuery(db, 'id', id));

export async function loadItem(db: Db, actor: Actor, idOrKey: string): Promise<ItemRow> {
  const ref = parseItemRef(idOrKey);
  if (!ref) throw notFound('item');
  const [row] = await (ref.column === 'key' ? itemByKey : itemById)(db, ref.value);
  if (!row || !(await isVisible(db, actor, row.product_id))) throw notFound('item');
  return row;
}

/** Like loadItem, for a change: a trashed item must be restored before it is edited. */
export async function loadLiveItem(db: Db, actor: Actor, idOrKey: string): Promise<ItemRow> {
  return live(await loadItem(db, actor, idOrKey));
}

/** The row, unless it is in the trash (`in_trash`: a trashed item must be restored before it is edited). */
export function live<Row extends ItemRow>(row: Row): Row {
  if (row.deleted_at) throw new AppError('in_trash', `${row.key} is in the trash; restore it first`);
  return row;
}

/**
 * Takes the write lock of the product of the item `idOrKey` names and reads the item, in one statement
 * (lockProductForWrite's lock, found from the item), scoped as loadItem scopes it. On PostgreSQL a row read
 * by a statement that waited for the lock may predate the writer it waited for; callers write with a
 * version check (updateVersioned), which catches that, and read again.
 */
export async function lockItem(trx: Db, actor: Actor, idOrKey: string): Promise<ItemRow> {
  const ref = parseItemRef(idOrKey);
  if (!ref) throw notFound('item');
  const [row] = await (ref.column === 'key' ? lockedItemByKey : lockedItemById)(trx, ref.value);
  if (!row || !(await isVisible(trx, actor, row.product_id))) throw notFound('item');
  return row;
}

/** Like lockItem, for a change: a trashed item must be restored before it is edited. */
export async function lockLiveItem(trx: Db, actor: Actor, idOrKey: string): Promise<ItemRow> {
  return live(await lockItem(trx, actor, idOrKey));
}
