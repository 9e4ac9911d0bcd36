/**
 * Typed table interfaces for Kysely. Both dialects use the same column types: ids and ISO timestamps are
 * text, booleans are integers (0/1), JSON is text. Only `store/` reads these shapes; services present them.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ItemStatusName } from '../domain/item-status.ts';
import type { CalendarFeedsTable, OidcIdentitiesTable } from './tables-auth.ts';
import type { RoadmapAnnouncementsTable, RoadmapBaselinesTable } from './tables-baselines.ts';
import type {
  CommentSettingsTable,
  CommentsTable,
  NotificationsTable,
  WatchersTable,
} from './tables-comments.ts';
import type { ImportLinksTable, ImportRunsTable } from './tables-imports.ts';
import type { ProductSettingsTable, ReviewsTable, SavedViewsTable } from './tables-intelligence.ts';
import type { PrdsTable } from './tables-prds.ts';
import type {
  EventItemsTable,
  ItemFlowSlotsTable,
  ItemReplayEventsTable,
  SprintBurndownRefoldsTable,
  SprintBurndownStepsTable,
} from './tables-projections.ts';
import type { ShareLinksTable } from './tables-share-links.ts';
import type {
  StoryMapActivitiesTable,
  StoryMapPlacementsTable,
  StoryMapSlicesTable,
  StoryMapStepsTable,
  StoryMapsTable,
} from './tables-story-maps.ts';
import type { VisionDraftsTable, VisionVersionsTable } from './tables-vision.ts';
import type { WebhookCursorsTable, WebhookDeliveriesTable, WebhooksTable } from './tables-webhooks.ts';

export type {
  EventItemsTable,
  ItemFlowSlotsTable,
  ItemReplayEventsTable,
  PrdsTable,
  ProductSettingsTable,
  ReviewsTable,
  RoadmapAnnouncementsTable,
  RoadmapBaselinesTable,
  SavedViewsTable,
  ShareLinksTable,
  SprintBurndownRefoldsTable,
  SprintBurndownStepsTable,
};

export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'admin' | 'editor' | 'viewer';
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  /** 'write' for tokens made before scopes existed (the column's default). */
  scope: Generated<'read' | 'write'>;
  /** JSON array of product ids the token is restricted to; null: every product its user can see. */
  product_ids: string | null;
}

export interface LoginAttemptsTable {
  key: string;
  window_start: string;
  count: number;
}

export interface ProductsTable {
  id: string;
  key: string;
  name: string;
  description: string;
  next_item_number: number;
  created_at: string;
  updated_at: string;
  version: number;
  release_notes_public: number;
}

export interface ProductMembersTable {
  product_id: string;
  user_id: string;
  created_at: string;
}

