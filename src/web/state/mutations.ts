/**
 * Changes made from the web app: applied to the store at once, saved in the background, rolled back with a
 * clear message if the server refuses. A 412 means someone else saved first: their version is shown.
 */
import { generateKeyBetween } from 'fractional-indexing';
import { ApiError, api } from '../api/client.ts';
import type { BacklogItemT, InitiativeT, ItemStatusT, ItemT, ItemTypeT } from '../api/types.ts';
import { STATUS_LABELS } from '../api/types.ts';
import { type ConflictField, notify } from './notices.ts';
import type { ProductStore } from './product-store.ts';

/**
 * A viewer's change would be refused by the server (403): say so at once instead of showing the change and
 * rolling it back a moment later.
 */
function refusedAsViewer(store: ProductStore): boolean {
  if (!store.readOnly) return false;
  notify({ kind: 'info', message: 'You can read this product but not change it (your role is viewer).' });
  store.changed();
  return true;
}

/** The item fields the web app edits. */
export interface ItemPatch {
  type?: ItemTypeT;
  title?: string;
  status?: ItemStatusT;
  estimate?: number | null;
  initiativeId?: string | null;
  labels?: string[];
  assigneeId?: string | null;
  /** The sprint the item is planned into (null: back to the backlog). */
  sprintId?: string | null;
  /** The release the item ships in. */
  releaseId?: string | null;
  description?: string;
  story?: ItemT['story'];
  acceptanceCriteria?: ItemT['acceptanceCriteria'];
}

/**
 * Saves to one object run one after another: a quick second edit must be sent with the version the first
 * one produced, or the server would take it for someone else's conflicting change.
 */
const queues = new Map<string, Promise<unknown>>();
function inTurn<T>(id: string, save: () => Promise<T>): Promise<T> {
  const previous = queues.get(id) ?? Promise.resolve();
  const next = previous.then(save, save);
  const settled = next.catch(() => undefined);
  queues.set(id, settled);
  void settled.then(() => {
    if (queues.get(id) === settled) queues.delete(id);
  });
  return next;
}

/** The version of an item the server last gave us. */
function knownVersion(store: ProductStore, id: string): number | undefined {
  const summary = store.items.get(id)?.version;
  const full = store.fullItems.get(id)?.version;
  if (summary === undefined) return full;
  return full === undefined ? summary : Math.max(summary, full);
}

const SUMMARY_FIELDS = [
  'type',
  'title',
  'status',
  'estimate',
  'initiativeId',
  'labels',
  'assigneeId',
  'sprintId',
  'releaseId',
] as const;

function describe(store: ProductStore, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status') return STATUS_LABELS[value as ItemStatusT] ?? String(value);
  if (field === 'initiativeId') return store.initiatives.get(String(value))?.title ?? 'an initiative';
  if (field === 'assigneeId') return store.users.get(String(value))?.name ?? 'someone';
  if (field === 'sprintId') return 'a sprint';
  if (field === 'releaseId') return 'a release';
  if (field === 'story') {
    const story = value as NonNullable<ItemT['story']>;
    return `As a ${story.asA}, I want ${story.iWant}${story.soThat ? ` so that ${story.soThat}` : ''}`;
  }
  if (field === 'acceptanceCriteria') {
    const criteria = value as ItemT['acceptanceCriteria'];
    return criteria.map((c) => `${c.done ? '☑' : '☐'} ${c.text}`).join('; ') || '—';
  }
  if (Array.isArray(value)) return value.join(', ') || '—';
  return String(value);
}

function applyPatchLocally(store: ProductStore, id: string, patch: ItemPatch): void {
  const held = store.items.get(id);
  if (held) {
    const next: BacklogItemT = { ...held };
    for (const field of SUMMARY_FIELDS) {
      if (field in patch) (next as unknown as Record<string, unknown>)[field] = patch[field];
    }
    if (patch.story !== undefined) next.hasStory = patch.story !== null;
    if (patch.acceptanceCriteria) {
      next.criteriaTotal = patch.acceptanceCriteria.length;
      next.criteriaDone = patch.acceptanceCriteria.filter((c) => c.done).length;
    }
    store.putItem(next);
  }
  const full = store.fullItems.get(id);
  if (full) store.fullItems.set(id, { ...full, ...patch } as ItemT);
}

/** Re-reads an item after a failed save, so the screen shows what the server holds. */
async function refresh(store: ProductStore, id: string): Promise<ItemT | null> {
  try {
    const item = await api.get<ItemT>(`/items/${id}`);
    store.acceptItem(item);
    store.changed();
    return item;
  } catch {
    return null;
  }
}

function failed(store: ProductStore, what: string, error: unknown): void {
  const message = error instanceof ApiError ? error.fieldMessage : (error as Error).message;
  notify({ kind: 'error', message: `${what} was not saved: ${message}` });
  store.changed();
}

/** The key of one object's field in `store.fieldErrors`. */
export function fieldErrorKey(objectId: string, field: string): string {
  return `${objectId}.${field}`;
}

