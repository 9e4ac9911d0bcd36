/** The app's URLs in one place, so links and tests agree. */
import { createContext, useContext } from 'react';
import { type Location, useLocation } from 'react-router';

export { ITEM_KEY_PATTERN, itemKeyInPath, productKeyOf } from './addresses.ts';

export const paths = {
  home: () => '/',
  products: () => '/products',
  /** Your API tokens and calendar feed. */
  account: () => '/account',
  /** The product home: what is overdue, the leading screens, the vision's first lines. */
  productHome: (productKey: string) => `/p/${productKey}`,
  vision: (productKey: string) => `/p/${productKey}/vision`,
  backlog: (productKey: string) => `/p/${productKey}/backlog`,
  roadmap: (productKey: string) => `/p/${productKey}/roadmap`,
  audiences: (productKey: string, view?: 'executive' | 'customer' | 'team') =>
    `/p/${productKey}/roadmap/audiences${view ? `?view=${view}` : ''}`,
  timeline: (productKey: string) => `/p/${productKey}/timeline`,
  initiative: (productKey: string, id: string) => `/p/${productKey}/initiatives/${id}`,
  sprints: (productKey: string) => `/p/${productKey}/sprints`,
  sprint: (productKey: string, id: string) => `/p/${productKey}/sprints/${id}`,
  board: (productKey: string) => `/p/${productKey}/board`,
  reports: (productKey: string) => `/p/${productKey}/reports`,
  releases: (productKey: string) => `/p/${productKey}/releases`,
  grooming: (productKey: string) => `/p/${productKey}/grooming`,
  dependencies: (productKey: string) => `/p/${productKey}/dependencies`,
  health: (productKey: string) => `/p/${productKey}/health`,
  release: (productKey: string, id: string) => `/p/${productKey}/releases/${id}`,
  storyMaps: (productKey: string) => `/p/${productKey}/story-maps`,
  prds: (productKey: string) => `/p/${productKey}/prds`,
  prd: (productKey: string, id: string) => `/p/${productKey}/prds/${id}`,
  storyMap: (productKey: string, id: string) => `/p/${productKey}/story-maps/${id}`,
  /** Import from Jira, Trello, Linear or Markdown (editors), and the product's exports. */
  imports: (productKey: string) => `/p/${productKey}/import`,
  webhooks: (productKey: string) => `/p/${productKey}/webhooks`,
  item: (itemKey: string) => `/${itemKey}`,
};

/**
 * The address the window shows. Under an item panel the routes render with the background location (the
 * screen underneath stays as it was), so there useLocation() names that screen; the panel's own URL and its
 * state (background, depth) are here. Provided by app.tsx.
 */
export const PageLocationContext = createContext<Location | null>(null);

export function usePageLocation(): Location {
  const routed = useLocation();
  return useContext(PageLocationContext) ?? routed;
}
