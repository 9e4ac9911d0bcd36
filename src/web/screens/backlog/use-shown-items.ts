/**
 * The rows the backlog shows: the ranked items through the filters and the sort, recomputed only when one of
 * them changes. Readiness and blocked state come from the reports, read only while a filter asks for them.
 */
import { useMemo } from 'react';
import type { BacklogItemT } from '../../api/types.ts';
import { useReadinessIndex } from '../../components/use-readiness-index.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { useDependencyGraph } from '../../state/use-analysis.ts';
import { isPending } from './add-item.ts';
import { type BacklogFilters, type FilterContext, filterItems, labelsInUse } from './backlog-filters.ts';
import { sortItems } from './backlog-sort.ts';

export interface ShownItems {
  shown: BacklogItemT[];
  /** Every item of the product (the M of "N of M"). */
  total: number;
  /** Points of the shown items, and how many of them have no estimate. */
  points: number;
  unestimated: number;
  /** Labels in use anywhere in the product. */
  labels: string[];
}

/** What the filters match rows against besides the rows themselves (see FilterContext). */
export function useFilterContext(store: ProductStore, filters: BacklogFilters): FilterContext {
  const productId = store.product.id;
  const readiness = useReadinessIndex(productId, filters.readiness.length > 0);
  const graph = useDependencyGraph(productId, undefined, filters.blocked.length > 0);
  const { version } = store;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` stands for the store's contents
  const themeOf = useMemo(() => {
    const map = new Map<string, string | null>();
    for (const initiative of store.initiatives.values()) map.set(initiative.id, initiative.themeId);
    return map;
  }, [store, version]);
  const ready = useMemo(() => {
    const map = new Map<string, boolean>();
    for (const [id, entry] of readiness) map.set(id, entry.text === '');
    return map;
  }, [readiness]);
  const nodes = graph.data?.nodes;
  const blocked = useMemo(() => {
    const ids = new Set<string>();
    for (const node of nodes ?? []) if (node.kind === 'item' && node.blocked) ids.add(node.id);
    return ids;
  }, [nodes]);
  return useMemo(() => ({ themeOf, ready, blocked }), [themeOf, ready, blocked]);
}

export function useShownItems(store: ProductStore, filters: BacklogFilters): ShownItems {
  const { version } = store;
  // The ordered list is rebuilt once per store change, not once per filter keystroke.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` stands for the store's contents
  const all = useMemo(() => store.orderedItems(), [store, version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const labels = useMemo(() => labelsInUse(store.items.values()), [store, version]);
  const context = useFilterContext(store, filters);
  const filtered = useMemo(() => filterItems(all, filters, context), [all, filters, context]);
  const { sort } = filters;
  const shown = useMemo(() => sortItems(filtered, sort), [filtered, sort]);
  const { points, unestimated } = useMemo(() => {
    let sum = 0;
    let missing = 0;
    for (const item of shown) {
      if (item.estimate === null) missing += isPending(item.id) ? 0 : 1;
      else sum += item.estimate;
    }
    return { points: sum, unestimated: missing };
  }, [shown]);
  return { shown, total: all.length, points, unestimated, labels };
}
