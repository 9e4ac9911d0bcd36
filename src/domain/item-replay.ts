/**
 * Replays item events into what sprint charts need to know about an item at any instant: its sprint,
 * estimate, status and whether it is in the trash. The event log is the only source; nothing is guessed.
 */
import type { Changes } from './changes.ts';
import type { ItemStatusName } from './item-status.ts';

export type Status = ItemStatusName;

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
  // One object literal of a fixed shape, each field read once: a burndown applies 20,000 events per
  // request, and this runs about twice as fast as copying `before` and patching it.
  const c = event.changes;
  const { key, title, sprintId, estimate, status, deletedAt } = c;
  return {
    key: key ? String(key[1]) : before ? before.key : '',
    title: title ? String(title[1]) : before ? before.title : '',
    sprintId: sprintId ? ((sprintId[1] as string | null) ?? null) : before ? before.sprintId : null,
    estimate: estimate ? ((estimate[1] as number | null) ?? null) : before ? before.estimate : null,
    status: status ? (status[1] as Status) : before ? before.status : 'backlog',
    deleted: deletedAt ? deletedAt[1] !== null : before ? before.deleted : false,
  };
}

/** Whether the item counts toward the sprint's scope: in it, not trashed, not dropped as won't do. */
export function inSprintScope(facts: ItemFacts | undefined, sprintId: string): facts is ItemFacts {
  return facts !== undefined && !facts.deleted && facts.sprintId === sprintId && facts.status !== 'wont_do';
}

export function points(facts: ItemFacts): number {
  return facts.estimate ?? 0;
}
