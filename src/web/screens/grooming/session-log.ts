/**
 * What a grooming session changed, for its closing summary: for each action, how many items it was done
 * to, and every item touched with what was done to it. Held by the screen only; the server records each
 * change as an event (an item estimated twice is one item estimated here, two events there).
 */

export type SessionAction = 'estimated' | 'criterion' | 'split' | 'linked' | 'ready' | 'moved';

export const ACTION_LABELS: Record<SessionAction, string> = {
  estimated: 'Estimated',
  criterion: 'Criteria added',
  split: 'Split',
  linked: 'Linked to an initiative',
  ready: 'Marked ready',
  moved: 'Moved down',
};

export interface TouchedItem {
  id: string;
  key: string;
  /** Each action once, in the order first done. */
  actions: SessionAction[];
}

export interface SessionLog {
  /** Items each action was done to. */
  counts: Record<SessionAction, number>;
  /** In the order first touched. */
  touched: TouchedItem[];
  /** Items seen in the session, touched or not. */
  seen: number;
}

export function emptyLog(): SessionLog {
  return {
    counts: { estimated: 0, criterion: 0, split: 0, linked: 0, ready: 0, moved: 0 },
    touched: [],
    seen: 0,
  };
}

/** The log with one more saved action on `item`. */
export function record(
  log: SessionLog,
  action: SessionAction,
  item: { id: string; key: string },
): SessionLog {
  const known = log.touched.find((entry) => entry.id === item.id);
  if (known?.actions.includes(action)) return log;
  const counts = { ...log.counts, [action]: log.counts[action] + 1 };
  const touched = known
    ? log.touched.map((entry) =>
        entry === known ? { ...entry, actions: [...entry.actions, action] } : entry,
      )
    : [...log.touched, { id: item.id, key: item.key, actions: [action] }];
  return { ...log, counts, touched };
}

/** The log with the number of items seen so far (the walk's furthest position + 1). */
export function withSeen(log: SessionLog, seen: number): SessionLog {
  return seen > log.seen ? { ...log, seen } : log;
}

/** The actions done at least once, with their counts, in ACTION_LABELS order. */
export function actionCounts(log: SessionLog): { action: SessionAction; label: string; count: number }[] {
  return (Object.keys(ACTION_LABELS) as SessionAction[])
    .filter((action) => log.counts[action] > 0)
    .map((action) => ({ action, label: ACTION_LABELS[action], count: log.counts[action] }));
}
