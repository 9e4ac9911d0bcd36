/**
 * "Blocks" dependencies between backlog items. All traversals are iterative: graphs can hold tens of
 * thousands of edges and very long chains.
 */

/** `from` blocks `to`. */
export interface Edge {
  from: string;
  to: string;
}

/**
 * Returns the cycle that adding newEdge would close, as ids starting and ending with newEdge.from
 * (shortest such cycle; [A, A] for a self-edge), or null when the graph stays acyclic.
 */
export function findCycle(edges: readonly Edge[], newEdge: Edge): string[] | null {
  const { from, to } = newEdge;
  if (from === to) return [from, from];

  const successors = new Map<string, string[]>();
  for (const edge of edges) {
    const list = successors.get(edge.from);
    if (list === undefined) successors.set(edge.from, [edge.to]);
    else list.push(edge.to);
  }

  // Breadth-first search from `to` for a path back to `from`; parent pointers give the shortest one.
  const parent = new Map<string, string | null>([[to, null]]);
  const queue: string[] = [to];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of successors.get(node) ?? []) {
      if (parent.has(next)) continue;
      parent.set(next, node);
      if (next === from) return [from, ...pathTo(parent, from)];
      queue.push(next);
    }
  }
  return null;
}

/** Walks parent pointers back to the search root, returning the path root..target. */
function pathTo(parent: ReadonlyMap<string, string | null>, target: string): string[] {
  const path: string[] = [];
  for (let node: string | null = target; node !== null; node = parent.get(node) ?? null) {
    path.push(node);
  }
  return path.reverse();
}

/** Returns the ids that directly block `id`, without duplicates, in edge order. */
export function blockersOf(edges: readonly Edge[], id: string): string[] {
  const blockers = new Set<string>();
  for (const edge of edges) {
    if (edge.to === id) blockers.add(edge.from);
  }
  return [...blockers];
}
