/**
 * Deletes a comment (it moves to the trash: its author, owners and admins can restore it) or restores
 * it; both are recorded as events. Notifications of it stay, showing no excerpt while it is deleted.
 */
import type { Comment } from '../../schemas/comment.ts';
import type { CommentRow } from '../../store/tables-comments.ts';
import type { ServiceContext } from '../context.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { mayComment } from './comment-policy.ts';
import { lockProduct } from './comment-target.ts';
import { assertMayChange, loadComment } from './load-comment.ts';
import { readComment } from './present-comment.ts';

export async function setCommentTrashed(
  ctx: ServiceContext & { id: string; trashed: boolean; expectedVersion?: number | undefined },
): Promise<Comment> {
  return updateVersioned<CommentRow, Comment>({
    ...ctx,
    entityType: 'comment',
    load: (db) => loadComment(db, ctx.actor, ctx.id),
    lock: (trx, productId) => lockProduct(trx, productId),
    present: async (db, row) =>
      readComment(db, ctx.actor, row, await mayComment(db, ctx.actor, row.product_id)),
    describe: () => 'the comment',
    change: async (trx, current, at) => {
      assertMayChange(ctx.actor, current);
      if ((current.deleted_at !== null) === ctx.trashed) return null;
      const deletedAt = ctx.trashed ? at : null;
      return {
        action: ctx.trashed ? 'deleted' : 'restored',
        changes: { deletedAt: [current.deleted_at, deletedAt] },
        write: (stamp) =>
          trx
            .updateTable('comments')
            .set({ deleted_at: deletedAt, ...stamp })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst(),
      };
    },
  });
}
