/** One item by id or key, trashed ones included (they show `deletedAt`). */
import { type Item, presentItem } from '../../presenters/planning.ts';
import type { ServiceContext } from '../context.ts';
import { loadItem } from './load-item.ts';

/** An item imported from several tools (or products' kinds) lists at most this many keys. */
const MAX_EXTERNAL_KEYS = 10;

export async function getItem(
  ctx: ServiceContext & { idOrKey: string },
): Promise<Item & { externalKeys: { kind: string; key: string }[] }> {
  const row = await loadItem(ctx.db, ctx.actor, ctx.idOrKey);
  // The keys it has in the tools it was imported from (services/imports), shown on the item.
  const links = await ctx.db
    .selectFrom('import_links')
    .select(['kind', 'external_key'])
    .where('entity_id', '=', row.id)
    .where('entity_type', '=', 'item')
    .orderBy('kind')
    .limit(MAX_EXTERNAL_KEYS)
    .execute();
  return {
    ...presentItem(row),
    externalKeys: links.map((link) => ({ kind: link.kind, key: link.external_key })),
  };
}
