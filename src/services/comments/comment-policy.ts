/**
 * Who may comment: owners, admins and editors who can see the product; viewers only when the product's
 * `viewersMayComment` setting is on. A comment's author may edit and delete it; owners and admins every comment.
 */
import type { Db } from '../../store/database.ts';
import type { CommentRow } from '../../store/tables-comments.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { can } from '../policy.ts';

/** Whether the product lets its viewers comment (off when it has no settings row). */
export async function viewersMayComment(db: Db, productId: string): Promise<boolean> {
  const row = await db
    .selectFrom('comment_settings')
    .select('viewers_may_comment')
    .where('product_id', '=', productId)
    .executeTakeFirst();
  return row?.viewers_may_comment === 1;
}

/** Whether `actor` (who can see the product) may write comments in it. */
export async function mayComment(db: Db, actor: Actor, productId: string): Promise<boolean> {
  return can(actor, 'write') || (actor.role === 'viewer' && (await viewersMayComment(db, productId)));
}

/** Throws `forbidden` unless `actor` may write comments in the product. */
export async function assertMayComment(db: Db, actor: Actor, productId: string): Promise<void> {
  if (!(await mayComment(db, actor, productId))) {
    throw new AppError('forbidden', "a viewer may not comment unless the product's viewersMayComment is on");
  }
}

/** Owners and admins moderate every comment. */
export function moderates(actor: Actor): boolean {
  return can(actor, 'manage_product');
}

/** Whether `actor` may edit or delete the comment (its author, or a moderator). */
export function mayChange(actor: Actor, row: Pick<CommentRow, 'author_id'>): boolean {
  return moderates(actor) || (row.author_id !== null && row.author_id === actor.id);
}
