/**
 * What a comment is attached to: an item (by id or key), an initiative or a PRD, scoped to the caller.
 * An object the caller may not see is `not_found`, as everywhere.
 */
import type { CommentEntityType } from '../../schemas/comment.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { parseItemRef } from '../items/load-item.ts';
import { isVisible } from '../products/product-access.ts';

export interface CommentTarget {
  productId: string;
  entityType: CommentEntityType;
  entityId: string;
  /** How a person names it: "CAI-42 Fix login", an initiative's or PRD's title. */
  label: string;
  /** An item's key (CAI-42); null for initiatives and PRDs. */
  itemKey: string | null;
  trashed: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The object, if it exists and `actor` may see its product. */
export async function loadCommentTarget(
  db: Db,
  actor: Actor,
  entityType: CommentEntityType,
  ref: string,
): Promise<CommentTarget> {
  const target = await findTarget(db, entityType, ref);
  if (!target || !(await isVisible(db, actor, target.productId))) throw notFound(entityType);
  return target;
}

/** The object by its type and id, unscoped (for presenting notifications of products already checked). */
export async function findTarget(
  db: Db,
  entityType: CommentEntityType,
  ref: string,
): Promise<CommentTarget | null> {
  if (entityType === 'item') {
    const parsed = parseItemRef(ref);
    if (!parsed) return null;
    const row = await db
      .selectFrom('items')
      .select(['id', 'product_id', 'key', 'title', 'deleted_at'])
      .where(parsed.column, '=', parsed.value)
      .executeTakeFirst();
    return row ? { ...target(row, 'item', `${row.key} ${row.title}`), itemKey: row.key } : null;
  }
  // Not a UUID names nothing (and must not reach PostgreSQL's uuid-free text comparison with a NUL).
  if (!UUID.test(ref)) return null;
  const table = entityType === 'initiative' ? 'initiatives' : 'prds';
  const row = await db
    .selectFrom(table)
    .select(['id', 'product_id', 'title', 'deleted_at'])
    .where('id', '=', ref.toLowerCase())
    .executeTakeFirst();
  return row ? target(row, entityType, row.title) : null;
}

function target(
  row: { id: string; product_id: string; deleted_at: string | null },
  entityType: CommentEntityType,
  label: string,
): CommentTarget {
  return {
    productId: row.product_id,
    entityType,
    entityId: row.id,
    label,
    itemKey: null,
    trashed: row.deleted_at !== null,
  };
}

/**
 * Takes the product's write lock (PostgreSQL; SQLite has one writer) so that a product's events are
 * committed in id order. The policy is the caller's: commenting is not the planning `write` permission.
 */
export async function lockProduct(trx: Db, productId: string): Promise<void> {
  let query = trx.selectFrom('products').select('id').where('id', '=', productId);
  if (dialectOf(trx) === 'postgres') query = query.forUpdate();
  await query.executeTakeFirst();
}
