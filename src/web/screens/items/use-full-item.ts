/**
 * The full item behind the panel. What the store already holds shows at once (no spinner on a click); the
 * item is fetched in the background each time the panel opens, and live events keep it current afterwards.
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { itemsApi } from '../../api/items.ts';
import type { BacklogItemT, ItemT } from '../../api/types.ts';
import { takePrefetchedItem } from '../../state/prefetch.ts';
import type { ProductStore } from '../../state/product-store.ts';

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

export function useFullItem(store: ProductStore, itemKey: string): FullItem {
  const key = itemKey.toUpperCase();
  const [fetchState, setFetchState] = useState<FetchState>('loading');
  const [error, setError] = useState<string | null>(null);
  // A trashed item is no longer in the store's key index: remember the id the server gave.
  const [fetchedId, setFetchedId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void attempt; // "Try again" runs this effect once more
    const controller = new AbortController();
    setFetchState('loading');
    // An item address opened directly asked for its item before the app had rendered (state/prefetch.ts).
    (takePrefetchedItem(key) ?? itemsApi.get(key, controller.signal))
      .then((item) => {
        if (controller.signal.aborted) return;
        if (item.productId !== store.product.id) {
          setFetchState('missing');
          return;
        }
        store.acceptItem(item);
        if (!store.fullItems.has(item.id)) store.fullItems.set(item.id, item);
        setFetchedId(item.id);
        setFetchState('done');
        store.changed();
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        if (caught instanceof ApiError && caught.status === 404) {
          setFetchState('missing');
        } else {
          setError((caught as Error).message);
          setFetchState('error');
        }
      });
    return () => controller.abort();
  }, [store, key, attempt]);

  const id = store.idByKey.get(key) ?? fetchedId ?? undefined;
  const summary = id ? store.items.get(id) : undefined;
  const full = id ? store.fullItems.get(id) : undefined;
  return {
    item: merged(summary, full),
    summary,
    fetchState,
    error,
    retry: () => setAttempt((n) => n + 1),
  };
}
