/**
 * A product's comment settings: whether its viewers may comment (off by default). Owners, admins and
 * editors of the product may change it; the change is a `product` event, with If-Match like other writes.
 */
import type { CommentSettings, UpdateCommentSettingsInput } from '../../schemas/comment.ts';
import type { Db } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';

async function readSettings(db: Db, productId: string): Promise<CommentSettings> {
  const row = await db
    .selectFrom('comment_settings')
    .select(['viewers_may_comment', 'version'])
    .where('product_id', '=', productId)
    .executeTakeFirst();
  return { viewersMayComment: row?.viewers_may_comment === 1, version: row?.version ?? 0 };
}

export async function getCommentSettings(
  ctx: ServiceContext & { productId: string },
): Promise<CommentSettings> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  return readSettings(ctx.db, product.id);
}

export async function updateCommentSettings(
  ctx: ServiceContext & {
    productId: string;
    input: UpdateCommentSettingsInput;
    expectedVersion?: number | undefined;
  },
): Promise<CommentSettings> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const visible = await loadVisibleProduct(trx, ctx.actor, ctx.productId);
    const product = await lockProductForWrite(trx, ctx.actor, visible.id);
    const current = await readSettings(trx, product.id);
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== current.version) {
      throw new AppError(
        'version_conflict',
        `the comment settings of ${product.key} were changed by someone else (now version ${current.version})`,
        { currentVersion: current.version, current },
      );
    }
    if (current.viewersMayComment === ctx.input.viewersMayComment) return current;
    const next = {
      viewers_may_comment: ctx.input.viewersMayComment ? 1 : 0,
      version: current.version + 1,
      updated_at: at,
    };
    await trx
      .insertInto('comment_settings')
      .values({ product_id: product.id, ...next })
      .onConflict((oc) => oc.column('product_id').doUpdateSet(next))
      .execute();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'product',
      entityId: product.id,
      action: 'comment_settings_updated',
      changes: { viewersMayComment: [current.viewersMayComment, ctx.input.viewersMayComment] },
    });
    return { viewersMayComment: ctx.input.viewersMayComment, version: next.version };
  });
}
