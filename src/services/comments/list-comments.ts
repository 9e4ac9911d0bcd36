/**
 * The comments on an object, oldest first (the live ones; or, with `trashed`, the deleted ones the caller
 * may restore), with whether the caller watches it and may comment. Comments of a trashed object stay.
 */
import type { CommentEntityType, CommentList } from '../../schemas/comment.ts';
import { COMMENT_LIMITS } from '../../schemas/comment-limits.ts';
import type { ServiceContext } from '../context.ts';
import { mayComment, moderates } from './comment-policy.ts';
import { loadCommentTarget } from './comment-target.ts';
import { namesOf, presentComment } from './present-comment.ts';

export async function listComments(
  ctx: ServiceContext & { entityType: CommentEntityType; ref: string; trashed?: boolean },
): Promise<CommentList> {
  const target = await loadCommentTarget(ctx.db, ctx.actor, ctx.entityType, ctx.ref);
  let query = ctx.db
    .selectFrom('comments')
    .selectAll()
    .where('entity_type', '=', target.entityType)
    .where('entity_id', '=', target.entityId)
    .where('deleted_at', ctx.trashed ? 'is not' : 'is', null);
  if (ctx.trashed && !moderates(ctx.actor)) query = query.where('author_id', '=', ctx.actor.id);
  const rows = await query
    .orderBy('created_at')
    .orderBy('id')
    .limit(COMMENT_LIMITS.commentsPerPage)
    .execute();
  const [total, watching, names, canComment] = await Promise.all([
    ctx.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '=', target.entityType)
      .where('entity_id', '=', target.entityId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('watchers')
      .select('user_id')
      .where('entity_type', '=', target.entityType)
      .where('entity_id', '=', target.entityId)
      .where('user_id', '=', ctx.actor.id)
      .executeTakeFirst(),
    namesOf(
      ctx.db,
      rows.map((row) => row.author_id),
    ),
    mayComment(ctx.db, ctx.actor, target.productId),
  ]);
  return {
    comments: rows.map((row) => presentComment(row, names, ctx.actor, canComment)),
    total: Number(total.n),
    watching: watching !== undefined,
    canComment,
  };
}
