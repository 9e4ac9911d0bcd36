/** Starts or stops watching an object: a watcher is notified of every new comment on it but their own. */
import type { CommentEntityType } from '../../schemas/comment.ts';
import type { ServiceContext } from '../context.ts';
import { timestamp } from '../context.ts';
import { loadCommentTarget } from './comment-target.ts';
import { addWatcher } from './notify.ts';

/** Anyone who can see the object may watch it (watching writes nothing the product's members see). */
export async function setWatching(
  ctx: ServiceContext & { entityType: CommentEntityType; ref: string; watching: boolean },
): Promise<{ watching: boolean }> {
  const target = await loadCommentTarget(ctx.db, ctx.actor, ctx.entityType, ctx.ref);
  if (ctx.watching) {
    await addWatcher(ctx.db, {
      userId: ctx.actor.id,
      entityType: target.entityType,
      entityId: target.entityId,
      productId: target.productId,
      at: timestamp(ctx),
    });
  } else {
    await ctx.db
      .deleteFrom('watchers')
      .where('entity_type', '=', target.entityType)
      .where('entity_id', '=', target.entityId)
      .where('user_id', '=', ctx.actor.id)
      .execute();
  }
  return { watching: ctx.watching };
}
