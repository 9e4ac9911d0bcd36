/**
 * Every query key of the web app, in one place. Each starts with `['product', productId]`, so one product's
 * entries can be found, invalidated or dropped together (`queryKeys.product(id)` is their common prefix).
 */
import type { ChartSource } from '../api/charts.ts';
import type { SprintStateT, TeamFilter } from '../api/execution.ts';

/** The computed reports the web reads (query-keys.report). */
export type AnalysisName =
  | 'readiness'
  | 'definition-of-ready'
  | 'grooming'
  | 'dependency-graph'
  | 'sequence'
  | 'alignment'
  | 'forecast'
  | 'review-figures'
  | 'reviews';

export const queryKeys = {
  /** The prefix of everything held for one product. */
  product: (productId: string) => ['product', productId] as const,
  /** The product's planning store (store-registry.ts): backlog, initiatives, themes, objectives, users. */
  planning: (productId: string) => ['product', productId, 'planning'] as const,
  /** The prefix of every team and sprint list (invalidated together when a team or sprint changes). */
  lists: (productId: string) => ['product', productId, 'lists'] as const,
  teams: (productId: string) => ['product', productId, 'lists', 'teams'] as const,
  sprints: (productId: string, filter: { teamId?: TeamFilter; state?: SprintStateT } = {}) =>
    ['product', productId, 'lists', 'sprints', filter] as const,
  /** GET /sprints/{id}, and below it the sprint's report. */
  sprint: (productId: string, sprintId: string) => ['product', productId, 'sprint', sprintId] as const,
  sprintReport: (productId: string, sprintId: string) =>
    ['product', productId, 'sprint', sprintId, 'report'] as const,
  /** The prefix of every release query; the list, then one release's detail. */
  releases: (productId: string) => ['product', productId, 'releases'] as const,
  releaseList: (productId: string) => ['product', productId, 'releases', 'list'] as const,
  release: (productId: string, releaseId: string) =>
    ['product', productId, 'releases', 'detail', releaseId] as const,
  /** The product's saved backlog views (GET /products/{id}/views). */
  views: (productId: string) => ['product', productId, 'views'] as const,
  /** The full item behind the panel, by key as in the address. */
  item: (productId: string, itemKey: string) =>
    ['product', productId, 'item', itemKey.toUpperCase()] as const,
  itemDependencies: (productId: string, itemId: string) =>
    ['product', productId, 'item-dependencies', itemId] as const,
  /** An item's history at one version of the item: every saved change asks for it again. */
  itemHistory: (productId: string, itemId: string, version: number) =>
    ['product', productId, 'item-history', itemId, version] as const,
  /**
   * The prefix of every computed report on the product's plan (readiness, grooming, dependency map,
   * sequence, alignment, forecast, reviews): any change to the plan can change them, so the live bridge
   * marks them all stale at once; only those on screen are read again.
   */
  analysis: (productId: string) => ['product', productId, 'analysis'] as const,
  report: (productId: string, name: AnalysisName, params: Record<string, unknown> = {}) =>
    ['product', productId, 'analysis', name, params] as const,
  /** The prefix of every chart read from one path (`/sprints/{id}/burndown` of each sprint, ...). */
  chartPath: (productId: string, path: string) => ['product', productId, 'chart', path] as const,
  chart: (productId: string, source: Pick<ChartSource, 'path' | 'params'>) =>
    ['product', productId, 'chart', source.path, source.params] as const,
};

export type QueryKeyT = readonly unknown[];
