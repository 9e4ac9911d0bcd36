/**
 * The full item behind the panel. What the store already holds shows at once (no spinner on a click); the
 * item is read through the query cache each time the panel opens, and put into the store, whose live events
 * keep it current afterwards.
 */
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { itemsApi } from '../../api/items.ts';
import type { BacklogItemT, ItemT } from '../../api/types.ts';
import { takePrefetchedItem } from '../../state/prefetch.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { queryKeys } from '../../state/query-keys.ts';

export type FetchState = 'loading' | 'done' | 'missing' | 'error';

export interface FullItem {
  /** The item with every field, once fetched (or cached by an earlier visit). */
  item: ItemT | undefined;
  /** The backlog row, available immediately for a live item. */
  summary: BacklogItemT | undefined;
  fetchState: FetchState;
  error: string | null;
  retry: () => void;
}

/**
 * The summary's fields win when it is at least as new: a move or a live change may reach the row first, and
 * optimistic edits patch both alike.
 */
function merged(summary: BacklogItemT | undefined, full: ItemT | undefined): ItemT | undefined {
  if (!full || !summary || summary.version < full.version) return full;
  const { type, title, status, estimate, initiativeId, labels, assigneeId, rank, version } = summary;
  return { ...full, type, title, status, estimate, initiativeId, labels, assigneeId, rank, version };
}

/** Reads the item and hands it to the store; an item of another product is answered as null (not here). */
async function readItem(store: ProductStore, key: string, signal: AbortSignal): Promise<ItemT | null> {
  // An item address opened directly asked for its item before the app had rendered (state/prefetch.ts).
  const item = await (takePrefetchedItem(key) ?? itemsApi.get(key, signal));
  if (item.productId !== store.product.id) return null;
  store.acceptItem(item);
  if (!store.fullItems.has(item.id)) store.fullItems.set(item.id, item);
  store.changed();
  return item;
}

export function useFullItem(store: ProductStore, itemKey: string): FullItem {
  const key = itemKey.toUpperCase();
  const read = useQuery({
    queryKey: queryKeys.item(store.product.id, key),
    queryFn: ({ signal }) => readItem(store, key, signal),
    // Read again each time the panel opens: the store's copy shows meanwhile.
    staleTime: 0,
  });

  const missing =
    read.data === null || (read.error instanceof ApiError && read.error.status === 404 && !read.data);
  const fetchState: FetchState = missing
    ? 'missing'
    : read.data
      ? 'done'
      : read.isError
        ? 'error'
        : 'loading';
  // A trashed item is no longer in the store's key index: remember the id the server gave.
  const id = store.idByKey.get(key) ?? read.data?.id ?? undefined;
  const summary = id ? store.items.get(id) : undefined;
  const full = id ? store.fullItems.get(id) : undefined;
  return {
    item: merged(summary, full),
    summary,
    fetchState,
    error: read.error ? read.error.message : null,
    retry: () => void read.refetch(),
  };
}