export interface ObjectivesTable {
  id: string;
  product_id: string;
  title: string;
  description: string;
  /** The title trimmed and lower-cased (domain/name-key.ts): unique among a product's live objectives. */
  name_key: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ThemesTable {
  id: string;
  product_id: string;
  name: string;
  color: string;
  description: string;
  /** The name trimmed and lower-cased (domain/name-key.ts): unique among a product's live themes. */
  name_key: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface InitiativesTable {
  id: string;
  product_id: string;
  theme_id: string | null;
  title: string;
  summary: string;
  horizon: 'now' | 'next' | 'later';
  start_date: string | null;
  target_date: string | null;
  confidence: 'committed' | 'planned' | 'exploratory';
  visibility: 'internal' | 'public';
  public_summary: string;
  status: 'proposed' | 'active' | 'done' | 'dropped';
  success_metrics: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface InitiativeObjectivesTable {
  initiative_id: string;
  objective_id: string;
}

export interface ItemsTable {
  seq: Generated<number>;
  id: string;
  product_id: string;
  number: number;
  key: string;
  type: 'story' | 'task' | 'bug' | 'spike';
  title: string;
  story: string | null;
  description: string;
  acceptance_criteria: string;
  estimate: number | null;
  status: ItemStatusName;
  initiative_id: string | null;
  assignee_id: string | null;
  labels: string;
  sprint_id: string | null;
  release_id: string | null;
  rank: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ItemLabelsTable {
  item_id: string;
  label: string;
}

export interface DependenciesTable {
  id: string;
  product_id: string;
  blocker_id: string;
  blocked_id: string;
  kind: 'technical' | 'business';
  note: string;
  created_at: string;
  created_by: string | null;
}

export interface ExternalDependenciesTable {
  id: string;
  item_id: string;
  title: string;
  owner: string;
  expected_date: string | null;
  met: number;
  note: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  product_id: string | null;
  actor_id: string | null;
  at: string;
  entity_type: string;
  entity_id: string;
  action: string;
  changes: string;
}

export interface TeamsTable {
  id: string;
  product_id: string;
  name: string;
  description: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export type SprintState = 'planned' | 'active' | 'closed';

export interface SprintsTable {
  id: string;
  product_id: string;
  team_id: string | null;
  name: string;
  goal: string;
  /** Calendar dates (YYYY-MM-DD) in the sprint's time zone. */
  start_date: string;
  end_date: string;
  /** IANA time zone whose midnights end the sprint's days. */
  timezone: string;
  capacity: number | null;
  state: SprintState;
  /** JSON: status → WIP limit for the board's columns. */
  wip_limits: string;
  started_at: string | null;
  closed_at: string | null;
  /** The share (0–0.5) of the sprint's capacity kept for refining the backlog; null: none. */
  refinement_share: number | null;
  /** Set at close from the event replay (immutable afterwards): what velocity reads. */
  committed_points: number | null;
  completed_points: number | null;
  /** JSON: the sprint report computed at close. */
  report: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface SprintScopeItemsTable {
  sprint_id: string;
  item_id: string;
}

export type ReleaseState = 'planned' | 'released' | 'cancelled';

export interface ReleasesTable {
  id: string;
  product_id: string;
  name: string;
  description: string;
  target_date: string | null;
  state: ReleaseState;
  released_at: string | null;
  notes_draft: string;
  notes_generated_at: string | null;
  notes_published: string | null;
  notes_published_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface Tables {
  workspace: WorkspaceTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  calendar_feeds: CalendarFeedsTable;
  oidc_identities: OidcIdentitiesTable;
  login_attempts: LoginAttemptsTable;
  products: ProductsTable;
  product_members: ProductMembersTable;
  objectives: ObjectivesTable;
  themes: ThemesTable;
  initiatives: InitiativesTable;
  initiative_objectives: InitiativeObjectivesTable;
  items: ItemsTable;
  item_labels: ItemLabelsTable;
  dependencies: DependenciesTable;
  external_dependencies: ExternalDependenciesTable;
  events: EventsTable;
  event_items: EventItemsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sprints: SprintsTable;
  sprint_scope_items: SprintScopeItemsTable;
  releases: ReleasesTable;
  product_settings: ProductSettingsTable;
  reviews: ReviewsTable;
  saved_views: SavedViewsTable;
  vision_drafts: VisionDraftsTable;
  vision_versions: VisionVersionsTable;
  story_maps: StoryMapsTable;
  story_map_activities: StoryMapActivitiesTable;
  story_map_steps: StoryMapStepsTable;
  story_map_placements: StoryMapPlacementsTable;
  story_map_slices: StoryMapSlicesTable;
  share_links: ShareLinksTable;
  prds: PrdsTable;
  import_links: ImportLinksTable;
  import_runs: ImportRunsTable;
  comments: CommentsTable;
  watchers: WatchersTable;
  notifications: NotificationsTable;
  comment_settings: CommentSettingsTable;
  roadmap_baselines: RoadmapBaselinesTable;
  roadmap_announcements: RoadmapAnnouncementsTable;
  item_replay_events: ItemReplayEventsTable;
  item_flow_slots: ItemFlowSlotsTable;
  sprint_burndown_steps: SprintBurndownStepsTable;
  sprint_burndown_refolds: SprintBurndownRefoldsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_cursors: WebhookCursorsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ProductRow = Selectable<ProductsTable>;
export type ObjectiveRow = Selectable<ObjectivesTable>;
export type ThemeRow = Selectable<ThemesTable>;
export type InitiativeRow = Selectable<InitiativesTable>;
export type ItemRow = Selectable<ItemsTable>;
export type NewItemRow = Insertable<ItemsTable>;
export type ItemUpdate = Updateable<ItemsTable>;
export type DependencyRow = Selectable<DependenciesTable>;
export type ExternalDependencyRow = Selectable<ExternalDependenciesTable>;
export type EventRow = Selectable<EventsTable>;
export type TeamRow = Selectable<TeamsTable>;
export type SprintRow = Selectable<SprintsTable>;
export type ReleaseRow = Selectable<ReleasesTable>;
export type ProductSettingsRow = Selectable<ProductSettingsTable>;
export type ReviewRow = Selectable<ReviewsTable>;
export type SavedViewRow = Selectable<SavedViewsTable>;
export type VisionDraftRow = Selectable<VisionDraftsTable>;
export type VisionVersionRow = Selectable<VisionVersionsTable>;
export type StoryMapRow = Selectable<StoryMapsTable>;
export type ShareLinkRow = Selectable<ShareLinksTable>;
