/**
 * Starts loading what the address shows before React has rendered anything: the requests run while the
 * app boots and the session is checked, instead of after. For an item's address (/CHK-42) the item comes
 * first; for every product page the backlog's first page, then the whole backlog (the big request), so the
 * first rows are drawn before the rest has arrived. GET /backlog takes the product key, so no lookup of the
 * id has to come first.
 */

import { showsBacklogRows } from '../addresses.ts';
import { backlogApi, itemsApi } from '../api/items.ts';
import type { BacklogItemT, ItemT } from '../api/types.ts';
import { FIRST_PAGE } from '../boot/first-reads.ts';

export interface BacklogSnapshot {
  items: BacklogItemT[];
  cursor: string;
}

/** The backlog's first page and the whole backlog, asked for together (the small one first). */
export interface BacklogRequests {
  firstPage: Promise<BacklogSnapshot>;
  whole: Promise<BacklogSnapshot>;
}

/** How long a prefetched answer may wait to be used (afterwards it is asked for again). */
const FRESH_MS = 15_000;

const backlogs = new Map<string, { at: number; requests: BacklogRequests }>();
const items = new Map<string, { at: number; item: Promise<ItemT> }>();

/**
 * Asks for a product's backlog (by id or key): its first page (unless `firstPage` is false: a screen that
 * shows no rows, which would only wait behind one more request), and right behind it the whole of it —
 * or, given `after`, once that has settled.
 */
export function requestBacklog(
  product: string,
  { firstPage = true, after }: { firstPage?: boolean; after?: Promise<unknown> } = {},
): BacklogRequests {
  const first = firstPage ? backlogApi.get(product, FIRST_PAGE) : new Promise<BacklogSnapshot>(() => {});
  const whole = after
    ? after.then(
        () => backlogApi.get(product),
        () => backlogApi.get(product),
      )
    : backlogApi.get(product);
  // A failure is the store's to report, when it asks.
  first.catch(() => undefined);
  whole.catch(() => undefined);
  return { firstPage: first, whole };
}

/**
 * The backlog of the address's product. Given `item` (an item's address), the whole backlog is asked for
 * once the item is in: arriving first, its parsing and the list's rows held the panel up behind them (on a
 * busy machine the whole backlog was in before the panel's content in 3 loads of 4).
 */
export function prefetchBacklog(productKey: string, pathname: string, item?: Promise<unknown>): void {
  const requests = requestBacklog(productKey, { firstPage: showsBacklogRows(pathname), after: item });
  backlogs.set(productKey, { at: Date.now(), requests });
}

/** The prefetched backlog requests for this product if they are fresh (each is used once). */
export function takePrefetchedBacklog(productKey: string): BacklogRequests | null {
  const entry = backlogs.get(productKey);
  backlogs.delete(productKey);
  if (!entry || Date.now() - entry.at > FRESH_MS) return null;
  return entry.requests;
}

/** Asks for the full item of an item address (/CHK-42), which its panel shows first. */
export function prefetchItem(itemKey: string): Promise<ItemT> {
  const item = itemsApi.get(itemKey);
  item.catch(() => undefined); // the panel reports it
  items.set(itemKey.toUpperCase(), { at: Date.now(), item });
  return item;
}

/** The prefetched item for this key if there is a fresh one (each is used once). */
export function takePrefetchedItem(itemKey: string): Promise<ItemT> | null {
  const key = itemKey.toUpperCase();
  const entry = items.get(key);
  items.delete(key);
  if (!entry || Date.now() - entry.at > FRESH_MS) return null;
  return entry.item;
}
