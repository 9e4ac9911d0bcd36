/**
 * Quick-add: a new item shows at once, as a "saving" row at the top or the bottom of the list, while the
 * server creates it. The rows live here rather than in the product store, so no other screen (palette,
 * progress, roadmap) ever sees an item that has no key yet.
 */
import { useSyncExternalStore } from 'react';
import type { BacklogItemT, ItemT } from '../../api/types.ts';
import { createItem, type NewItem } from '../../state/mutations/backlog.ts';
import type { ProductStore } from '../../state/product-store.ts';

export type AddPlace = 'top' | 'bottom';

export interface PendingRows {
  /** Newest first: each one goes above the others. */
  top: BacklogItemT[];
  /** Oldest first: each one goes below the others. */
  bottom: BacklogItemT[];
}

const PENDING_PREFIX = 'pending-';
const EMPTY: PendingRows = { top: [], bottom: [] };

export function isPending(id: string): boolean {
  return id.startsWith(PENDING_PREFIX);
}

interface PendingState {
  rows: PendingRows;
  /** Creations run one after another, so "top" means above the one added just before. */
  chain: Promise<unknown>;
  listeners: Set<() => void>;
}

const states = new WeakMap<ProductStore, PendingState>();
let counter = 0;

function stateOf(store: ProductStore): PendingState {
  let state = states.get(store);
  if (!state) {
    state = { rows: EMPTY, chain: Promise.resolve(), listeners: new Set() };
    states.set(store, state);
  }
  return state;
}

function update(state: PendingState, rows: PendingRows): void {
  state.rows = rows;
  for (const listener of state.listeners) listener();
}

function pendingRow(input: NewItem): BacklogItemT {
  counter += 1;
  const id = `${PENDING_PREFIX}${counter}`;
  return {
    id,
    key: id,
    type: input.type ?? 'story',
    title: input.title,
    status: input.status ?? 'backlog',
    estimate: input.estimate ?? null,
    initiativeId: input.initiativeId ?? null,
    labels: input.labels ?? [],
    assigneeId: null,
    sprintId: null,
    releaseId: null,
    rank: '',
    version: 0,
    updatedAt: new Date().toISOString(),
    hasStory: false,
    criteriaTotal: 0,
    criteriaDone: 0,
  };
}

/**
 * Adds an item at the top or the bottom of the backlog: shown now, saved in the background. Resolves with
 * the created item, or null if the server refused it (the user has been told why).
 */
export function addItem(store: ProductStore, input: NewItem, place: AddPlace): Promise<ItemT | null> {
  const state = stateOf(store);
  const row = pendingRow(input);
  const { top, bottom } = state.rows;
  update(state, place === 'top' ? { top: [row, ...top], bottom } : { top, bottom: [...bottom, row] });
  const created = state.chain.then(async () => {
    // createItem puts the saved item into the store; the pending row goes in the same tick, so the
    // browser never paints both.
    const item = await createItem(store, input, place);
    const now = state.rows;
    update(state, { top: now.top.filter((r) => r !== row), bottom: now.bottom.filter((r) => r !== row) });
    return item;
  });
  state.chain = created.catch(() => undefined);
  return created;
}

export function usePendingRows(store: ProductStore): PendingRows {
  const state = stateOf(store);
  return useSyncExternalStore(
    (listener) => {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
    () => state.rows,
  );
}
