/**
 * An item's dependencies: what blocks it, what it blocks, and its external business dependencies. An item
 * at the other end that the reader may not see is named only as "an item in another product".
 */
import {
  type Dependency,
  type ExternalDependency,
  presentDependency,
  presentExternalDependency,
} from '../../presenters/planning.ts';
import type { Db } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { loadItem } from '../items/load-item.ts';
import { productVisibility } from '../products/product-access.ts';

export interface ItemDependencies {
  blockedBy: Dependency[];
  blocks: Dependency[];
  external: ExternalDependency[];
}

function dependencyQuery(db: Db) {
  return db
    .selectFrom('dependencies')
    .innerJoin('items as blocker', 'blocker.id', 'dependencies.blocker_id')
    .innerJoin('items as blocked', 'blocked.id', 'dependencies.blocked_id')
    .selectAll('dependencies')
    .select([
      'blocker.key as blocker_key',
      'blocked.key as blocked_key',
      'blocker.product_id as blocker_product_id',
      'blocked.product_id as blocked_product_id',
    ])
    .orderBy('dependencies.created_at')
    .orderBy('dependencies.id');
}

export async function listDependencies(ctx: ServiceContext & { itemId: string }): Promise<ItemDependencies> {
  const item = await loadItem(ctx.db, ctx.actor, ctx.itemId);
  const [blockedBy, blocks, external] = await Promise.all([
    dependencyQuery(ctx.db).where('dependencies.blocked_id', '=', item.id).execute(),
    dependencyQuery(ctx.db).where('dependencies.blocker_id', '=', item.id).execute(),
    ctx.db
      .selectFrom('external_dependencies')
      .selectAll()
      .where('item_id', '=', item.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  // The other end may be in a product the reader is not a member of: it is shown without key or id.
  const canSee = await productVisibility(ctx.db, ctx.actor);
  const present = (row: (typeof blockedBy)[number]) =>
    presentDependency(row, {
      blocker: canSee(row.blocker_product_id),
      blocked: canSee(row.blocked_product_id),
    });
  return {
    blockedBy: blockedBy.map(present),
    blocks: blocks.map(present),
    external: external.map(presentExternalDependency),
  };
}
