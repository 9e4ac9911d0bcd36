/**
 * The one bridge from the live stream to the query cache: each event the product's store applies names the
 * cached reads it makes stale (invalidation-rules.ts); a burst of events is coalesced into one invalidation
 * a moment later, and the screens showing those reads fetch them again while still showing the last answer.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { SprintDetailT } from '../api/execution.ts';
import type { StoryMapT } from '../api/story-maps.ts';
import type { ItemDependenciesT } from '../api/types.ts';
import { type HeldQueries, keysTouchedBy } from './invalidation-rules.ts';
import type { ProductStore } from './product-store.ts';
import { type QueryKeyT, queryKeys } from './query-keys.ts';

/** A burst of events (a bulk move, a sprint closing) waits this long after its last event. */
export const DEBOUNCE_MS = 250;
/** ... but a steady stream of events still refreshes the screens this often. */
const MAX_WAIT_MS = 1000;

/** What the cache holds that the rules need, read at the moment an event arrives. */
function heldQueries(client: QueryClient, productId: string): HeldQueries {
  const sprints = client
    .getQueriesData<SprintDetailT>({ queryKey: [...queryKeys.product(productId), 'sprint'] })
    .flatMap(([key, detail]) => {
      // Only the details (`[..., 'sprint', id]`), not their reports; one still loading has no items yet.
      const sprintId = key[3];
      return key.length === 4 && typeof sprintId === 'string'
        ? [{ sprintId, itemIds: new Set((detail?.items ?? []).map((item) => item.id)) }]
        : [];
    });
  const dependencies = client
    .getQueriesData<ItemDependenciesT>({ queryKey: [...queryKeys.product(productId), 'item-dependencies'] })
    .flatMap(([key, deps]) => {
      const itemId = key[3];
      return typeof itemId === 'string'
        ? [{ itemId, externalIds: new Set((deps?.external ?? []).map((e) => e.id)) }]
        : [];
    });
  const storyMaps = client
    .getQueriesData<StoryMapT>({ queryKey: [...queryKeys.storyMaps(productId), 'detail'] })
    .flatMap(([key, map]) => {
      const mapId = key[4];
      return typeof mapId === 'string' && map
        ? [{ mapId, itemIds: new Set(map.cards.map((c) => c.itemId)) }]
        : [];
    });
  return { sprints, dependencies, storyMaps };
}

/** Starts invalidating the cache from the store's live events; returns the function that stops it. */
export function invalidateFromLive(client: QueryClient, store: ProductStore): () => void {
  const pending = new Map<string, QueryKeyT>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt = 0;

  const flush = () => {
    timer = undefined;
    const keys = [...pending.values()];
    pending.clear();
    for (const queryKey of keys) void client.invalidateQueries({ queryKey });
  };

  const stop = store.onEvent((event, entity) => {
    const productId = store.product.id;
    const keys = keysTouchedBy(productId, event, entity, heldQueries(client, productId));
    if (keys.length === 0) return;
    if (pending.size === 0) firstPendingAt = Date.now();
    for (const key of keys) pending.set(JSON.stringify(key), key);
    clearTimeout(timer);
    const waited = Date.now() - firstPendingAt;
    timer = setTimeout(flush, Math.max(0, Math.min(DEBOUNCE_MS, MAX_WAIT_MS - waited)));
  });

  return () => {
    stop();
    clearTimeout(timer);
  };
}
