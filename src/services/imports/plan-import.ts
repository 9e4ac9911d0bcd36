/**
 * What an import will do (pure): from the bundle, the status mapping and what the product holds already
 * (links from earlier imports, the current values of linked objects, releases and sprints by name), which
 * objects to create, which fields to update, which to leave — and the conflicts: a field edited in Cairn
 * since the last import keeps Cairn's value. The dry run reports this plan; the real run writes it.
 */
import type { ItemStatusName } from '../../domain/item-status.ts';
import type {
  ImportBundle,
  ImportedComment,
  ImportedItem,
  ImportProblem,
  StatusMapping,
} from '../../importers/bundle.ts';
import {
  horizonOf,
  INITIATIVE_FIELDS,
  type InitiativeFields,
  ITEM_FIELDS,
  type ItemFields,
  initiativeFieldsOf,
  itemFieldsOf,
  NEW_REF,
  sameValue,
} from './import-fields.ts';
import { type PlannedContainers, planContainers } from './plan-containers.ts';
import { type PlannedDependency, planDependencies } from './plan-dependencies.ts';

/** A link from an earlier import: the object it made and the field values it wrote then. */
export interface ExistingLink {
  entityId: string;
  imported: Record<string, unknown>;
}

export interface CurrentItem {
  key: string;
  trashed: boolean;
  fields: ItemFields;
}

export interface CurrentInitiative {
  trashed: boolean;
  fields: InitiativeFields;
}

/** What the product holds that an import reads (services/imports/load-import-state.ts). */
export interface ExistingState {
  links: {
    item: Map<string, ExistingLink>;
    initiative: Map<string, ExistingLink>;
    sprint: Map<string, ExistingLink>;
    release: Map<string, ExistingLink>;
  };
  /** Linked items and initiatives by id, as they are now. */
  items: Map<string, CurrentItem>;
  initiatives: Map<string, CurrentInitiative>;
  /** Live sprints and releases of the product, by lower-cased name and by id. */
  sprintsByName: Map<string, { id: string; state: 'planned' | 'active' | 'closed' }>;
  sprintStates: Map<string, 'planned' | 'active' | 'closed'>;
  releasesByName: Map<string, string>;
  releaseIds: Set<string>;
  /** Live "blocks" pairs of the product as `blocker blocked` ids. */
  dependencies: Set<string>;
}

export type Action = 'create' | 'update' | 'unchanged';

export interface FieldConflict {
  field: string;
  cairnValue: unknown;
  importedValue: unknown;
}

export interface PlannedItem {
  externalKey: string;
  line: number | null;
  action: Action;
  /** The existing item (update / unchanged), null for a new one. */
  id: string | null;
  key: string | null;
  /** Every field as the import has it: what a new item gets, and the snapshot kept on the link. */
  fields: ItemFields;
  /** The fields an update writes (Cairn's edits and unchanged ones left out). */
  changes: Partial<ItemFields>;
  conflicts: FieldConflict[];
  comments: ImportedComment[];
}

export interface PlannedInitiative {
  externalKey: string;
  action: Action;
  id: string | null;
  horizon: 'now' | 'next' | 'later';
  fields: InitiativeFields;
  changes: Partial<InitiativeFields>;
  conflicts: FieldConflict[];
}

export interface ImportPlan {
  mapping: StatusMapping;
  initiatives: PlannedInitiative[];
  items: PlannedItem[];
  containers: PlannedContainers;
  dependencies: PlannedDependency[];
  skipped: ImportProblem[];
  /** Items per source status, for the mapping table. */
  statusCounts: Map<string, number>;
}

/** The new value of each field, or Cairn's where it was edited since the last import (a conflict). */
function mergeFields<Fields extends object>(
  names: readonly (keyof Fields & string)[],
  incoming: Fields,
  current: Fields,
  imported: Record<string, unknown>,
): { changes: Partial<Fields>; conflicts: FieldConflict[] } {
  const changes: Partial<Fields> = {};
  const conflicts: FieldConflict[] = [];
  for (const field of names) {
    const next = incoming[field];
    const now = current[field];
    if (sameValue(next, now)) continue;
    // A field missing from the snapshot (an older import) counts as not edited in Cairn.
    const editedInCairn = Object.hasOwn(imported, field) && !sameValue(imported[field], now);
    if (editedInCairn) conflicts.push({ field, cairnValue: now, importedValue: next });
    else changes[field] = next;
  }
  return { changes, conflicts };
}

