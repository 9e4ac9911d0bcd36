/**
 * What every change made from the web app shares: a viewer is told at once, saves to one object run in
 * turn, a refusal is reported, and a conflict shows each field's two values.
 */
import { ApiError } from '../../api/client.ts';
import type { ItemStatusT, ItemT } from '../../api/types.ts';
import { STATUS_LABELS } from '../../api/types.ts';
import { notify } from '../notices.ts';
import type { ProductStore } from '../product-store.ts';

/**
 * A viewer's change would be refused by the server (403): say so at once instead of showing the change and
 * rolling it back a moment later.
 */
export function refusedAsViewer(store: ProductStore): boolean {
  if (!store.readOnly) return false;
  notify({ kind: 'info', message: 'You can read this product but not change it (your role is viewer).' });
  store.changed();
  return true;
}

/**
 * Saves to one object run one after another: a quick second edit must be sent with the version the first
 * one produced, or the server would take it for someone else's conflicting change.
 */
const queues = new Map<string, Promise<unknown>>();
export function inTurn<T>(id: string, save: () => Promise<T>): Promise<T> {
  const previous = queues.get(id) ?? Promise.resolve();
  const next = previous.then(save, save);
  const settled = next.catch(() => undefined);
  queues.set(id, settled);
  void settled.then(() => {
    if (queues.get(id) === settled) queues.delete(id);
  });
  return next;
}

/** A field's value in words, for the two sides of a conflict. */
export function describe(store: ProductStore, field: string, value: unknown): string {
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

export function failed(store: ProductStore, what: string, error: unknown): void {
  const message = error instanceof ApiError ? error.fieldMessage : (error as Error).message;
  notify({ kind: 'error', message: `${what} was not saved: ${message}` });
  store.changed();
}
