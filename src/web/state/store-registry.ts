/**
 * One planning store per product, held in the query cache under `['product', id, 'planning']` and kept while
 * the tab lives (switching back to a product is instant). Logging out clears the cache, and the stores
 * with it: the next user must not see this one's data.
 */
import { useQuery } from '@tanstack/react-query';
import type { ProductT } from '../api/types.ts';
import { ProductStore } from './product-store.ts';
import { queryKeys } from './query-keys.ts';

/** A new store for the product, already loading. */
function startStore(product: ProductT): ProductStore {
  const store = new ProductStore(product);
  void store.load();
  return store;
}

/**
 * The product's store. It is the query's data from the first render on (its initial data, created and set
 * loading when the cache has none); the store's own load and the live stream keep it current, so the query
 * is never stale and never collected.
 */
export function useProductStore(product: ProductT): ProductStore {
  const { data } = useQuery({
    queryKey: queryKeys.planning(product.id),
    // Runs only if someone invalidates the planning query: load the held store again, in place.
    queryFn: async ({ client, queryKey }) => {
      const held = client.getQueryData<ProductStore>(queryKey);
      if (!held) return startStore(product);
      await held.load();
      return held;
    },
    initialData: () => startStore(product),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    // The store's version, not the query's answer, tells the screens when it changed (use-store.ts).
    notifyOnChangeProps: ['data'],
    structuralSharing: false,
  });
  return data;
}
