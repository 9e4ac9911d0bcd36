/**
 * Starts loading the backlog of the product in the address before React has rendered anything: the
 * request runs while the app boots and the session is checked, instead of after. GET /backlog takes the
 * product key, so no lookup of the id has to come first.
 */
import { api } from '../api/client.ts';
import type { BacklogItemT } from '../api/types.ts';
import { itemKeyInPath, productKeyOf } from '../routes.ts';

export interface BacklogSnapshot {
  items: BacklogItemT[];
  cursor: string;
}

const started = new Map<string, { at: number; snapshot: Promise<BacklogSnapshot> }>();

/** How long a prefetched snapshot may wait to be used (afterwards the store asks again). */
const FRESH_MS = 15_000;

/** The product key in an address like /p/CHK/backlog or /CHK-42, or null. */
export function productKeyInPath(pathname: string): string | null {
  const itemKey = itemKeyInPath(pathname);
  if (itemKey) return productKeyOf(itemKey);
  return /^\/p\/([A-Za-z]{2,10})(\/|$)/.exec(pathname)?.[1]?.toUpperCase() ?? null;
}

export function prefetchBacklog(productKey: string): void {
  const snapshot = api.get<BacklogSnapshot>(`/products/${productKey}/backlog`);
  snapshot.catch(() => undefined); // a failure is the store's to report, when it asks
  started.set(productKey, { at: Date.now(), snapshot });
}

/** The prefetched snapshot for this product if there is a fresh one (each is used once). */
export function takePrefetchedBacklog(productKey: string): Promise<BacklogSnapshot> | null {
  const entry = started.get(productKey);
  started.delete(productKey);
  if (!entry || Date.now() - entry.at > FRESH_MS) return null;
  return entry.snapshot;
}
