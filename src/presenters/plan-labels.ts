/**
 * The words the plan's values are shown with, in the web app and in the pages the server renders (the
 * first paint, see first-paint-html.ts): one source, so both say the same.
 */
import type { z } from 'zod';
import type { Confidence, Horizon, InitiativeStatus } from '../schemas/initiative.ts';
import type { ItemStatus, ItemType } from '../schemas/item.ts';

type Of<T extends z.ZodType> = z.infer<T>;

export const STATUS_LABELS: Record<Of<typeof ItemStatus>, string> = {
  backlog: 'Backlog',
  ready: 'Ready',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  wont_do: "Won't do",
};

export const TYPE_LABELS: Record<Of<typeof ItemType>, string> = {
  story: 'Story',
  task: 'Task',
  bug: 'Bug',
  spike: 'Spike',
};

/** The one-letter mark of a type badge. */
export const TYPE_MARKS: Record<Of<typeof ItemType>, string> = {
  story: 'S',
  task: 'T',
  bug: 'B',
  spike: 'X',
};

export const HORIZON_LABELS: Record<Of<typeof Horizon>, string> = {
  now: 'Now',
  next: 'Next',
  later: 'Later',
};

export const HORIZON_HINTS: Record<Of<typeof Horizon>, string> = {
  now: 'Being built',
  next: 'Up next, being shaped',
  later: 'Ideas and longer bets',
};

export const INITIATIVE_STATUS_LABELS: Record<Of<typeof InitiativeStatus>, string> = {
  proposed: 'Proposed',
  active: 'Active',
  done: 'Done',
  dropped: 'Dropped',
};

export const CONFIDENCE_LABELS: Record<Of<typeof Confidence>, string> = {
  committed: 'Committed',
  planned: 'Planned',
  exploratory: 'Exploratory',
};

/** What the roadmap shows unless asked for more: done and dropped initiatives are hidden. */
export const DEFAULT_ROADMAP_STATUSES: readonly Of<typeof InitiativeStatus>[] = ['proposed', 'active'];
