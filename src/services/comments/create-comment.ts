/**
 * Writes a comment on an item, initiative or PRD: its author starts watching the object, the members it
 * mentions and the object's watchers are notified, and the `comment.created` event (which wakes live
 * readers of the product) is recorded — one transaction. Mention e-mails follow the commit.
 */
import { creationChanges } from '../../domain/changes.ts';
import type { Comment, CommentEntityType, CommentInput } from '../../schemas/comment.ts';
import { COMMENT_LIMITS } from '../../schemas/comment-limits.ts';
import type { CommentRow } from '../../store/tables-comments.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { type CommentMail, mailMentions } from './after-commit.ts';
import { assertMayComment } from './comment-policy.ts';
import { loadCommentTarget, lockProduct } from './comment-target.ts';
import { addWatcher, notifyOfComment } from './notify.ts';
import { readComment } from './present-comment.ts';

export async function createComment(
  ctx: ServiceContext & {
    entityType: CommentEntityType;
    /** The object's id (or an item's key). */
    ref: string;
    input: CommentInput;
    mail?: CommentMail | undefined;
  },
): Promise<Comment> {
  const at = timestamp(ctx);
  const outcome = await withTransaction(ctx.db, async (trx) => {
    const target = await loadCommentTarget(trx, ctx.actor, ctx.entityType, ctx.ref);
    await lockProduct(trx, target.productId);
    await assertMayComment(trx, ctx.actor, target.productId);
    if (target.trashed) {
      throw new AppError('in_trash', `${target.label} is in the trash; restore it before commenting`);
    }
    const count = await trx
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '=', target.entityType)
      .where('entity_id', '=', target.entityId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= COMMENT_LIMITS.commentsPerObject) {
      throw new AppError(
        'invalid_state',
        `${target.label} holds ${COMMENT_LIMITS.commentsPerObject} comments, the most one object may hold`,
      );
    }
    const row: CommentRow = {
      id: newId(),
      product_id: target.productId,
      entity_type: target.entityType,
      entity_id: target.entityId,
      author_id: ctx.actor.id,
      author_name: null,
      body: ctx.input.body,
      version: 1,
      created_at: at,
      updated_at: at,
      edited_at: null,
      deleted_at: null,
    };
    await trx.insertInto('comments').values(row).execute();
    await recordEvent(trx, {
      productId: target.productId,
      actorId: ctx.actor.id,
      at,
      entityType: 'comment',
      entityId: row.id,
      action: 'created',
      changes: creationChanges({ entityType: row.entity_type, entityId: row.entity_id, body: row.body }),
    });
    // Notified before the author is added: an author never hears of their own comment.
    const mentioned = await notifyOfComment(trx, row, { actorId: ctx.actor.id, at });
    await addWatcher(trx, {
      userId: ctx.actor.id,
      entityType: row.entity_type,
      entityId: row.entity_id,
      productId: row.product_id,
      at,
    });
    return { row, target, mentioned, comment: await readComment(trx, ctx.actor, row, true) };
  });
  await mailMentions(ctx.db, ctx.mail, {
    mentioned: outcome.mentioned,
    actorId: ctx.actor.id,
    target: outcome.target,
    body: outcome.row.body,
  });
  return outcome.comment;
}
