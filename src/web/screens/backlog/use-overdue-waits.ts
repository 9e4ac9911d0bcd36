/**
 * The items waiting on an external dependency past its expected date, read from the dependency map: one
 * Set per map, looked up per row. The map holds at most MAX_GRAPH_NODES nodes (critical path first, then
 * rank order), so on a product whose dependencies outgrow it the items past the cut carry no flag.
 */
import { useMemo } from 'react';
import type { DependencyMapT } from '../../api/analysis.ts';
import { useDependencyGraph } from '../../state/use-analysis.ts';

/** Ids of the items of the map that wait on an overdue external dependency. */
export function overdueWaits(map: DependencyMapT | undefined): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const node of map?.nodes ?? []) {
    if (node.kind === 'item' && node.waitingOnOverdue && !node.foreign) ids.add(node.id);
  }
  return ids;
}

export function useOverdueWaits(productId: string): ReadonlySet<string> {
  const { data } = useDependencyGraph(productId);
  return useMemo(() => overdueWaits(data), [data]);
}
