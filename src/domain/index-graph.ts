import type { Edge } from './dependency-graph.ts';

/**
 * General graph code shared by sequencing (sequence.ts) and the critical path (critical-path.ts): a dense
 * integer-indexed adjacency (nodes 0..count-1) held in typed arrays in compressed sparse row (CSR) form,
 * successors and predecessors both, and its strongly connected components. Iterative throughout, since
 * chains can be as long as the backlog.
 */

/** Edges between dense node indices, as compressed rows of successors and of predecessors. */
export interface IndexGraph {
  /** Successors of v are succ[succStart[v]] .. succ[succStart[v + 1] - 1]. */
  succStart: Int32Array;
  succ: Int32Array;
  predStart: Int32Array;
  pred: Int32Array;
}

/** The adjacency of `edges` over the nodes of `index` (0..count-1), skipping edges with an unknown end. */
export function buildIndexGraph(
  count: number,
  index: ReadonlyMap<string, number>,
  edges: readonly Edge[],
): IndexGraph {
  const froms = new Int32Array(edges.length);
  const tos = new Int32Array(edges.length);
  let kept = 0;
  for (const { from, to } of edges) {
    const f = index.get(from);
    const t = index.get(to);
    if (f === undefined || t === undefined) continue;
    froms[kept] = f;
    tos[kept++] = t;
  }
  const succStart = new Int32Array(count + 1);
  const predStart = new Int32Array(count + 1);
  for (let k = 0; k < kept; k++) {
    succStart[froms[k]! + 1]!++;
    predStart[tos[k]! + 1]!++;
  }
  for (let v = 0; v < count; v++) {
    succStart[v + 1]! += succStart[v]!;
    predStart[v + 1]! += predStart[v]!;
  }
  const succ = new Int32Array(kept);
  const pred = new Int32Array(kept);
  const succNext = succStart.slice(0, count);
  const predNext = predStart.slice(0, count);
  for (let k = 0; k < kept; k++) {
    const f = froms[k]!;
    const t = tos[k]!;
    succ[succNext[f]!++] = t;
    pred[predNext[t]!++] = f;
  }
  return { succStart, succ, predStart, pred };
}

/**
 * Strongly connected components by iterative Tarjan. `leader[v]` is the smallest node of v's component;
 * `cyclic[v]` is 1 when v lies on a cycle (a component of two or more nodes, or a self-edge).
 */
export function findComponents(graph: IndexGraph): { leader: Int32Array; cyclic: Uint8Array } {
  const { succStart, succ } = graph;
  const count = succStart.length - 1;
  const leader = new Int32Array(count);
  const cyclic = new Uint8Array(count);
  const discovered = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack = new Int32Array(count);
  // The explicit call stack: node and the next of its edges to look at.
  const callNode = new Int32Array(count);
  const callEdge = new Int32Array(count);
  let stackSize = 0;
  let depth = 0;
  let counter = 0;
  const enter = (v: number): void => {
    discovered[v] = low[v] = counter++;
    stack[stackSize++] = v;
    onStack[v] = 1;
    callNode[depth] = v;
    callEdge[depth++] = succStart[v]!;
  };
  for (let root = 0; root < count; root++) {
    if (discovered[root] !== -1) continue;
    enter(root);
    while (depth > 0) {
      const v = callNode[depth - 1]!;
      const e = callEdge[depth - 1]!;
      if (e < succStart[v + 1]!) {
        callEdge[depth - 1] = e + 1;
        const w = succ[e]!;
        if (w === v) cyclic[v] = 1;
        if (discovered[w] === -1) enter(w);
        else if (onStack[w] === 1) low[v] = Math.min(low[v]!, discovered[w]!);
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = callNode[depth - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] !== discovered[v]) continue;
      let start = stackSize;
      let smallest = v;
      do {
        start--;
        smallest = Math.min(smallest, stack[start]!);
      } while (stack[start] !== v);
      for (let i = start; i < stackSize; i++) {
        const member = stack[i]!;
        leader[member] = smallest;
        onStack[member] = 0;
        if (stackSize - start > 1) cyclic[member] = 1;
      }
      stackSize = start;
    }
  }
  return { leader, cyclic };
}
