/**
 * An element id made of words ("help", "Saved views" → "help-saved-views"): an id holds no spaces, since
 * `aria-labelledby` and `aria-describedby` read a space as the start of another id.
 */
export function domId(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-');
}
