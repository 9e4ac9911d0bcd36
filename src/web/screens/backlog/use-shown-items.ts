/** The rows the backlog shows: the ranked items through the filters, recomputed only when either changes. */
import { useMemo } from 'react';
import type { BacklogItemT } from '../../api/types.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { isPending } from './add-item.ts';
import { type BacklogFilters, filterItems, labelsInUse } from './backlog-filters.ts';

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

export function useShownItems(store: ProductStore, filters: BacklogFilters): ShownItems {
  const { version } = store;
  // The ordered list is rebuilt once per store change, not once per filter keystroke.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` stands for the store's contents
  const all = useMemo(() => store.orderedItems(), [store, version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const labels = useMemo(() => labelsInUse(store.items.values()), [store, version]);
  const shown = useMemo(() => filterItems(all, filters), [all, filters]);
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
