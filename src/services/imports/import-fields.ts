/**
 * The fields an import writes, made to fit Cairn's limits from what another tool exported (pure). Text is
 * cut to Cairn's lengths (not refused: a long Jira description should not lose its issue), NUL removed
 * (PostgreSQL cannot store it), labels and criteria cleaned and capped. References to other imported
 * objects stay external (`new:<key>` until written, or the Cairn id of an object linked before).
 */
import { inDateWindow, isCalendarDate } from '../../domain/calendar.ts';

export { sameValue } from '../../domain/changes.ts';

import type { ItemStatusName } from '../../domain/item-status.ts';
import type { ImportedInitiative, ImportedItem } from '../../importers/bundle.ts';
import { LIMITS } from '../../schemas/limits.ts';

/** An item's fields as an import compares and writes them; references are ids or `new:<external key>`. */
export interface ItemFields {
  type: ImportedItem['type'];
  title: string;
  description: string;
  status: ItemStatusName;
  estimate: number | null;
  labels: string[];
  acceptanceCriteria: { text: string; done: boolean }[];
  initiativeId: string | null;
  sprintId: string | null;
  releaseId: string | null;
}

export const ITEM_FIELDS = [
  'type',
  'title',
  'description',
  'status',
  'estimate',
  'labels',
  'acceptanceCriteria',
  'initiativeId',
  'sprintId',
  'releaseId',
] as const satisfies readonly (keyof ItemFields)[];

export type InitiativeStatus = 'proposed' | 'active' | 'done' | 'dropped';

/** An initiative's fields as an import compares and writes them. */
export interface InitiativeFields {
  title: string;
  summary: string;
  targetDate: string | null;
  status: InitiativeStatus;
}

export const INITIATIVE_FIELDS = [
  'title',
  'summary',
  'targetDate',
  'status',
] as const satisfies readonly (keyof InitiativeFields)[];

/** A reference to an object this import creates, resolved to its id once written. */
export const NEW_REF = 'new:';

/** Text without NUL, trimmed, at most `max` characters (an ellipsis marks a cut). */
export function fitText(value: string, max: number): string {
  const clean = value.replaceAll('\u0000', '').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** Labels as Cairn takes them: no commas, not blank, at most LIMITS.label characters, distinct, capped. */
export function fitLabels(labels: readonly string[]): string[] {
  const kept = new Set<string>();
  for (const raw of labels.slice(0, LIMITS.labels * 4)) {
    const label = raw.replaceAll('\u0000', '').replaceAll(',', ' ').trim().slice(0, LIMITS.label).trim();
    if (label !== '') kept.add(label);
    if (kept.size === LIMITS.labels) break;
  }
  return [...kept];
}

/** `YYYY-MM-DD` of an ISO date or timestamp, or null when it is none Cairn can hold. */
export function dateOnly(value: string | null): string | null {
  if (value === null) return null;
  const day = value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && isCalendarDate(day) && inDateWindow(day) ? day : null;
}

/** How an item status reads on an initiative (epics carry the same workflow names as their stories). */
export function initiativeStatusOf(status: ItemStatusName): InitiativeStatus {
  if (status === 'done') return 'done';
  if (status === 'wont_do') return 'dropped';
  if (status === 'in_progress' || status === 'in_review') return 'active';
  return 'proposed';
}

/** The roadmap column of a new initiative: under way → now, ready → next, else later. */
export function horizonOf(status: ItemStatusName): 'now' | 'next' | 'later' {
  if (status === 'in_progress' || status === 'in_review' || status === 'done') return 'now';
  return status === 'ready' ? 'next' : 'later';
}

export interface References {
  initiativeId: string | null;
  sprintId: string | null;
  releaseId: string | null;
}

/** The item's fields; `status` already mapped, references already resolved by the planner. */
export function itemFieldsOf(item: ImportedItem, status: ItemStatusName, refs: References): ItemFields {
  const estimate =
    item.estimate !== null &&
    Number.isFinite(item.estimate) &&
    item.estimate >= 0 &&
    item.estimate <= LIMITS.estimate
      ? item.estimate
      : null;
  const acceptanceCriteria: ItemFields['acceptanceCriteria'] = [];
  for (const criterion of item.acceptanceCriteria.slice(0, LIMITS.criteria * 4)) {
    const text = fitText(criterion.text, LIMITS.criterionText);
    if (text !== '') acceptanceCriteria.push({ text, done: criterion.done });
    if (acceptanceCriteria.length === LIMITS.criteria) break;
  }
  return {
    type: item.type,
    title: fitText(item.title, LIMITS.itemTitle),
    description: fitText(item.description, LIMITS.itemDescription),
    status,
    estimate,
    labels: fitLabels(item.labels),
    acceptanceCriteria,
    ...refs,
  };
}

export function initiativeFieldsOf(initiative: ImportedInitiative, status: ItemStatusName): InitiativeFields {
  return {
    title: fitText(initiative.title, LIMITS.initiativeTitle),
    summary: fitText(initiative.description, LIMITS.initiativeSummary),
    targetDate: dateOnly(initiative.targetDate),
    status: initiativeStatusOf(status),
  };
}
