/**
 * The grooming screen's changes to many items at once, through the web data layer: marking items ready and
 * unlinking them go through the backlog's bulk update (one transaction); moving to the trash is one undo
 * for the lot; merge and split put the server's answer into the product store.
 */
import { groomingApi, type SplitPartBody } from '../../api/grooming.ts';
import { itemsApi } from '../../api/items.ts';
import type { BacklogItemT, ItemT } from '../../api/types.ts';
import { bulkUpdate } from '../../state/mutations/backlog.ts';
import { failed, refusedAsViewer } from '../../state/mutations/shared.ts';
import { notify } from '../../state/notices.ts';
import type { ProductStore } from '../../state/product-store.ts';

const plural = (count: number) => (count === 1 ? '1 item' : `${count} items`);

/** Status → ready for every item, in one transaction. */
export function markReady(store: ProductStore, ids: string[]): Promise<boolean> {
  return bulkUpdate(store, ids, { set: { status: 'ready' } });
}

/** Takes the items off their initiative (a done or dropped one), in one transaction. */
export function unlinkInitiative(store: ProductStore, ids: string[]): Promise<boolean> {
  return bulkUpdate(store, ids, { set: { initiativeId: null } });
}

/** Moves the items to the trash, gone from the screen at once; one notice with one undo for them all. */
export async function trashItems(store: ProductStore, ids: string[]): Promise<number> {
  if (refusedAsViewer(store)) return 0;
  const items = ids.flatMap((id) => store.items.get(id) ?? []);
  for (const item of items) store.removeItem(item.id);
  store.changed();
  const trashed: BacklogItemT[] = [];
  // One after another: the list is capped (200 items) and the server takes one product lock per write.
  for (const item of items) {
    try {
      await itemsApi.trash(item.id);
      trashed.push(item);
    } catch (error) {
      store.putItem(item);
      failed(store, `Moving ${item.key} to the trash`, error);
    }
  }
  if (trashed.length === 0) return 0;
  notify({
    kind: 'info',
    message:
      trashed.length === 1
        ? `${trashed[0]?.key} moved to the trash.`
        : `${plural(trashed.length)} moved to the trash.`,
    action: { label: 'Undo', run: () => void restoreItems(store, trashed) },
  });
  return trashed.length;
}

async function restoreItems(store: ProductStore, items: BacklogItemT[]): Promise<void> {
  for (const item of items) {
    try {
      store.acceptItem(await itemsApi.restore(item.id));
      store.changed();
    } catch (error) {
      failed(store, `Restoring ${item.key}`, error);
    }
  }
}

/**
 * Merges `duplicateId` into `keepId`: the kept item takes its criteria, labels and dependencies, and the
 * duplicate goes to the trash. Resolves the kept item, or null when the server refused (already said).
 */
export async function mergeItems(
  store: ProductStore,
  keepId: string,
  duplicateId: string,
): Promise<ItemT | null> {
  if (refusedAsViewer(store)) return null;
  const keepKey = store.items.get(keepId)?.key ?? 'the item kept';
  const duplicateKey = store.items.get(duplicateId)?.key ?? 'The duplicate';
  try {
    const kept = await groomingApi.merge(keepId, duplicateId);
    store.acceptItem(kept);
    store.removeItem(duplicateId);
    store.changed();
    notify({ kind: 'info', message: `${duplicateKey} merged into ${kept.key} and moved to the trash.` });
    return kept;
  } catch (error) {
    failed(store, `Merging ${duplicateKey} into ${keepKey}`, error);
    return null;
  }
}

/** Splits an item into parts: it becomes the first, the others are new items right below it. */
export async function splitItem(
  store: ProductStore,
  id: string,
  parts: SplitPartBody[],
): Promise<{ original: ItemT; created: ItemT[] } | null> {
  if (refusedAsViewer(store)) return null;
  // A refusal is thrown: the split dialog shows it at its form, where the user can correct the parts.
  const result = await groomingApi.split(id, parts);
  for (const item of [result.original, ...result.created]) store.acceptItem(item);
  store.changed();
  const keys = [result.original, ...result.created].map((item) => item.key);
  notify({ kind: 'info', message: `${result.original.key} split into ${keys.join(', ')}.` });
  return result;
}
