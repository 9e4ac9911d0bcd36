/**
 * Records many "blocks" dependencies between items of one product in one transaction, with the same rows
 * and `created` events addDependency writes. It is meant for generated or imported graphs (the benchmark
 * generator, importers) whose producer already keeps them acyclic: instead of addDependency's per-edge
 * search, the whole result — the new pairs plus every existing edge reachable from the product's items —
 * is checked once with a topological sort, and a cycle refuses the import with nothing written.
 */

import { type Insertable, sql } from 'kysely';
import type { Edge } from '../../domain/dependency-graph.ts';
import type { CreateDependencyInput } from '../../schemas/dependency.ts';
import { chunked, insertBatches } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import type { DependenciesTable, EventsTable } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError, invalidField } from '../errors.ts';
import { insertEvents, notifyProductEvents } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { keysOf } from '../items/item-keys.ts';
import { lockProductForWrite } from '../products/product-access.ts';

export interface DependencyPair {
  blockerId: string;
  blockedId: string;
  kind: CreateDependencyInput['kind'];
}

/**
 * Kahn's topological sort; null when the edges form a DAG, else one cycle as ids [A, …, A] in "blocks"
 * order. Nodes left over by the sort all have a left-over predecessor, so walking predecessors from any
 * of them must revisit a node: that loop is the cycle.
 */
export function findAnyCycle(edges: readonly Edge[]): string[] | null {
  const successors = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  for (const { from, to } of edges) {
    const list = successors.get(from);
    if (list === undefined) successors.set(from, [to]);
    else list.push(to);
    indegree.set(from, indegree.get(from) ?? 0);
    indegree.set(to, (indegree.get(to) ?? 0) + 1);
  }
  const queue = [...indegree].filter(([, n]) => n === 0).map(([id]) => id);
  for (let head = 0; head < queue.length; head++) {
    for (const next of successors.get(queue[head]!) ?? []) {
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  if (queue.length === indegree.size) return null;

  const predecessor = new Map<string, string>();
  for (const { from, to } of edges) {
    if (indegree.get(from)! > 0 && indegree.get(to)! > 0) predecessor.set(to, from);
  }
  const start = [...indegree].find(([, n]) => n > 0)![0];
  const seen = new Map<string, number>();
  const walk: string[] = [];
  for (let node = start; !seen.has(node); node = predecessor.get(node)!) {
    seen.set(node, walk.length);
    walk.push(node);
  }
  // walk[i+1] blocks walk[i]; the loop starts at the revisited node.
  const loopStart = predecessor.get(walk.at(-1)!)!;
  const loop = walk.slice(seen.get(loopStart)).reverse();
  return [...loop, loop[0]!];
}

/** Existing edges downstream of any item of the product: every path a new pair could close into a cycle. */
async function edgesReachableFrom(db: Db, productId: string): Promise<Edge[]> {
  const { rows } = await sql<Edge>`
    with recursive reach(id) as (
      select id from items where product_id = ${productId}
      union
      select d.blocked_id from dependencies d join reach r on d.blocker_id = r.id
    )
    select d.blocker_id as "from", d.blocked_id as "to" from dependencies d
    where d.blocker_id in (select id from reach)`.execute(db);
  return rows;
}

async function assertLiveItemsOfProduct(
  db: Db,
  productId: string,
  pairs: readonly DependencyPair[],
): Promise<void> {
  const ids = [...new Set(pairs.flatMap((p) => [p.blockerId, p.blockedId]))];
  const found = new Set<string>();
  for (const slice of chunked(ids, 1_000)) {
    // By id alone, filtered here: given the product too, planners without statistics (right after a bulk
    // import) walk the product's whole rank index for every chunk instead of probing the id index.
    const rows = await db
      .selectFrom('items')
      .select(['id', 'product_id', 'deleted_at'])
      .where('id', 'in', slice)
      .execute();
    for (const row of rows) {
      if (row.product_id === productId && row.deleted_at === null) found.add(row.id);
    }
  }
  for (const [index, pair] of pairs.entries()) {
    for (const field of ['blockerId', 'blockedId'] as const) {
      if (!found.has(pair[field])) {
        throw invalidField(`pairs.${index}.${field}`, 'does not name a live item of this product');
      }
    }
  }
}

export async function importDependencies(
  ctx: ServiceContext & { productId: string; pairs: readonly DependencyPair[] },
): Promise<{ count: number }> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const product = await lockProductForWrite(trx, ctx.actor, ctx.productId);
    if (ctx.pairs.length === 0) return { count: 0 };
    await assertLiveItemsOfProduct(trx, product.id, ctx.pairs);

    const existing = await edgesReachableFrom(trx, product.id);
    const taken = new Set(existing.map((e) => `${e.from} ${e.to}`));
    for (const [index, pair] of ctx.pairs.entries()) {
      const id = `${pair.blockerId} ${pair.blockedId}`;
      if (taken.has(id)) {
        const message = 'repeats an existing dependency or an earlier pair';
        throw new AppError('duplicate_dependency', `pairs.${index} ${message}`, {
          issues: [{ path: `pairs.${index}`, message }],
        });
      }
      taken.add(id);
    }
    const cycle = findAnyCycle([
      ...existing,
      ...ctx.pairs.map((p) => ({ from: p.blockerId, to: p.blockedId })),
    ]);
    if (cycle) {
      const keyOf = await keysOf(trx, ctx.actor, cycle);
      const path = cycle.map(keyOf);
      throw new AppError('dependency_cycle', `these dependencies would close a cycle: ${path.join(' → ')}`, {
        cycle: path,
      });
    }

    const rows: Insertable<DependenciesTable>[] = [];
    const events: Insertable<EventsTable>[] = [];
    for (const pair of ctx.pairs) {
      const row = {
        id: newId(),
        product_id: product.id,
        blocker_id: pair.blockerId,
        blocked_id: pair.blockedId,
        kind: pair.kind,
        note: '',
        created_at: at,
        created_by: ctx.actor.id,
      };
      rows.push(row);
      events.push({
        product_id: product.id,
        actor_id: ctx.actor.id,
        at,
        entity_type: 'dependency',
        entity_id: row.id,
        action: 'created',
        changes: JSON.stringify({
          blockerId: [null, row.blocker_id],
          blockedId: [null, row.blocked_id],
          kind: [null, row.kind],
          note: [null, row.note],
        }),
      });
    }
    for (const batch of insertBatches(trx, rows)) {
      await trx.insertInto('dependencies').values(batch).execute();
    }
    await insertEvents(trx, events);
    await notifyProductEvents(trx, product.id);
    return { count: rows.length };
  });
}
