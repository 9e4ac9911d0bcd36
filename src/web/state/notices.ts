/** Messages to the user: saved-in-the-background failures, conflicts, confirmations with undo. */
import { useSyncExternalStore } from 'react';

export interface ConflictField {
  field: string;
  mine: string;
  theirs: string;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info' | 'conflict';
  message: string;
  /** For conflicts: what we tried against what the other person saved. */
  conflict?: { title: string; fields: ConflictField[]; retry: () => void };
  action?: { label: string; run: () => void };
}

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function notify(
  notice: Omit<Notice, 'id'>,
  timeoutMs = notice.kind === 'conflict' ? 0 : 6000,
): number {
  const id = nextId++;
  notices = [...notices, { ...notice, id }].slice(-5);
  emit();
  if (timeoutMs > 0) setTimeout(() => dismiss(id), timeoutMs);
  return id;
}

export function dismiss(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

/** The notices shown now (what useNotices gives a component; read directly by unit tests). */
export function currentNotices(): readonly Notice[] {
  return notices;
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => notices,
  );
}
