/** A comment by id, scoped to the caller: one of a product they may not see is `not_found`. */
import type { Db } from '../../store/database.ts';
import type { CommentRow } from '../../store/tables-comments.ts';
import type { Actor } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { isVisible } from '../products/product-access.ts';
import { mayChange } from './comment-policy.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadComment(db: Db, actor: Actor, id: string): Promise<CommentRow> {
  if (!UUID.test(id)) throw notFound('comment');
  const row = await db
    .selectFrom('comments')
    .selectAll()
    .where('id', '=', id.toLowerCase())
    .executeTakeFirst();
  if (!row || !(await isVisible(db, actor, row.product_id))) throw notFound('comment');
  return row;
}

/** Throws `forbidden` unless `actor` wrote the comment or moderates (owners, admins). */
export function assertMayChange(actor: Actor, row: CommentRow): void {
  if (!mayChange(actor, row)) {
    throw new AppError('forbidden', 'only its author, an owner or an admin may change a comment');
  }
}
