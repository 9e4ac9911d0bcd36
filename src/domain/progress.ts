/** How far each initiative's backlog work has come: done against total, in items and in points. */

export interface ProgressItem {
  initiativeId: string | null;
  status: string;
  estimate: number | null;
}

export interface Progress {
  doneItems: number;
  totalItems: number;
  donePoints: number;
  totalPoints: number;
  /** Items with no estimate: their points are unknown, so the points figure understates the work. */
  unestimated: number;
}

export const EMPTY_PROGRESS: Progress = {
  doneItems: 0,
  totalItems: 0,
  donePoints: 0,
  totalPoints: 0,
  unestimated: 0,
};

/**
 * Progress per initiative. Items marked "won't do" are out of scope and count in neither figure; items
 * serving no initiative are left out.
 */
export function progressByInitiative(items: Iterable<ProgressItem>): Map<string, Progress> {
  const result = new Map<string, Progress>();
  for (const item of items) {
    if (item.initiativeId === null || item.status === 'wont_do') continue;
    let progress = result.get(item.initiativeId);
    if (!progress) {
      progress = { ...EMPTY_PROGRESS };
      result.set(item.initiativeId, progress);
    }
    const points = item.estimate ?? 0;
    progress.totalItems += 1;
    progress.totalPoints += points;
    if (item.estimate === null) progress.unestimated += 1;
    if (item.status === 'done') {
      progress.doneItems += 1;
      progress.donePoints += points;
    }
  }
  return result;
}