/** What the server said about this field of this object when it last refused an edit, if anything. */
export function fieldError(store: ProductStore, objectId: string, field: string): string | undefined {
  return store.fieldErrors.get(fieldErrorKey(objectId, field));
}

/**
 * Remembers a refused edit at the field the server named (its first segment: the field the form shows),
 * or forgets the patched fields' old messages once an edit of them is saved.
 */
function noteFieldErrors(store: ProductStore, objectId: string, patch: object, error?: unknown): void {
  for (const field of Object.keys(patch)) store.fieldErrors.delete(fieldErrorKey(objectId, field));
  if (!(error instanceof ApiError) || error.status !== 400 || !error.field) return;
  const field = error.field.split('.')[0] ?? error.field;
  store.fieldErrors.set(fieldErrorKey(objectId, field), error.issueMessage);
}

/**
 * Saves a change to one item. Resolves true when the server accepted it. Give `baseVersion` when the change
 * was composed from an older version (a description edited for a while): if someone saved since, the server
 * answers 412 and the user sees both versions instead of silently overwriting theirs.
 */
export async function updateItem(
  store: ProductStore,
  id: string,
  patch: ItemPatch,
  options: { baseVersion?: number } = {},
): Promise<boolean> {
  if (refusedAsViewer(store)) return false;
  const before = store.items.get(id);
  const beforeFull = store.fullItems.get(id);
  const key = before?.key ?? beforeFull?.key ?? 'The item';
  applyPatchLocally(store, id, patch);
  store.changed();
  try {
    const saved = await inTurn(id, () => {
      const version = options.baseVersion ?? knownVersion(store, id);
      return api.patch<ItemT>(`/items/${id}`, patch, version === undefined ? {} : { ifMatch: version });
    });
    store.acceptItem(saved);
    noteFieldErrors(store, id, patch);
    store.changed();
    return true;
  } catch (error) {
    if (before) store.putItem(before);
    if (beforeFull) store.fullItems.set(id, beforeFull);
    noteFieldErrors(store, id, patch, error);
    store.changed();
    if (error instanceof ApiError && error.status === 412) {
      const theirs = await refresh(store, id);
      const fields: ConflictField[] = Object.entries(patch).map(([field, mine]) => ({
        field,
        mine: describe(store, field, mine),
        theirs: theirs ? describe(store, field, (theirs as unknown as Record<string, unknown>)[field]) : '?',
      }));
      notify({
        kind: 'conflict',
        message: `Someone else changed ${key} while you were editing. Your change was not saved.`,
        conflict: {
          title: theirs ? `${theirs.key} · ${theirs.title}` : key,
          fields,
          retry: () => void updateItem(store, id, patch),
        },
      });
      return false;
    }
    failed(store, `Your change to ${key}`, error);
    await refresh(store, id);
    return false;
  }
}

/** Moves an item just above `beforeId` or just below `afterId` in the ranked backlog. */
export async function moveItem(
  store: ProductStore,
  id: string,
  placement: { beforeId: string } | { afterId: string },
): Promise<boolean> {
  if (refusedAsViewer(store)) return false;
  const item = store.items.get(id);
  if (!item) return false;
  const anchorId = 'beforeId' in placement ? placement.beforeId : placement.afterId;
  if (anchorId === id) return false;
  const order = store.order.filter((other) => other !== id);
  const anchorAt = order.indexOf(anchorId);
  if (anchorAt < 0) return false;
  const lowerId = 'beforeId' in placement ? order[anchorAt - 1] : anchorId;
  const upperId = 'beforeId' in placement ? anchorId : order[anchorAt + 1];
  const lower = lowerId ? (store.items.get(lowerId)?.rank ?? null) : null;
  const upper = upperId ? (store.items.get(upperId)?.rank ?? null) : null;
  let rank: string;
  try {
    rank = generateKeyBetween(lower, upper);
  } catch {
    rank = item.rank; // keys out of order locally: let the server decide and the response place it
  }
  store.putItem({ ...item, rank });
  store.changed();
  try {
    const saved = await inTurn(id, () => api.post<ItemT>(`/items/${id}/move`, placement));
    store.acceptItem(saved);
    store.changed();
    return true;
  } catch (error) {
    store.putItem(item);
    failed(store, `Moving ${item.key}`, error);
    await refresh(store, id);
    return false;
  }
}

export interface NewItem {
  title: string;
  type?: ItemTypeT;
  status?: ItemStatusT;
  initiativeId?: string | null;
  estimate?: number | null;
  labels?: string[];
}

