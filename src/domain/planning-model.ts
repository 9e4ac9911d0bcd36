/**
 * One product's plan as the analyses read it (readiness, grooming, dependencies, alignment, forecasts):
 * plain data, loaded once by services/intelligence/load-planning-model.ts and handed to pure functions.
 */
import type { StoryParts } from './definition-of-ready.ts';
import type { Status } from './item-replay.ts';

export interface ModelItem {
  id: string;
  key: string;
  type: 'story' | 'task' | 'bug' | 'spike';
  title: string;
  status: Status;
  estimate: number | null;
  criteriaTotal: number;
  story: StoryParts | null;
  description: string;
  initiativeId: string | null;
  sprintId: string | null;
  releaseId: string | null;
  assigneeId: string | null;
  labels: readonly string[];
  rank: string;
  createdAt: string;
  updatedAt: string;
}

/** `from` blocks `to`. Both are items of the product; links to other products are in ModelForeignBlocker. */
export interface ModelDependency {
  from: string;
  to: string;
  kind: 'technical' | 'business';
}

/** An item of another product that blocks one of this product's items. */
export interface ModelForeignBlocker {
  /** The blocked item (this product's). */
  itemId: string;
  /** Null when the reader may not see the other product (see presenters/redact-linked-item.ts). */
  blocker: { id: string; key: string; title: string } | null;
  status: Status;
  deleted: boolean;
}

export interface ModelExternal {
  id: string;
  itemId: string;
  title: string;
  owner: string;
  expectedDate: string | null;
  met: boolean;
}

export interface ModelInitiative {
  id: string;
  title: string;
  themeId: string | null;
  objectiveIds: readonly string[];
  horizon: 'now' | 'next' | 'later';
  status: 'proposed' | 'active' | 'done' | 'dropped';
  confidence: 'committed' | 'planned' | 'exploratory';
  startDate: string | null;
  targetDate: string | null;
}

export interface ModelSprint {
  id: string;
  name: string;
  teamId: string | null;
  state: 'planned' | 'active' | 'closed';
  startDate: string;
  endDate: string;
  capacity: number | null;
  completedPoints: number | null;
  closedAt: string | null;
}

export interface ModelRelease {
  id: string;
  name: string;
  targetDate: string | null;
  state: 'planned' | 'released' | 'cancelled';
}

export interface PlanningModel {
  productId: string;
  /** The product's newest event the model reflects. */
  asOf: number;
  /** Live items (not in the trash), every status, in rank order. */
  items: readonly ModelItem[];
  /**
   * Each item's index in `items`, when the loader keeps one (a server keeps it with its snapshot between
   * reports); otherwise the analyses that need it find what they look up.
   */
  positions?: ReadonlyMap<string, number>;
  dependencies: readonly ModelDependency[];
  foreignBlockers: readonly ModelForeignBlocker[];
  externals: readonly ModelExternal[];
  initiatives: readonly ModelInitiative[];
  themes: readonly { id: string; name: string }[];
  objectives: readonly { id: string; title: string }[];
  teams: readonly { id: string; name: string }[];
  sprints: readonly ModelSprint[];
  releases: readonly ModelRelease[];
}

/** Open work: neither done nor won't do. */
export function isOpen(item: { status: Status }): boolean {
  return item.status !== 'done' && item.status !== 'wont_do';
}
