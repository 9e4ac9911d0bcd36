/**
 * Lists a product's live items in rank order with filters and a cursor. The cursor is the last rank
 * returned (ranks are unique per product), so pages stay stable while items are added elsewhere.
 */
import { sql } from 'kysely';
import { fts5Query, searchTerms, tsQuery } from '../../domain/search-query.ts';
import { type Item, presentItem } from '../../presenters/planning.ts';
import type { ListItemsQuery } from '../../schemas/item.ts';
import { dialectOf } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { invalidField } from '../errors.ts';
import { loadVisibleProduct } from '../products/product-access.ts';

export interface ItemPage {
  items: Item[];
  nextCursor: string | null;
}

function decodeCursor(cursor: string): string {
  const rank = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9A-Za-z]{1,200}$/.test(rank)) throw invalidField('cursor', 'is not a cursor this API returned');
  return rank;
}

export async function listItems(
  ctx: ServiceContext & { productId: string; query: ListItemsQuery },
): Promise<ItemPage> {
  const { query: filter } = ctx;
  await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  let query = ctx.db
    .selectFrom('items')
    .selectAll()
    .where('product_id', '=', ctx.productId)
    .where('deleted_at', 'is', null);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.initiativeId === 'none') query = query.where('initiative_id', 'is', null);
  else if (filter.initiativeId) query = query.where('initiative_id', '=', filter.initiativeId);
  if (filter.label) {
    const label = filter.label;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('item_labels').select('item_id').where('label', '=', label),
    );
  }
  const terms = filter.q ? searchTerms(filter.q) : [];
  if (terms.length > 0) {
    query =
      dialectOf(ctx.db) === 'postgres'
        ? query.where(sql<boolean>`search @@ to_tsquery('simple', ${tsQuery(terms)})`)
        : query.where(
            'seq',
            'in',
            sql<number>`(select rowid from items_fts where items_fts match ${fts5Query(terms)})`,
          );
  }
  if (filter.cursor) query = query.where('rank', '>', decodeCursor(filter.cursor));
  const rows = await query
    .orderBy('rank')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentItem),
    nextCursor:
      rows.length > filter.limit && last ? Buffer.from(last.rank, 'utf8').toString('base64url') : null,
  };
}
