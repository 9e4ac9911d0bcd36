/** Changes to the backlog's set of items: a new item, many items at once, an item to the trash. */
import { itemsApi } from '../../api/items.ts';
import type { ItemStatusT, ItemT, ItemTypeT } from '../../api/types.ts';
import { notify } from '../notices.ts';
import type { ProductStore } from '../product-store.ts';
import { failed, refusedAsViewer } from './shared.ts';

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
    const item = await itemsApi.create(store.product.id, { ...input, ...placement });
    store.acceptItem(item);
    store.changed();
    return item;
  } catch (error) {
    failed(store, `“${input.title}”`, error);
    return null;
  }
}

export interface BulkChange {
  set?: {
    status?: ItemStatusT;
    initiativeId?: string | null;
    assigneeId?: string | null;
    sprintId?: string | null;
    releaseId?: string | null;
  };
  addLabels?: string[];
  removeLabels?: string[];
}

/** Changes many items in one transaction: all are saved, or none. */
export async function bulkUpdate(store: ProductStore, ids: string[], change: BulkChange): Promise<boolean> {
  if (refusedAsViewer(store)) return false;
  const releases: (() => void)[] = [];
  for (const id of ids) {
    const item = store.items.get(id);
    if (!item) continue;
    let labels = item.labels;
    if (change.addLabels) labels = [...new Set([...labels, ...change.addLabels])];
    if (change.removeLabels) labels = labels.filter((label) => !change.removeLabels?.includes(label));
    releases.push(store.holdEdit(id, { summary: { ...change.set, labels } }));
  }
  const releaseAll = () => {
    for (const release of releases) release();
  };
  store.changed();
  try {
    const result = await itemsApi.bulkUpdate(store.product.id, { ids, ...change });
    releaseAll();
    for (const item of result.items) store.acceptItem(item);
    store.changed();
    return true;
  } catch (error) {
    releaseAll();
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
    await itemsApi.trash(id);
    notify({
      kind: 'info',
      message: `${item.key} moved to the trash.`,
      action: {
        label: 'Undo',
        run: () =>
          void itemsApi
            .restore(id)
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
