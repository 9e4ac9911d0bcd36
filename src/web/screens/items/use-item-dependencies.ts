/**
 * What blocks an item, what it blocks and its external dependencies, fetched for the open panel and fetched
 * again when a live event touches one of them (someone else linking, unlinking or marking one met).
 */
import { type Dispatch, type SetStateAction, useEffect, useRef, useState } from 'react';
import { dependenciesApi } from '../../api/dependencies.ts';
import type { EventT, ItemDependenciesT } from '../../api/types.ts';
import type { ProductStore } from '../../state/product-store.ts';

export interface ItemDependencies {
  deps: ItemDependenciesT | null;
  setDeps: Dispatch<SetStateAction<ItemDependenciesT | null>>;
  error: string | null;
}

function mentions(event: EventT, itemId: string): boolean {
  return Object.values(event.changes).some(([before, after]) => before === itemId || after === itemId);
}

export function useItemDependencies(store: ProductStore, itemId: string): ItemDependencies {
  const [deps, setDeps] = useState<ItemDependenciesT | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  // Read by the event listener without re-subscribing on every change.
  const depsRef = useRef(deps);
  depsRef.current = deps;

  useEffect(() => {
    void generation;
    const controller = new AbortController();
    dependenciesApi
      .ofItem(itemId, controller.signal)
      .then((fetched) => {
        setDeps(fetched);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError((caught as Error).message);
      });
    return () => controller.abort();
  }, [itemId, generation]);

  useEffect(
    () =>
      store.onEvent((event) => {
        const concerns =
          (event.entityType === 'dependency' && mentions(event, itemId)) ||
          (event.entityType === 'external_dependency' &&
            (mentions(event, itemId) || depsRef.current?.external.some((e) => e.id === event.entityId)));
        if (concerns) setGeneration((n) => n + 1);
      }),
    [store, itemId],
  );

  return { deps, setDeps, error };
}
