/**
 * What an address names, read from its path alone: pure functions with no imports, shared by the app
 * (routes.ts) and the inline boot script (boot/boot.ts), which runs before any of the app's code.
 */

export const ITEM_KEY_PATTERN = /^\/([A-Za-z]{2,10}-\d+)$/;

/** The product key of an item key: CHK-42 → CHK. */
export function productKeyOf(itemKey: string): string {
  return itemKey.slice(0, itemKey.lastIndexOf('-')).toUpperCase();
}

/** The item key in a path like /CHK-42, or null. */
export function itemKeyInPath(pathname: string): string | null {
  const match = ITEM_KEY_PATTERN.exec(pathname);
  return match?.[1] ? match[1].toUpperCase() : null;
}

/** The product key in an address like /p/CHK/backlog or /CHK-42, or null. */
export function productKeyInPath(pathname: string): string | null {
  const itemKey = itemKeyInPath(pathname);
  if (itemKey) return productKeyOf(itemKey);
  return /^\/p\/([A-Za-z]{2,10})(\/|$)/.exec(pathname)?.[1]?.toUpperCase() ?? null;
}

/**
 * The addresses that show backlog rows first: the backlog, and an item's (its panel over the backlog).
 * `/p/KEY` alone is the product home, which shows none.
 */
export function showsBacklogRows(pathname: string): boolean {
  return itemKeyInPath(pathname) !== null || /^\/p\/[A-Za-z]{2,10}\/backlog\/?$/.test(pathname);
}
