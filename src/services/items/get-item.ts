/** One item by id or key, trashed ones included (they show `deletedAt`). */
import { type Item, presentItem } from '../../presenters/planning.ts';
import type { ServiceContext } from '../context.ts';
import { loadItem } from './load-item.ts';

export async function getItem(ctx: ServiceContext & { idOrKey: string }): Promise<Item> {
  return presentItem(await loadItem(ctx.db, ctx.actor, ctx.idOrKey));
}
