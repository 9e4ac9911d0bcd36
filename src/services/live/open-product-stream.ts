/** Opening a product's live stream: the actor must see the product; the stream starts at a cursor. */
import type { ServiceContext } from '../context.ts';
import { lastEventId, parseEventCursor } from '../events/event-cursor.ts';
import { loadVisibleProduct } from '../products/product-access.ts';

/**
 * The event id the stream starts after: the client's cursor (`Last-Event-ID` on a reconnect, else
 * `after`), or the product's newest event when it sent none, so that only new events follow.
 */
export async function openProductStream(
  ctx: ServiceContext & {
    productId: string;
    lastEventId?: string | undefined;
    after?: string | undefined;
  },
): Promise<number> {
  await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const resumeFrom = ctx.lastEventId?.trim();
  if (resumeFrom) return parseEventCursor(resumeFrom, 'Last-Event-ID');
  if (ctx.after !== undefined) return parseEventCursor(ctx.after, 'after');
  return lastEventId(ctx.db, ctx.productId);
}
