/** The event log: a product's events after a cursor, and one object's history. */
import { type PlanningEvent, presentEvent } from '../../presenters/planning.ts';
import type { ServiceContext } from '../context.ts';
import { loadItem } from '../items/load-item.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { parseEventCursor } from './event-cursor.ts';
import { redactEventList } from './redact-events.ts';

export interface EventPage {
  events: PlanningEvent[];
  nextCursor: string | null;
}

/**
 * Events of one product with ids above `after`, oldest first. Writers hold the product's lock while they
 * append (see lockProductForWrite), so ids within a product become visible in order and polling with the
 * last cursor never skips an event.
 */
export async function listProductEvents(
  ctx: ServiceContext & { productId: string; after?: string | undefined; limit: number },
): Promise<EventPage> {
  await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const after = ctx.after === undefined ? 0 : parseEventCursor(ctx.after, 'after');
  const rows = await ctx.db
    .selectFrom('events')
    .selectAll()
    .where('product_id', '=', ctx.productId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(ctx.limit)
    .execute();
  const events = await redactEventList(ctx.db, ctx.actor, rows.map(presentEvent));
  const last = events.at(-1);
  return { events, nextCursor: last ? String(last.id) : (ctx.after ?? null) };
}

/**
 * Every event of one item, oldest first: the item's history — its own events and those of the
 * dependencies that link it to another item, on either side (indexed in `event_items`).
 */
export async function listItemHistory(ctx: ServiceContext & { id: string }): Promise<PlanningEvent[]> {
  const item = await loadItem(ctx.db, ctx.actor, ctx.id);
  const rows = await ctx.db
    .selectFrom('events')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('entity_id', '=', item.id),
        eb('id', 'in', eb.selectFrom('event_items').select('event_id').where('item_id', '=', item.id)),
      ]),
    )
    .orderBy('id')
    .execute();
  return redactEventList(ctx.db, ctx.actor, rows.map(presentEvent));
}
