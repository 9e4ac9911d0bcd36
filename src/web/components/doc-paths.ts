/** The addresses the header's Docs entry stands for (components/doc-tabs.tsx). */

/** True when `pathname` is one of a product's documents, or one PRD or story map. */
export function isDocPath(pathname: string): boolean {
  return /^\/p\/[^/]+\/(vision|prds|story-maps)(\/[^/]+)?\/?$/.test(pathname);
}
