/**
 * The whole live backlog of a product in one response, for a client that keeps it in memory and follows
 * the product's stream from `cursor`. Reads only the columns a backlog row shows.
 */
import { sql } from 'kysely';
import { presentBacklogRow } from '../../presenters/backlog-item.ts';
import type { BacklogItem } from '../../schemas/item.ts';
import type { ServiceContext } from '../context.ts';
import { lastEventId } from '../events/event-cursor.ts';
import { loadVisibleProduct } from '../products/product-access.ts';

export interface Backlog {
  items: BacklogItem[];
  cursor: string;
}

export async function listBacklog(ctx: ServiceContext & { productId: string }): Promise<Backlog> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  // The cursor is read first: whatever commits after it and before the items are read shows up in both
  // the snapshot and the stream, and a client applies it twice harmlessly; the other order could lose it.
  const cursor = await lastEventId(ctx.db, product.id);
  const rows = await ctx.db
    .selectFrom('items')
    .select([
      'id',
      'key',
      'type',
      'title',
      'status',
      'estimate',
      'initiative_id',
      'labels',
      'assignee_id',
      'rank',
      'version',
      'updated_at',
      'acceptance_criteria',
      sql<boolean | number>`story is not null`.as('has_story'),
    ])
    .where('product_id', '=', product.id)
    .where('deleted_at', 'is', null)
    .orderBy('rank')
    .execute();
  return { items: rows.map(presentBacklogRow), cursor: String(cursor) };
}
