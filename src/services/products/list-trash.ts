/** What a product has in its trash, most recently deleted first, so it can be found and restored. */
import {
  type Initiative,
  type Item,
  type Objective,
  presentInitiative,
  presentItem,
  presentObjective,
  presentTheme,
  type Theme,
} from '../../presenters/planning.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from './product-access.ts';

export interface Trash {
  items: Item[];
  initiatives: Initiative[];
  objectives: Objective[];
  themes: Theme[];
}

/** At most `limit` of each kind. Initiatives list their objective links as they were (kept while trashed). */
export async function listTrash(ctx: ServiceContext & { productId: string; limit: number }): Promise<Trash> {
  await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const items = await ctx.db
    .selectFrom('items')
    .selectAll()
    .where('product_id', '=', ctx.productId)
    .where('deleted_at', 'is not', null)
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(ctx.limit)
    .execute();
  const initiatives = await ctx.db
    .selectFrom('initiatives')
    .selectAll()
    .where('product_id', '=', ctx.productId)
    .where('deleted_at', 'is not', null)
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(ctx.limit)
    .execute();
  const links = initiatives.length
    ? await ctx.db
        .selectFrom('initiative_objectives')
        .selectAll()
        .where(
          'initiative_id',
          'in',
          initiatives.map((i) => i.id),
        )
        .orderBy('objective_id')
        .execute()
    : [];
  const objectives = await ctx.db
    .selectFrom('objectives')
    .selectAll()
    .where('product_id', '=', ctx.productId)
    .where('deleted_at', 'is not', null)
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(ctx.limit)
    .execute();
  const themes = await ctx.db
    .selectFrom('themes')
    .selectAll()
    .where('product_id', '=', ctx.productId)
    .where('deleted_at', 'is not', null)
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(ctx.limit)
    .execute();
  return {
    items: items.map(presentItem),
    initiatives: initiatives.map((row) =>
      presentInitiative(
        row,
        links.filter((l) => l.initiative_id === row.id).map((l) => l.objective_id),
      ),
    ),
    objectives: objectives.map(presentObjective),
    themes: themes.map(presentTheme),
  };
}
