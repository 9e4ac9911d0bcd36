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
  /** The vision's draft, its versions and their diffs (each below this prefix). */
  vision: (productId: string) => ['product', productId, 'vision'] as const,
  /** The product's webhooks, and below them each webhook's delivery log. */
  webhooks: (productId: string) => ['product', productId, 'webhooks'] as const,
  webhookDeliveries: (productId: string, webhookId: string) =>
    ['product', productId, 'webhooks', webhookId, 'deliveries'] as const,
  visionDraft: (productId: string) => ['product', productId, 'vision', 'draft'] as const,
  visionVersions: (productId: string) => ['product', productId, 'vision', 'versions'] as const,
  visionDiff: (productId: string, from: string, to: string) =>
    ['product', productId, 'vision', 'diff', from, to] as const,
  /**
   * The cadences: read from events of many kinds (reviews, releases, sprints, items, the vision), so they
   * sit under the computed reports' prefix and go stale with the plan.
   */
  cadences: (productId: string) => ['product', productId, 'analysis', 'cadences'] as const,
  /** The process profile (GET /products/{id}/process): which screens lead. */
  process: (productId: string) => ['product', productId, 'process'] as const,
  /** The prefix of every PRD query: the list, an initiative's, one PRD and its gaps. */
  prds: (productId: string) => ['product', productId, 'prds'] as const,
  prdList: (productId: string) => ['product', productId, 'prds', 'list'] as const,
  prdTrash: (productId: string) => ['product', productId, 'prds', 'trash'] as const,
  initiativePrds: (productId: string, initiativeId: string) =>
    ['product', productId, 'prds', 'initiative', initiativeId] as const,
  prd: (productId: string, prdId: string) => ['product', productId, 'prds', 'detail', prdId] as const,
  prdGaps: (productId: string, prdId: string) => ['product', productId, 'prds', 'gaps', prdId] as const,
  /** The product's saved backlog views (GET /products/{id}/views). */
  views: (productId: string) => ['product', productId, 'views'] as const,
  /**
   * The prefix of the roadmap's baselines, their diffs and its changelog: under the plan's reports
   * (`analysis`), so that any initiative change marks the diff against now and the changelog stale.
   */
  baselines: (productId: string) => ['product', productId, 'analysis', 'baselines'] as const,
  baselineList: (productId: string) => ['product', productId, 'analysis', 'baselines', 'list'] as const,
  baselineDiff: (productId: string, baselineId: string, against: string) =>
    ['product', productId, 'analysis', 'baselines', 'diff', baselineId, against] as const,
  roadmapChangelog: (productId: string) =>
    ['product', productId, 'analysis', 'baselines', 'changelog'] as const,
  /** The prefix of every story map query; the list, then one map (GET /story-maps/{id}). */
  storyMaps: (productId: string) => ['product', productId, 'story-maps'] as const,
  storyMapList: (productId: string) => ['product', productId, 'story-maps', 'list'] as const,
  storyMap: (productId: string, mapId: string) =>
    ['product', productId, 'story-maps', 'detail', mapId] as const,
  /** One audience view of the roadmap: presented from the plan, so kept under the reports' prefix. */
  audienceView: (productId: string, view: string) =>
    ['product', productId, 'analysis', 'audience-view', view] as const,
  /** The prefix of every comment query of the product: threads, and the comment settings. */
  comments: (productId: string) => ['product', productId, 'comments'] as const,
  commentThread: (productId: string, entityType: string, entityId: string) =>
    ['product', productId, 'comments', entityType, entityId] as const,
  commentSettings: (productId: string) => ['product', productId, 'comments', 'settings'] as const,
  /** The signed-in user's notifications (of every product: the one key outside a product). */
  notifications: () => ['notifications'] as const,
  unreadNotifications: () => ['notifications', 'unread-count'] as const,
  notificationList: () => ['notifications', 'list'] as const,
  /** The product's live share links (GET /products/{id}/share-links). */
  shareLinks: (productId: string) => ['product', productId, 'share-links'] as const,
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
