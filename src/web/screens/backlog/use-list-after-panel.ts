/**
 * An item's address opened directly (/CHK-42) is there for the item: its panel shows first, and the backlog
 * list beneath it is mounted only once the panel has its item (or the load has settled without it: the
 * whole backlog is in, or it failed), in a transition that the panel's own updates interrupt. Building and
 * laying out the list's rows first held the panel up behind them (a trace of the first load on a busy
 * machine had the panel's content drawn in the same task as the list's rows and their layout).
 */
import { startTransition, useEffect, useState } from 'react';
import type { ProductStore } from '../../state/product-store.ts';

/** Whether the store holds the full item of this key (what the panel shows). */
function holdsFullItem(store: ProductStore, key: string): boolean {
  const id = store.idByKey.get(key);
  return id !== undefined && store.fullItems.has(id);
}

/** True once the list may be mounted: at once, unless the page was opened at an item's address. */
export function useListAfterPanel(store: ProductStore, openKey: string | null): boolean {
  // Decided once, at the screen's first render: an item opened later from the list leaves the list alone.
  const [waits] = useState(
    () => openKey !== null && store.state !== 'ready' && !holdsFullItem(store, openKey),
  );
  const [shown, setShown] = useState(!waits);
  const settled =
    !waits ||
    store.state === 'ready' ||
    store.state === 'error' ||
    openKey === null ||
    holdsFullItem(store, openKey);
  useEffect(() => {
    if (settled && !shown) startTransition(() => setShown(true));
  }, [settled, shown]);
  return shown;
}
