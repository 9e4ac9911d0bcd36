import type { Edge } from './dependency-graph.ts';
import { buildIndexGraph, findComponents } from './index-graph.ts';

/**
 * The critical path: the longest chain of remaining estimated work, computed over the whole product.
 *
 * A longest path by node weight in the "blocks" DAG, by dynamic programming in topological order (Kahn,
 * iterative: chains can be as long as the backlog). Items on a cycle, which concurrent writes may leave
 * behind, are left out with their edges: a cycle has no longest path, and skipping only its members keeps
 * the rest of the product's answer meaningful.
 */

/** An item with its remaining estimated points (0 for done or unestimated items: the caller decides). */
export interface PathItem {
  id: string;
  remaining: number;
}

/** Blocker first; empty with 0 points when no item has remaining work. */
export interface CriticalPath {
  itemIds: string[];
  points: number;
}

/**
 * Returns the chain of items, blocker first, with the most remaining points in total.
 *
 * The path starts and ends with items that have remaining work (items of zero work appear only between
 * two that have some). Ties go to the path with fewer items, then to the smallest id, compared from the
 * end of the path backwards (its last item, then that item's blocker, ...); ids compare bytewise. The
 * answer does not depend on the order of `items` or `edges`. Edges with an end outside `items` are ignored.
 */
export function criticalPath(items: readonly PathItem[], edges: readonly Edge[]): CriticalPath {
  const count = items.length;
  const index = new Map<string, number>();
  for (let v = 0; v < count; v++) {
    const { id, remaining } = items[v]!;
    if (!Number.isFinite(remaining) || remaining < 0) {
      throw new RangeError(`remaining points of ${JSON.stringify(id)} must be a finite number >= 0`);
    }
    if (index.has(id)) throw new RangeError(`item ${JSON.stringify(id)} is listed twice`);
    index.set(id, v);
  }
  const graph = buildIndexGraph(count, index, edges);
  const { succStart, succ, predStart, pred } = graph;
  const { cyclic } = findComponents(graph);

  // Without the cycle members the graph is acyclic, so Kahn reaches every other item.
  const waiting = new Int32Array(count);
  for (let v = 0; v < count; v++) {
    if (cyclic[v] === 1) continue;
    for (let e = predStart[v]!; e < predStart[v + 1]!; e++) if (cyclic[pred[e]!] === 0) waiting[v]!++;
  }
  const ready: number[] = [];
  for (let v = 0; v < count; v++) if (cyclic[v] === 0 && waiting[v] === 0) ready.push(v);

  // Best path ending at v: its points, its item count and v's blocker on it (-1 = v starts it).
  const points = new Float64Array(count);
  const length = new Int32Array(count);
  const via = new Int32Array(count).fill(-1);
  const idOf = (v: number): string => items[v]!.id;
  let end = -1;
  for (let head = 0; head < ready.length; head++) {
    const v = ready[head]!;
    // Every blocker is done by now. One with 0 points is not worth carrying: v starts a shorter path.
    let best = -1;
    for (let e = predStart[v]!; e < predStart[v + 1]!; e++) {
      const u = pred[e]!;
      if (cyclic[u] === 0 && points[u]! > 0 && (best === -1 || better(u, best))) best = u;
    }
    points[v] = items[v]!.remaining + (best === -1 ? 0 : points[best]!);
    length[v] = 1 + (best === -1 ? 0 : length[best]!);
    via[v] = best;
    if (points[v]! > 0 && (end === -1 || better(v, end))) end = v;
    for (let e = succStart[v]!; e < succStart[v + 1]!; e++) {
      const w = succ[e]!;
      if (cyclic[w] === 0 && --waiting[w]! === 0) ready.push(w);
    }
  }

  function better(a: number, b: number): boolean {
    if (points[a] !== points[b]) return points[a]! > points[b]!;
    if (length[a] !== length[b]) return length[a]! < length[b]!;
    return idOf(a) < idOf(b);
  }

  if (end === -1) return { itemIds: [], points: 0 };
  const itemIds: string[] = [];
  for (let v = end; v !== -1; v = via[v]!) itemIds.push(idOf(v));
  return { itemIds: itemIds.reverse(), points: points[end]! };
}
