import type { Edge } from './dependency-graph.ts';
import { buildIndexGraph, findComponents, type IndexGraph } from './index-graph.ts';
import { compareRanks } from './rank.ts';

/**
 * The backlog order that respects every dependency while staying as close as possible to the product's
 * rank, and the fewest moves that turn the rank order into it.
 *
 * Why the order is built back to front. Plain Kahn (repeatedly take the best-ranked item whose blockers are
 * all placed) sinks blocked items: with A < B < C < D by rank and D blocking A, it yields B C D A — the
 * product's top item falls to the bottom because of a blocker nobody looked at. Building the order from the
 * end instead (repeatedly put LAST the worst-ranked item none of whose blocked items is still unplaced)
 * yields D A B C: the blocker is pulled up to just above the item it blocks. This is the classic result that
 * the reversed max-heap order is the topological order placing the top-ranked item as early as possible,
 * then the second-ranked one as early as possible, and so on; sequence.test.ts checks it by brute force.
 * It is stable (items with no dependencies keep their relative order) and equals the rank order when the
 * rank order already respects every edge.
 *
 * Cycles are refused by the API, but concurrent writes may still leave one. The items of a cycle (a
 * strongly connected group) are treated as one unit placed where its best-ranked member would go, members
 * in rank order; edges inside the group are ignored and the group is reported in `cycles`.
 *
 * Everything runs on dense rank positions (node v = the item at rank position v, ties by id) in typed arrays:
 * O((n + e) log n) with no recursion, since chains can be as long as the backlog.
 */

/** An open backlog item of the product (the caller leaves out done items). */
export interface SequenceItem {
  id: string;
  rank: string;
}

/** `from` blocks `to`. An edge with an end outside the items is ignored: a done blocker no longer counts. */
export type SequenceEdge = Edge;

/**
 * One move of the rank order: put `itemId` immediately before `beforeItemId` (null = at the very end).
 * The reasons name direct neighbours in sequence order; a move with neither only keeps the item's place
 * among the items that moved.
 */
export interface SequenceMove {
  itemId: string;
  beforeItemId: string | null;
  /** Items it blocks that are ranked above it or moved up themselves: "PRJ-7 moves up: it blocks PRJ-3". */
  blockedIds: string[];
  /** Items blocking it that are ranked below it or moved down themselves: "PRJ-3 waits on PRJ-7". */
  blockerIds: string[];
}

/** The sequenced backlog. */
export interface Sequence {
  /** Item ids, first to do first. */
  order: string[];
  /** Applied in this order to the rank order, they turn it into `order`; as few as possible. */
  moves: SequenceMove[];
  /**
   * Items that block each other round a cycle (or one that blocks itself): empty unless concurrent writes
   * slipped one in. Each group in rank order, the groups in sequence order.
   */
  cycles: string[][];
}

/** Orders the open items by their dependencies, as close to rank as possible, with the moves to get there. */
export function sequenceBacklog(items: readonly SequenceItem[], edges: readonly SequenceEdge[]): Sequence {
  const count = items.length;
  // Ids compare bytewise like ranks, so equal ranks order the same way on every machine.
  const sorted = [...items].sort((a, b) => compareRanks(a.rank, b.rank) || compareRanks(a.id, b.id));
  const ids = sorted.map((item) => item.id);
  const index = new Map<string, number>();
  for (let v = 0; v < count; v++) {
    const id = ids[v]!;
    if (index.has(id)) throw new RangeError(`item ${JSON.stringify(id)} is listed twice`);
    index.set(id, v);
  }
  const graph = buildIndexGraph(count, index, edges);
  const { succStart, succ, predStart, pred } = graph;
  const { leader, cyclic } = findComponents(graph);

  // A cycle group (keyed by its leader, its best-ranked member) is placed as one unit; members ascending.
  const groups = new Map<number, number[]>();
  for (let v = 0; v < count; v++) {
    if (cyclic[v] === 0) continue;
    const group = groups.get(leader[v]!);
    if (group === undefined) groups.set(leader[v]!, [v]);
    else group.push(v);
  }
  // unplaced[g]: edges from unit g to units not yet placed; g may go last once it reaches 0.
  const unplaced = new Int32Array(count);
  for (let u = 0; u < count; u++) {
    for (let e = succStart[u]!; e < succStart[u + 1]!; e++) {
      if (leader[u] !== leader[succ[e]!]) unplaced[leader[u]!]!++;
    }
  }
  const heap: number[] = [];
  for (let v = 0; v < count; v++) if (leader[v] === v && unplaced[v] === 0) heapPush(heap, v);

  const sequence = new Int32Array(count);
  let free = count;
  const cycleNodes: number[][] = [];
  const release = (v: number, unit: number): void => {
    for (let e = predStart[v]!; e < predStart[v + 1]!; e++) {
      const blocker = leader[pred[e]!]!;
      if (blocker !== unit && --unplaced[blocker]! === 0) heapPush(heap, blocker);
    }
  };
  // The worst-ranked unit whose blocked items are all placed goes last (see the header).
  for (let unit = heapPop(heap); unit !== undefined; unit = heapPop(heap)) {
    const group = groups.get(unit);
    if (group === undefined) {
      sequence[--free] = unit;
      release(unit, unit);
      continue;
    }
    cycleNodes.push(group);
    for (let i = group.length - 1; i >= 0; i--) sequence[--free] = group[i]!;
    for (const v of group) release(v, unit);
  }
  // Unreachable: the units form a DAG, so every one of them is released.
  if (free !== 0) throw new Error(`sequencing left ${free} items unplaced`);

  return {
    order: Array.from(sequence, (v) => ids[v]!),
    moves: planMoves(sequence, ids, graph),
    cycles: cycleNodes.reverse().map((group) => group.map((v) => ids[v]!)),
  };
}

