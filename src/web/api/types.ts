/**
 * The API's types, inferred from the server's zod schemas (type-only imports: no schema code reaches the
 * browser bundle; the server validates every request and names the bad field).
 */
import type { z } from 'zod';
import { ITEM_STATUSES as STATUSES } from '../../domain/item-status.ts';
import type { Dependency, Event, ExternalDependency, ItemDependencies } from '../../schemas/dependency.ts';
import type {
  Confidence,
  Horizon,
  Initiative,
  InitiativeStatus,
  Visibility,
} from '../../schemas/initiative.ts';
import type { BacklogItem, Item, ItemStatus, ItemType } from '../../schemas/item.ts';
import type { LiveChange } from '../../schemas/live.ts';
import type { Objective, Product, Theme } from '../../schemas/product.ts';
import type { Role, User } from '../../schemas/user.ts';

export type ItemT = z.infer<typeof Item>;
/** A backlog row as GET /products/{id}/backlog gives it. */
export type BacklogItemT = z.infer<typeof BacklogItem>;
export type ItemStatusT = z.infer<typeof ItemStatus>;
export type ItemTypeT = z.infer<typeof ItemType>;
export type InitiativeT = z.infer<typeof Initiative>;
export type HorizonT = z.infer<typeof Horizon>;
export type ConfidenceT = z.infer<typeof Confidence>;
export type VisibilityT = z.infer<typeof Visibility>;
export type InitiativeStatusT = z.infer<typeof InitiativeStatus>;
export type ProductT = z.infer<typeof Product>;
export type ObjectiveT = z.infer<typeof Objective>;
export type ThemeT = z.infer<typeof Theme>;
export type UserT = z.infer<typeof User>;
export type RoleT = Role;
export type DependencyT = z.infer<typeof Dependency>;
export type ExternalDependencyT = z.infer<typeof ExternalDependency>;
export type ItemDependenciesT = z.infer<typeof ItemDependencies>;
export type EventT = z.infer<typeof Event>;

/** One message of the product's live stream (GET /products/{id}/stream). */
export type LiveMessage = z.infer<typeof LiveChange>;

export const ITEM_STATUSES: readonly ItemStatusT[] = STATUSES;
export const ITEM_TYPES: readonly ItemTypeT[] = ['story', 'task', 'bug', 'spike'];
export const HORIZONS: readonly HorizonT[] = ['now', 'next', 'later'];
export const CONFIDENCES: readonly ConfidenceT[] = ['committed', 'planned', 'exploratory'];

export { HORIZON_LABELS, STATUS_LABELS, TYPE_LABELS } from '../../presenters/plan-labels.ts';
