/** An item's dependencies: what blocks it, what it blocks, and its external business dependencies. */
import {
  type Dependency,
  type ExternalDependency,
  presentDependency,
  presentExternalDependency,
} from '../../presenters/planning.ts';
import type { Db } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { loadItem } from '../items/load-item.ts';

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
    .select(['blocker.key as blocker_key', 'blocked.key as blocked_key'])
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
  return {
    blockedBy: blockedBy.map(presentDependency),
    blocks: blocks.map(presentDependency),
    external: external.map(presentExternalDependency),
  };
}
