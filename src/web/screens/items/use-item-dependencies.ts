/**
 * What blocks an item, what it blocks and its external dependencies, read through the query cache for the
 * open panel. The live bridge (state/live-invalidation.ts) marks them stale when an event touches one of them
 * (someone else linking, unlinking or marking one met); the panel's own changes go through
 * dependency-mutations.ts.
 */
import { useQuery } from '@tanstack/react-query';
import { dependenciesApi } from '../../api/dependencies.ts';
import type { ItemDependenciesT } from '../../api/types.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { queryKeys } from '../../state/query-keys.ts';

export interface ItemDependencies {
  deps: ItemDependenciesT | null;
  error: string | null;
}

export function useItemDependencies(store: ProductStore, itemId: string): ItemDependencies {
  const productId = store.product.id;
  const { data, error } = useQuery({
    queryKey: queryKeys.itemDependencies(productId, itemId),
    queryFn: ({ signal }) => dependenciesApi.ofItem(itemId, signal),
  });
  return { deps: data ?? null, error: error ? error.message : null };
}
