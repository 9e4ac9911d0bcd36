/**
 * What holds items back, for readiness: the items they depend on and their unmet external dependencies,
 * loaded for many items in two queries. A blocking item in a product the reader may not see comes without
 * its key and title (see redactLinkedItem).
 */
import type { Blocker } from '../../domain/readiness.ts';
import { redactLinkedItem } from '../../presenters/redact-linked-item.ts';
import type { Db } from '../../store/database.ts';

export async function loadBlockers(
  db: Db,
  itemIds: readonly string[],
  canSee: (productId: string) => boolean,
): Promise<Map<string, Blocker[]>> {
  const byItem = new Map<string, Blocker[]>();
  if (itemIds.length === 0) return byItem;
  const add = (itemId: string, blocker: Blocker) => {
    const list = byItem.get(itemId) ?? [];
    list.push(blocker);
    byItem.set(itemId, list);
  };
  const dependencies = await db
    .selectFrom('dependencies')
    .innerJoin('items as blocker', 'blocker.id', 'dependencies.blocker_id')
    .select([
      'dependencies.blocked_id',
      'blocker.id',
      'blocker.product_id',
      'blocker.key',
      'blocker.title',
      'blocker.status',
      'blocker.deleted_at',
      'blocker.rank',
    ])
    .where('dependencies.blocked_id', 'in', [...itemIds])
    .orderBy('blocker.rank')
    .execute();
  for (const row of dependencies) {
    const { key, title } = redactLinkedItem(row, canSee(row.product_id));
    add(row.blocked_id, {
      external: false,
      key,
      title,
      status: row.status,
      deleted: row.deleted_at !== null,
    });
  }
  const external = await db
    .selectFrom('external_dependencies')
    .select(['item_id', 'title'])
    .where('item_id', 'in', [...itemIds])
    .where('met', '=', 0)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const row of external) add(row.item_id, { external: true, title: row.title, met: false });
  return byItem;
}
