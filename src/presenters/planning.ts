/** Presenters turn stored rows into the shapes the API returns: camelCase, parsed JSON, no internals. */
import type {
  DependencyRow,
  EventRow,
  ExternalDependencyRow,
  InitiativeRow,
  ItemRow,
  ObjectiveRow,
  ProductRow,
  ThemeRow,
  UserRow,
} from '../store/tables.ts';
import { redactLinkedItem } from './redact-linked-item.ts';

export function presentProduct(row: ProductRow) {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    releaseNotesPublic: row.release_notes_public === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
export type Product = ReturnType<typeof presentProduct>;

export function presentObjective(row: ObjectiveRow) {
  return {
    id: row.id,
    productId: row.product_id,
    title: row.title,
    description: row.description,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
export type Objective = ReturnType<typeof presentObjective>;

export function presentTheme(row: ThemeRow) {
  return {
    id: row.id,
    productId: row.product_id,
    name: row.name,
    color: row.color,
    description: row.description,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
export type Theme = ReturnType<typeof presentTheme>;

export function presentInitiative(row: InitiativeRow, objectiveIds: string[]) {
  return {
    id: row.id,
    productId: row.product_id,
    title: row.title,
    summary: row.summary,
    themeId: row.theme_id,
    objectiveIds,
    horizon: row.horizon,
    startDate: row.start_date,
    targetDate: row.target_date,
    confidence: row.confidence,
    visibility: row.visibility,
    publicSummary: row.public_summary,
    status: row.status,
    successMetrics: JSON.parse(row.success_metrics) as string[],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
export type Initiative = ReturnType<typeof presentInitiative>;

export interface Story {
  asA: string;
  iWant: string;
  soThat: string;
}
export interface AcceptanceCriterion {
  text: string;
  done: boolean;
}

export function presentItem(row: ItemRow) {
  return {
    id: row.id,
    key: row.key,
    productId: row.product_id,
    type: row.type,
    title: row.title,
    story: row.story === null ? null : (JSON.parse(row.story) as Story),
    description: row.description,
    acceptanceCriteria: JSON.parse(row.acceptance_criteria) as AcceptanceCriterion[],
    estimate: row.estimate,
    status: row.status,
    initiativeId: row.initiative_id,
    labels: JSON.parse(row.labels) as string[],
    assigneeId: row.assignee_id,
    sprintId: row.sprint_id,
    releaseId: row.release_id,
    rank: row.rank,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
export type Item = ReturnType<typeof presentItem>;

/**
 * A dependency as the reader sees it; `visible` says whether they may see the item at each end (the
 * other end may be in a product they are not a member of: then its id and key are null).
 */
export function presentDependency(
  row: DependencyRow & { blocker_key: string; blocked_key: string },
  visible: { blocker: boolean; blocked: boolean } = { blocker: true, blocked: true },
) {
  const blocker = redactLinkedItem({ id: row.blocker_id, key: row.blocker_key, title: '' }, visible.blocker);
  const blocked = redactLinkedItem({ id: row.blocked_id, key: row.blocked_key, title: '' }, visible.blocked);
  return {
    id: row.id,
    blockerId: blocker.id,
    blockerKey: blocker.key,
    blockedId: blocked.id,
    blockedKey: blocked.key,
    kind: row.kind,
    note: row.note,
    createdAt: row.created_at,
  };
}
export type Dependency = ReturnType<typeof presentDependency>;

export function presentExternalDependency(row: ExternalDependencyRow) {
  return {
    id: row.id,
    itemId: row.item_id,
    title: row.title,
    owner: row.owner,
    expectedDate: row.expected_date,
    met: row.met === 1,
    note: row.note,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
export type ExternalDependency = ReturnType<typeof presentExternalDependency>;

export function presentUser(row: UserRow) {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at };
}
export type User = ReturnType<typeof presentUser>;

export function presentEvent(row: EventRow) {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    productId: row.product_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action,
    changes: JSON.parse(row.changes) as Record<string, [unknown, unknown]>,
  };
}
export type PlanningEvent = ReturnType<typeof presentEvent>;
