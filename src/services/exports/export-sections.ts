/**
 * What a product's JSON export holds, section by section: each names a table and how its rows belong to
 * the product (a product_id column, or a parent row that has one). Tables of features that may not be
 * installed (comments, webhooks, imports) are optional. Secrets never leave: a column whose name says
 * hash or secret is dropped (share-link token hashes, webhook secrets).
 */

export type SectionScope =
  | { kind: 'self' }
  | { kind: 'product' }
  /** Rows whose `column` names a row of `parent` in the product. */
  | { kind: 'parent'; column: string; parent: string };

export interface ExportSection {
  /** The key in the export document. */
  name: string;
  table: string;
  scope: SectionScope;
  /** Leave out when the table does not exist (a feature's migration not present). */
  optional?: boolean;
  /** Internal columns that mean nothing outside this database. */
  omit?: readonly string[];
  /** Text columns holding JSON, exported as the JSON they hold. */
  json?: readonly string[];
}

const product = { kind: 'product' } as const;
const under = (column: string, parent: string) => ({ kind: 'parent', column, parent }) as const;

export const EXPORT_SECTIONS: readonly ExportSection[] = [
  { name: 'product', table: 'products', scope: { kind: 'self' } },
  { name: 'settings', table: 'product_settings', scope: product },
  { name: 'objectives', table: 'objectives', scope: product },
  { name: 'themes', table: 'themes', scope: product },
  { name: 'initiatives', table: 'initiatives', scope: product },
  {
    name: 'initiativeObjectives',
    table: 'initiative_objectives',
    scope: under('initiative_id', 'initiatives'),
  },
  { name: 'teams', table: 'teams', scope: product },
  { name: 'teamMembers', table: 'team_members', scope: under('team_id', 'teams') },
  { name: 'sprints', table: 'sprints', scope: product },
  { name: 'sprintScopeItems', table: 'sprint_scope_items', scope: under('sprint_id', 'sprints') },
  { name: 'releases', table: 'releases', scope: product },
  { name: 'items', table: 'items', scope: product, omit: ['seq'] },
  { name: 'itemLabels', table: 'item_labels', scope: under('item_id', 'items') },
  { name: 'dependencies', table: 'dependencies', scope: product },
  { name: 'externalDependencies', table: 'external_dependencies', scope: under('item_id', 'items') },
  { name: 'visionDrafts', table: 'vision_drafts', scope: product },
  { name: 'visionVersions', table: 'vision_versions', scope: product },
  { name: 'prds', table: 'prds', scope: product },
  { name: 'storyMaps', table: 'story_maps', scope: product },
  { name: 'storyMapActivities', table: 'story_map_activities', scope: under('map_id', 'story_maps') },
  { name: 'storyMapSteps', table: 'story_map_steps', scope: under('map_id', 'story_maps') },
  { name: 'storyMapPlacements', table: 'story_map_placements', scope: under('map_id', 'story_maps') },
  { name: 'storyMapSlices', table: 'story_map_slices', scope: under('map_id', 'story_maps') },
  { name: 'roadmapBaselines', table: 'roadmap_baselines', scope: product },
  { name: 'roadmapAnnouncements', table: 'roadmap_announcements', scope: product },
  { name: 'reviews', table: 'reviews', scope: product },
  { name: 'savedViews', table: 'saved_views', scope: product },
  { name: 'shareLinks', table: 'share_links', scope: product },
  { name: 'comments', table: 'comments', scope: product, optional: true },
  { name: 'commentSettings', table: 'comment_settings', scope: product, optional: true },
  { name: 'webhooks', table: 'webhooks', scope: product, optional: true },
  { name: 'importLinks', table: 'import_links', scope: product, optional: true },
  { name: 'importRuns', table: 'import_runs', scope: product, optional: true },
  { name: 'events', table: 'events', scope: product, json: ['changes'] },
];

/**
 * Tables with a product's rows that the export leaves out on purpose: projections rebuilt from the
 * events, per-user state (watching, notifications), and the webhook delivery log and cursor.
 */
export const NOT_EXPORTED: ReadonlySet<string> = new Set([
  'item_flow_slots',
  'item_replay_events',
  'sprint_burndown_steps',
  'sprint_burndown_refolds',
  'event_items',
  'watchers',
  'notifications',
  'webhook_deliveries',
  'webhook_cursors',
]);

/** The members section reads this table with the users it names (export-product-json.ts). */
export const MEMBERS_TABLE = 'product_members';

/** Columns that hold credentials or their hashes: never exported. */
export const SECRET_COLUMN = /hash|secret/i;
