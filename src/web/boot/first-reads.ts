/**
 * The API reads an address needs first, as paths under /api/v1: the inline boot script (boot.ts) sends
 * them while the app's code is still downloading and starting, and the app's client takes the answers
 * (api/boot-answers.ts). Each path is the one the app's own request for it has (first-reads.test.ts
 * checks that against the client), so an answer is found by its path.
 */
import { itemKeyInPath, productKeyInPath, showsBacklogRows } from '../addresses.ts';

/** Rows enough to fill a tall window: drawn while the rest of the backlog is on its way. */
export const FIRST_PAGE = 100;

/**
 * In the order they go out: the session (the user and their products), the item of an item address, the
 * backlog's first page where rows show first, the product's planning reads when its id is known here
 * (`productId`), then the whole backlog, the heaviest answer, of a product's address (not an item's).
 */
export function firstReads(pathname: string, productId: string | null = null): string[] {
  const reads = ['/auth/me', '/products'];
  const itemKey = itemKeyInPath(pathname);
  // An item's comment thread goes with it: the panel shows it below the item (api/comments.ts reads it by key).
  if (itemKey) reads.push(`/items/${itemKey}`, `/items/${itemKey}/comments`);
  const productKey = productKeyInPath(pathname);
  const storyMapId = storyMapIdInPath(pathname);
  if (productKey && storyMapId) {
    // A story map's address: its map, which holds what its cards show, and not the whole backlog, the
    // heaviest answer, which the map does not wait for (the app asks for it itself once started).
    reads.push(`/story-maps/${storyMapId}`);
    if (productId) reads.push(...planningReads(productId));
    return reads;
  }
  if (productKey) {
    if (showsBacklogRows(pathname)) reads.push(`/products/${productKey}/backlog?limit=${FIRST_PAGE}`);
    if (productId) reads.push(...planningReads(productId));
    // Not for an item's address: the whole backlog, in before the panel was drawn, held it up behind its
    // parsing and its list's first layout (item cold 3.2 s against 2.6 s, same window, loaded machine);
    // the app asks for it itself once started, as before.
    if (!itemKey) reads.push(`/products/${productKey}/backlog`);
  }
  return reads;
}

const STORY_MAP_ADDRESS = /^\/p\/[A-Za-z]{2,10}\/story-maps\/([0-9a-f-]{36})\/?$/;

/** The id of the story map an address shows, or null. */
export function storyMapIdInPath(pathname: string): string | null {
  return STORY_MAP_ADDRESS.exec(pathname)?.[1] ?? null;
}

/** The lazy screen an address opens on, whose code is worth fetching at once, or null. */
export function screenOf(pathname: string): 'roadmap' | 'timeline' | 'item' | 'story-map' | null {
  if (itemKeyInPath(pathname)) return 'item';
  if (storyMapIdInPath(pathname)) return 'story-map';
  return (
    (/^\/p\/[A-Za-z]{2,10}\/(roadmap|timeline)\/?$/.exec(pathname)?.[1] as 'roadmap' | 'timeline' | null) ??
    null
  );
}

/** What a product's planning store reads beside the backlog (product-store.ts), once its id is known. */
export function planningReads(productId: string): string[] {
  return [
    `/products/${productId}/initiatives`,
    `/products/${productId}/themes`,
    `/products/${productId}/objectives`,
    '/users',
  ];
}
