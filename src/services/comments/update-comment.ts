/**
 * Edits a comment's body (its author, or an owner or admin), with If-Match like every versioned object;
 * the edit is recorded as a `comment.updated` event, and members the edit newly mentions are notified.
 */
import type { Comment, CommentInput } from '../../schemas/comment.ts';
import type { CommentRow } from '../../store/tables-comments.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { type CommentMail, mailMentions } from './after-commit.ts';
import { assertMayComment } from './comment-policy.ts';
import { findTarget, lockProduct } from './comment-target.ts';
import { assertMayChange, loadComment } from './load-comment.ts';
import { mentionedIn, notifyOfComment, productAudience, type Recipient } from './notify.ts';
import { readComment } from './present-comment.ts';

export async function updateComment(
  ctx: ServiceContext & {
    id: string;
    input: CommentInput;
    expectedVersion?: number | undefined;
    mail?: CommentMail | undefined;
  },
): Promise<Comment> {
  let mentioned: Recipient[] = [];
  const comment = await updateVersioned<CommentRow, Comment>({
    ...ctx,
    entityType: 'comment',
    load: (db) => loadComment(db, ctx.actor, ctx.id),
    lock: (trx, productId) => lockProduct(trx, productId),
    present: (db, row) => readComment(db, ctx.actor, row, true),
    describe: () => 'the comment',
    change: async (trx, current, at) => {
      assertMayChange(ctx.actor, current);
      await assertMayComment(trx, ctx.actor, current.product_id);
      if (current.deleted_at !== null)
        throw new AppError('in_trash', 'the comment is deleted; restore it first');
      if (current.body === ctx.input.body) return null;
      return {
        action: 'updated',
        changes: { body: [current.body, ctx.input.body] },
        write: (stamp) =>
          trx
            .updateTable('comments')
            .set({ body: ctx.input.body, edited_at: at, ...stamp })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst(),
        after: async (row) => {
          const audience = await productAudience(trx, row.product_id);
          const before = new Set(mentionedIn(current.body, audience));
          const added = mentionedIn(row.body, audience).filter((id) => !before.has(id));
          if (added.length > 0) {
            mentioned = await notifyOfComment(trx, row, { actorId: ctx.actor.id, at, onlyMentions: added });
          }
          return row;
        },
      };
    },
  });
  if (mentioned.length > 0) {
    const target = await findTarget(ctx.db, comment.entityType, comment.entityId);
    if (target) {
      await mailMentions(ctx.db, ctx.mail, { mentioned, actorId: ctx.actor.id, target, body: comment.body });
    }
  }
  return comment;
}
