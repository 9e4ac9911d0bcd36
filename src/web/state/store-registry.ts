/** One store per product, kept while the tab lives, so switching back to a product is instant. */
import type { ProductT } from '../api/types.ts';
import { ProductStore } from './product-store.ts';

const stores = new Map<string, ProductStore>();

export function storeFor(product: ProductT): ProductStore {
  let store = stores.get(product.id);
  if (!store) {
    store = new ProductStore(product);
    stores.set(product.id, store);
    void store.load();
  }
  return store;
}

/** Forgets every store (on logout: the next user must not see this one's data). */
export function clearStores(): void {
  stores.clear();
}
