import type { Progress } from '../../../domain/progress.ts';

/**
 * The store recomputes progress as new objects on every change: memoised cards and bars compare the
 * figures, so one item changing re-renders one card, not three hundred.
 */
export function sameProgress(a: Progress | undefined | null, b: Progress | undefined | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.doneItems === b.doneItems &&
    a.totalItems === b.totalItems &&
    a.donePoints === b.donePoints &&
    a.totalPoints === b.totalPoints
  );
}
