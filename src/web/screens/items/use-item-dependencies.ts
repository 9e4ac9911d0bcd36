/**
 * What blocks an item, what it blocks and its external dependencies, read through the query cache for the
 * open panel. The live bridge (state/live-invalidation.ts) marks them stale when an event touches one of them
 * (someone else linking, unlinking or marking one met); `setDeps` changes the held answer at once (the
 * panel's own optimistic edits).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type SetStateAction, useCallback } from 'react';
import { api } from '../../api/client.ts';
import type { ItemDependenciesT } from '../../api/types.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { queryKeys } from '../../state/query-keys.ts';

export interface ItemDependencies {
  deps: ItemDependenciesT | null;
  setDeps: (update: SetStateAction<ItemDependenciesT | null>) => void;
  error: string | null;
}

export function useItemDependencies(store: ProductStore, itemId: string): ItemDependencies {
  const queryClient = useQueryClient();
  const productId = store.product.id;
  const { data, error } = useQuery({
    queryKey: queryKeys.itemDependencies(productId, itemId),
    queryFn: ({ signal }) => api.get<ItemDependenciesT>(`/items/${itemId}/dependencies`, { signal }),
  });
  const setDeps = useCallback(
    (update: SetStateAction<ItemDependenciesT | null>) =>
      queryClient.setQueryData<ItemDependenciesT>(
        queryKeys.itemDependencies(productId, itemId),
        (held) => (typeof update === 'function' ? update(held ?? null) : update) ?? undefined,
      ),
    [queryClient, productId, itemId],
  );
  return { deps: data ?? null, setDeps, error: error ? error.message : null };
}
