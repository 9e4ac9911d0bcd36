/**
 * Replays item events into what sprint charts need to know about an item at any instant: its sprint,
 * estimate, status and whether it is in the trash. The event log is the only source; nothing is guessed.
 */
import type { Changes } from './changes.ts';

export type Status = 'backlog' | 'ready' | 'in_progress' | 'in_review' | 'done' | 'wont_do';

/** One item event as stored: `changes` maps field → [before, after]. */
export interface ItemEvent {
  id: number;
  itemId: string;
  at: string;
  action: string;
  changes: Changes;
}

export interface ItemFacts {
  key: string;
  title: string;
  sprintId: string | null;
  estimate: number | null;
  status: Status;
  deleted: boolean;
}

/** Orders events as they happened: by time, then by id (the events of one transaction share a time). */
export function byTime(a: ItemEvent, b: ItemEvent): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id - b.id;
}

/** The item's facts after `event`; `before` is undefined for the item's first event. */
export function applyItemEvent(before: ItemFacts | undefined, event: ItemEvent): ItemFacts {
  const facts: ItemFacts = before
    ? { ...before }
    : { key: '', title: '', sprintId: null, estimate: null, status: 'backlog', deleted: false };
  const c = event.changes;
  if (c.key) facts.key = String(c.key[1]);
  if (c.title) facts.title = String(c.title[1]);
  if (c.sprintId) facts.sprintId = (c.sprintId[1] as string | null) ?? null;
  if (c.estimate) facts.estimate = (c.estimate[1] as number | null) ?? null;
  if (c.status) facts.status = c.status[1] as Status;
  if (c.deletedAt) facts.deleted = c.deletedAt[1] !== null;
  return facts;
}

/** Whether the item counts toward the sprint's scope: in it, not trashed, not dropped as won't do. */
export function inSprintScope(facts: ItemFacts | undefined, sprintId: string): facts is ItemFacts {
  return facts !== undefined && !facts.deleted && facts.sprintId === sprintId && facts.status !== 'wont_do';
}

export function points(facts: ItemFacts): number {
  return facts.estimate ?? 0;
}
