/**
 * Records that one item blocks another. Both items must be visible to the actor; a dependency that would
 * close a cycle is refused with the cycle's item keys, in order.
 */

import { sql } from 'kysely';
import { type Edge, findCycle } from '../../domain/dependency-graph.ts';
import { type Dependency, presentDependency } from '../../presenters/planning.ts';
import type { CreateDependencyInput } from '../../schemas/dependency.ts';
import type { Db } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError, invalidField } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { keysOf } from '../items/item-keys.ts';
import { loadLiveItem } from '../items/load-item.ts';
import { lockProductForWrite } from '../products/product-access.ts';

/** The edges reachable downstream of `start` (one recursive query, the same on both dialects). */
async function reachableEdges(db: Db, start: string): Promise<Edge[]> {
  const { rows } = await sql<Edge>`
    with recursive reach(id) as (
      select ${start}
      union
      select d.blocked_id from dependencies d join reach r on d.blocker_id = r.id
    )
    select d.blocker_id as "from", d.blocked_id as "to" from dependencies d
    where d.blocker_id in (select id from reach)`.execute(db);
  return rows;
}

export async function addDependency(
  ctx: ServiceContext & { itemId: string; input: CreateDependencyInput },
): Promise<Dependency> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const self = await loadLiveItem(trx, ctx.actor, ctx.itemId);
    const otherRef = (ctx.input.blockedBy ?? ctx.input.blocks)!;
    const otherPath = ctx.input.blockedBy ? 'blockedBy' : 'blocks';
    const other = await loadLiveItem(trx, ctx.actor, otherRef).catch(() => {
      throw invalidField(otherPath, 'does not name a live item you can see');
    });
    // Lock both products in one global order, so two cross-product links made at once cannot deadlock.
    for (const productId of [...new Set([self.product_id, other.product_id])].sort()) {
      await lockProductForWrite(trx, ctx.actor, productId);
    }
    const [blocker, blocked] = ctx.input.blockedBy ? [other, self] : [self, other];

    const existing = await trx
      .selectFrom('dependencies')
      .select('id')
      .where('blocker_id', '=', blocker.id)
      .where('blocked_id', '=', blocked.id)
      .executeTakeFirst();
    if (existing) {
      throw new AppError('duplicate_dependency', `${blocker.key} already blocks ${blocked.key}`);
    }
    const cycle = findCycle(await reachableEdges(trx, blocked.id), { from: blocker.id, to: blocked.id });
    if (cycle) {
      const keyOf = await keysOf(trx, ctx.actor, cycle);
      const path = cycle.map(keyOf);
      throw new AppError('dependency_cycle', `this dependency would close a cycle: ${path.join(' → ')}`, {
        cycle: path,
      });
    }
    const row = {
      id: newId(),
      product_id: blocked.product_id,
      blocker_id: blocker.id,
      blocked_id: blocked.id,
      kind: ctx.input.kind,
      note: ctx.input.note,
      created_at: at,
      created_by: ctx.actor.id,
    };
    await trx.insertInto('dependencies').values(row).execute();
    const dependency = presentDependency({ ...row, blocker_key: blocker.key, blocked_key: blocked.key });
    await recordEvent(trx, {
      productId: row.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'dependency',
      entityId: row.id,
      action: 'created',
      changes: {
        blockerId: [null, blocker.id],
        blockedId: [null, blocked.id],
        kind: [null, row.kind],
        note: [null, row.note],
      },
    });
    return dependency;
  });
}
