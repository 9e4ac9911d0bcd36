/**
 * Edits of one item (fields, place in the backlog): applied to the store at once, saved in the background,
 * rolled back with a clear message if the server refuses. A 412 means someone else saved first: their
 * version is shown.
 */
import { generateKeyBetween } from 'fractional-indexing';
import { ApiError } from '../../api/client.ts';
import { itemsApi } from '../../api/items.ts';
import type { BacklogItemT, ItemStatusT, ItemT, ItemTypeT } from '../../api/types.ts';
import { type ConflictField, notify } from '../notices.ts';
import type { LocalEdit, ProductStore } from '../product-store.ts';
import { noteFieldErrors } from './field-errors.ts';
import { describe, failed, inTurn, refusedAsViewer } from './shared.ts';

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

/** A patch as the store shows it before the server answers: on the compact row and on the full item. */
function localEdit(patch: ItemPatch): LocalEdit {
  const summary: Partial<BacklogItemT> = {};
  for (const field of SUMMARY_FIELDS) {
    if (field in patch) (summary as Record<string, unknown>)[field] = patch[field];
  }
  if (patch.story !== undefined) summary.hasStory = patch.story !== null;
  if (patch.acceptanceCriteria) {
    summary.criteriaTotal = patch.acceptanceCriteria.length;
    summary.criteriaDone = patch.acceptanceCriteria.filter((c) => c.done).length;
  }
  return { summary, full: patch as Partial<ItemT> };
}

/** Re-reads an item after a failed save, so the screen shows what the server holds. */
export async function refresh(store: ProductStore, id: string): Promise<ItemT | null> {
  try {
    const item = await itemsApi.get(id);
    store.acceptItem(item);
    store.changed();
    return item;
  } catch {
    return null;
  }
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
  const key = store.items.get(id)?.key ?? store.fullItems.get(id)?.key ?? 'The item';
  const release = store.holdEdit(id, localEdit(patch));
  store.changed();
  try {
    const saved = await inTurn(id, () => {
      const version = options.baseVersion ?? knownVersion(store, id);
      return itemsApi.update(id, patch, version);
    });
    release();
    store.acceptItem(saved);
    noteFieldErrors(store, id, patch);
    store.changed();
    return true;
  } catch (error) {
    release(); // back to what the server holds, under any other edit still being saved
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
  const release = store.holdEdit(id, { summary: { rank } });
  store.changed();
  try {
    const saved = await inTurn(id, () => itemsApi.move(id, placement));
    release();
    store.acceptItem(saved);
    store.changed();
    return true;
  } catch (error) {
    release();
    failed(store, `Moving ${item.key}`, error);
    await refresh(store, id);
    return false;
  }
}
