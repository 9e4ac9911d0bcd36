/** What the reference test knows happened: every item's state after each of its events, and the sprints. */

export type Status = 'backlog' | 'ready' | 'in_progress' | 'in_review' | 'done' | 'wont_do';
export const STATUSES: Status[] = ['backlog', 'ready', 'in_progress', 'in_review', 'done', 'wont_do'];

export interface ItemState {
  productId: string;
  key: string;
  title: string;
  estimate: number | null;
  status: Status;
  sprintId: string | null;
  trashed: boolean;
}

/** One item event: when (ms and the ISO text recorded) and the item's state right after it. */
export interface HistoryEvent {
  ms: number;
  at: string;
  itemId: string;
  after: ItemState;
}

export interface SprintFacts {
  id: string;
  productId: string;
  name: string;
  teamId: string | null;
  timezone: string;
  startDate: string;
  endDate: string;
  startedAt: string | null;
  closedAt: string | null;
}

export interface History {
  /** In time order (strictly increasing per item). */
  events: HistoryEvent[];
  sprints: SprintFacts[];
}