/** Creates an item at the top or the bottom of the backlog (or next to another item). */
export async function createItem(
  store: ProductStore,
  input: NewItem,
  where: 'top' | 'bottom' | { beforeId: string } | { afterId: string } = 'bottom',
): Promise<ItemT | null> {
  if (refusedAsViewer(store)) return null;
  const placement: { beforeId?: string; afterId?: string } = {};
  if (where === 'top') {
    const first = store.order[0];
    if (first) placement.beforeId = first;
  } else if (where === 'bottom') {
    const last = store.order.at(-1);
    if (last) placement.afterId = last;
  } else {
    Object.assign(placement, where);
  }
  try {
    const item = await api.post<ItemT>(`/products/${store.product.id}/items`, { ...input, ...placement });
    store.acceptItem(item);
    store.changed();
    return item;
  } catch (error) {
    failed(store, `“${input.title}”`, error);
    return null;
  }
}

export interface BulkChange {
  set?: { status?: ItemStatusT; initiativeId?: string | null; assigneeId?: string | null };
  addLabels?: string[];
  removeLabels?: string[];
}

/** Changes many items in one transaction: all are saved, or none. */
export async function bulkUpdate(store: ProductStore, ids: string[], change: BulkChange): Promise<boolean> {
  if (refusedAsViewer(store)) return false;
  const before = ids.map((id) => store.items.get(id)).filter((item): item is BacklogItemT => Boolean(item));
  for (const item of before) {
    let labels = item.labels;
    if (change.addLabels) labels = [...new Set([...labels, ...change.addLabels])];
    if (change.removeLabels) labels = labels.filter((label) => !change.removeLabels?.includes(label));
    store.putItem({ ...item, ...change.set, labels });
  }
  store.changed();
  try {
    const result = await api.post<{ items: ItemT[] }>(`/products/${store.product.id}/items/bulk-update`, {
      ids,
      ...change,
    });
    for (const item of result.items) store.acceptItem(item);
    store.changed();
    return true;
  } catch (error) {
    for (const item of before) store.putItem(item);
    failed(store, `The change to ${ids.length} items`, error);
    return false;
  }
}

/** Moves an item to the trash, with an undo. */
export async function trashItem(store: ProductStore, id: string): Promise<boolean> {
  if (refusedAsViewer(store)) return false;
  const item = store.items.get(id);
  if (!item) return false;
  store.removeItem(id);
  store.changed();
  try {
    await api.delete(`/items/${id}`);
    notify({
      kind: 'info',
      message: `${item.key} moved to the trash.`,
      action: {
        label: 'Undo',
        run: () =>
          void api
            .post<ItemT>(`/items/${id}/restore`)
            .then((restored) => {
              store.acceptItem(restored);
              store.changed();
            })
            .catch((error: unknown) => failed(store, `Restoring ${item.key}`, error)),
      },
    });
    return true;
  } catch (error) {
    store.putItem(item);
    failed(store, `Deleting ${item.key}`, error);
    return false;
  }
}

/**
 * Saves a change to an initiative (horizon, dates, fields), optimistically. Give `baseVersion` for a long
 * edit (a summary): if someone saved since it began, the user sees a conflict instead of overwriting them.
 */
export async function updateInitiative(
  store: ProductStore,
  id: string,
  patch: Partial<Omit<InitiativeT, 'id' | 'productId' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'>>,
  options: { baseVersion?: number } = {},
): Promise<boolean> {
  if (refusedAsViewer(store)) return false;
  const before = store.initiatives.get(id);
  if (!before) return false;
  store.initiatives.set(id, { ...before, ...patch });
  store.changed();
  try {
    const saved = await inTurn(id, () =>
      api.patch<InitiativeT>(`/initiatives/${id}`, patch, {
        ifMatch: options.baseVersion ?? store.initiatives.get(id)?.version ?? before.version,
      }),
    );
    store.acceptInitiative(saved);
    noteFieldErrors(store, id, patch);
    store.changed();
    return true;
  } catch (error) {
    store.initiatives.set(id, before);
    noteFieldErrors(store, id, patch, error);
    if (error instanceof ApiError && error.status === 412) {
      const theirs = await api.get<InitiativeT>(`/initiatives/${id}`).catch(() => null);
      if (theirs) store.acceptInitiative(theirs);
      notify({
        kind: 'conflict',
        message: `Someone else changed “${before.title}” meanwhile. Your change was not saved.`,
        conflict: {
          title: before.title,
          fields: Object.entries(patch).map(([field, mine]) => ({
            field,
            mine: describe(store, field, mine),
            theirs: theirs
              ? describe(store, field, (theirs as unknown as Record<string, unknown>)[field])
              : '?',
          })),
          retry: () => void updateInitiative(store, id, patch),
        },
      });
      store.changed();
      return false;
    }
    failed(store, `Your change to “${before.title}”`, error);
    return false;
  }
}

/** Creates an initiative and puts it in the store. */
export async function createInitiative(
  store: ProductStore,
  input: Partial<InitiativeT> & { title: string },
): Promise<InitiativeT | null> {
  if (refusedAsViewer(store)) return null;
  try {
    const created = await api.post<InitiativeT>(`/products/${store.product.id}/initiatives`, input);
    store.acceptInitiative(created);
    store.changed();
    return created;
  } catch (error) {
    failed(store, `The initiative “${input.title}”`, error);
    return null;
  }
}