/**
 * The items off one longest increasing run of rank positions along `sequence` (patience sorting) are the
 * fewest that must move. They are listed from the back of the sequence to the front, each placed before
 * its successor in the sequence: that successor is already where it belongs (it stays, or moved earlier in
 * the list), so applying the moves in order to the rank order yields the sequence.
 */
function planMoves(sequence: Int32Array, ids: readonly string[], graph: IndexGraph): SequenceMove[] {
  const count = sequence.length;
  const tails = new Int32Array(count);
  const previous = new Int32Array(count);
  let length = 0;
  for (let k = 0; k < count; k++) {
    const value = sequence[k]!;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sequence[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
    if (lo === length) length++;
  }
  const stays = new Uint8Array(count);
  // Reading back from the smallest final tail keeps the better-ranked items in place, so blockers move up.
  for (let k = length > 0 ? tails[length - 1]! : -1; k !== -1; k = previous[k]!) stays[k] = 1;
  if (length === count) return [];

  const position = new Int32Array(count);
  for (let k = 0; k < count; k++) position[sequence[k]!] = k;
  // A move is explained by the direct neighbours that forced it: a blocked item ranked above it, or one
  // that itself moved up (C blocks X, X blocks A: X moves up because it blocks A, C because it blocks X);
  // the same downwards for blockers. Blocked items come later in the sequence and blockers earlier, so a
  // backward and a forward pass each see the neighbours' moves first.
  const movedUp = new Uint8Array(count);
  const movedDown = new Uint8Array(count);
  const moves: SequenceMove[] = [];
  const moveAt = new Int32Array(count);
  for (let k = count - 1; k >= 0; k--) {
    if (stays[k] === 1) continue;
    const v = sequence[k]!;
    const next = sequence[k + 1];
    const blockedIds = reasons(graph.succ, graph.succStart, v, -1, position, movedUp, ids);
    if (blockedIds.length > 0) movedUp[v] = 1;
    moveAt[k] = moves.length;
    moves.push({
      itemId: ids[v]!,
      beforeItemId: next === undefined ? null : ids[next]!,
      blockedIds,
      blockerIds: [],
    });
  }
  for (let k = 0; k < count; k++) {
    if (stays[k] === 1) continue;
    const v = sequence[k]!;
    const blockerIds = reasons(graph.pred, graph.predStart, v, 1, position, movedDown, ids);
    if (blockerIds.length > 0) movedDown[v] = 1;
    moves[moveAt[k]!]!.blockerIds = blockerIds;
  }
  return moves;
}

/**
 * The distinct neighbours w of v on the side `sign` of it in rank (-1 above, 1 below), or marked in
 * `moved`, that sit on the other side of it in the sequence: their ids in sequence order.
 */
function reasons(
  adjacent: Int32Array,
  start: Int32Array,
  v: number,
  sign: -1 | 1,
  position: Int32Array,
  moved: Uint8Array,
  ids: readonly string[],
): string[] {
  const k = position[v]!;
  let found: number[] | undefined;
  for (let e = start[v]!; e < start[v + 1]!; e++) {
    const w = adjacent[e]!;
    if ((position[w]! - k) * sign < 0 && ((w - v) * sign > 0 || moved[w] === 1)) {
      if (found === undefined) found = [w];
      else found.push(w);
    }
  }
  if (found === undefined) return [];
  // Sorting puts duplicate edges side by side, so dropping repeats stays O(d log d) for a hub item.
  if (found.length > 1) found.sort((a, b) => position[a]! - position[b]!);
  const result: string[] = [];
  for (let i = 0; i < found.length; i++) if (found[i] !== found[i - 1]) result.push(ids[found[i]!]!);
  return result;
}

/** Binary max-heap of node indices. */
function heapPush(heap: number[], value: number): void {
  let i = heap.push(value) - 1;
  while (i > 0) {
    const parent = (i - 1) >>> 1;
    if (heap[parent]! >= value) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = value;
}

function heapPop(heap: number[]): number | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= heap.length) break;
    if (child + 1 < heap.length && heap[child + 1]! > heap[child]!) child++;
    if (heap[child]! <= last) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
  return top;
}
