/** React access to the current product's store. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ProductStore } from './product-store.ts';

export const StoreContext = createContext<ProductStore | null>(null);

/**
 * The current product's store; the component re-renders whenever the store changes. Screens read the store
 * directly during render (it is synchronous and in memory).
 */
export function useStore(): ProductStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore needs a product: render inside <ProductLayout>');
  useSyncExternalStore(store.subscribe, store.getVersion);
  return store;
}

/** The store without subscribing to its changes (for event handlers in rarely-changing components). */
export function useStoreOnce(): ProductStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStoreOnce needs a product: render inside <ProductLayout>');
  return store;
}