function planInitiatives(
  bundle: ImportBundle,
  mapping: StatusMapping,
  state: ExistingState,
  skipped: ImportProblem[],
) {
  const planned: PlannedInitiative[] = [];
  const refs = new Map<string, string>();
  for (const initiative of bundle.initiatives) {
    if (refs.has(initiative.externalKey)) continue;
    const status: ItemStatusName = mapping[initiative.sourceStatus] ?? 'backlog';
    const fields = initiativeFieldsOf(initiative, status);
    if (fields.title === '') {
      skipped.push({
        line: initiative.line,
        externalKey: initiative.externalKey,
        reason: 'the epic has no title',
      });
      continue;
    }
    const link = state.links.initiative.get(initiative.externalKey);
    const current = link ? state.initiatives.get(link.entityId) : undefined;
    if (link && current?.trashed !== false) {
      skipped.push({
        line: initiative.line,
        externalKey: initiative.externalKey,
        reason: 'its initiative was deleted in Cairn; restore it to import into it again',
      });
      continue;
    }
    if (link && current) {
      const { changes, conflicts } = mergeFields(INITIATIVE_FIELDS, fields, current.fields, link.imported);
      const action = Object.keys(changes).length > 0 ? 'update' : 'unchanged';
      planned.push({
        externalKey: initiative.externalKey,
        action,
        id: link.entityId,
        horizon: horizonOf(status),
        fields,
        changes,
        conflicts,
      });
      refs.set(initiative.externalKey, link.entityId);
    } else {
      planned.push({
        externalKey: initiative.externalKey,
        action: 'create',
        id: null,
        horizon: horizonOf(status),
        fields,
        changes: {},
        conflicts: [],
      });
      refs.set(initiative.externalKey, `${NEW_REF}initiative:${initiative.externalKey}`);
    }
  }
  return { planned, refs };
}

/** The initiative an item belongs to: one of this import, or one linked by an earlier import. */
function initiativeRef(item: ImportedItem, refs: Map<string, string>, state: ExistingState): string | null {
  if (item.initiativeKey === null) return null;
  const ref = refs.get(item.initiativeKey);
  if (ref !== undefined) return ref;
  const link = state.links.initiative.get(item.initiativeKey);
  return link && state.initiatives.get(link.entityId)?.trashed === false ? link.entityId : null;
}

/** `today`: the import's day (YYYY-MM-DD), where placeholder sprint dates start. */
export function planImport(
  bundle: ImportBundle,
  mapping: StatusMapping,
  state: ExistingState,
  today: string,
): ImportPlan {
  const skipped: ImportProblem[] = [...bundle.skipped];
  const initiatives = planInitiatives(bundle, mapping, state, skipped);
  const containers = planContainers(bundle, state, skipped, today);
  const items: PlannedItem[] = [];
  const statusCounts = new Map<string, number>();
  const seen = new Set<string>();
  for (const item of bundle.items) {
    if (seen.has(item.externalKey)) {
      skipped.push({
        line: item.line,
        externalKey: item.externalKey,
        reason: 'repeats an earlier row with the same key',
      });
      continue;
    }
    seen.add(item.externalKey);
    statusCounts.set(item.sourceStatus, (statusCounts.get(item.sourceStatus) ?? 0) + 1);
    const status: ItemStatusName = mapping[item.sourceStatus] ?? 'backlog';
    const fields = itemFieldsOf(item, status, {
      initiativeId: initiativeRef(item, initiatives.refs, state),
      sprintId: item.sprintKey === null ? null : (containers.sprintRefs.get(item.sprintKey) ?? null),
      releaseId: item.releaseKey === null ? null : (containers.releaseRefs.get(item.releaseKey) ?? null),
    });
    if (fields.title === '') {
      skipped.push({ line: item.line, externalKey: item.externalKey, reason: 'has no title' });
      continue;
    }
    const link = state.links.item.get(item.externalKey);
    const current = link ? state.items.get(link.entityId) : undefined;
    // Cairn places nothing into a closed sprint: the item keeps the sprint it has.
    if (fields.sprintId !== null && containers.closedSprints.has(fields.sprintId)) {
      fields.sprintId = current?.fields.sprintId ?? null;
    }
    if (link && current?.trashed !== false) {
      skipped.push({
        line: item.line,
        externalKey: item.externalKey,
        reason: `its item${current ? ` ${current.key}` : ''} was deleted in Cairn; restore it to import into it again`,
      });
      continue;
    }
    const base = { externalKey: item.externalKey, line: item.line, fields, comments: item.comments };
    if (link && current) {
      const { changes, conflicts } = mergeFields(ITEM_FIELDS, fields, current.fields, link.imported);
      const action = Object.keys(changes).length > 0 ? 'update' : 'unchanged';
      items.push({ ...base, action, id: link.entityId, key: current.key, changes, conflicts });
    } else {
      items.push({ ...base, action: 'create', id: null, key: null, changes: {}, conflicts: [] });
    }
  }
  const dependencies = planDependencies(bundle, items, state, skipped);
  return {
    mapping,
    initiatives: initiatives.planned,
    items,
    containers,
    dependencies,
    skipped,
    statusCounts,
  };
}
