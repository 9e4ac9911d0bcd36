/**
 * The ids of the products this browser has opened, by key, kept in localStorage: the boot script sends a
 * product's planning reads (which take its id) at once instead of after /products has answered. Only ids,
 * never answers: a stale or foreign id only means reads the app does not take (their paths differ from
 * the ones it asks for), and it asks again itself.
 */
const STORAGE_KEY = 'cairn:productIds';
/** Products remembered at most; the oldest is forgotten first. */
const MAX_PRODUCTS = 20;

function read(): Record<string, string> {
  try {
    const held: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return held && typeof held === 'object' ? (held as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The id of the product with this key, if this browser has opened it. */
export function knownProductId(key: string): string | null {
  const id = read()[key];
  return typeof id === 'string' ? id : null;
}

/** Remembers a product's id (the product layout calls it for each product opened). */
export function rememberProductId(key: string, id: string): void {
  const held = read();
  if (held[key] === id) return;
  delete held[key];
  held[key] = id;
  const keys = Object.keys(held);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PRODUCTS))) delete held[old];
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(held));
  } catch {
    // Storage full or refused: the boot script then waits for /products, as without it.
  }
}
