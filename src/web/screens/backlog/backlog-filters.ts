/**
 * The backlog's filters: what they are, how they read from and write to the URL (so reload, back and forward
 * keep them), and the matching itself — pure functions over the in-memory rows, fast enough for 20,000.
 */
import type { BacklogItemT, ItemStatusT, ItemTypeT } from '../../api/types.ts';
import { ITEM_STATUSES, ITEM_TYPES } from '../../api/types.ts';

/** `initiative` is an initiative id, or `none` for items serving no initiative. */
export interface BacklogFilters {
  type: ItemTypeT | null;
  status: ItemStatusT | null;
  initiative: string | null;
  label: string | null;
  q: string;
}

export const NO_FILTERS: BacklogFilters = { type: null, status: null, initiative: null, label: null, q: '' };

/** The URL parameter of each filter: `?type=bug&status=ready&initiative=<id>|none&label=x&q=words`. */
const PARAMS = ['type', 'status', 'initiative', 'label', 'q'] as const;

export function readFilters(params: URLSearchParams): BacklogFilters {
  const type = params.get('type');
  const status = params.get('status');
  return {
    // An unknown value in a hand-edited URL is ignored rather than showing an empty list.
    type: ITEM_TYPES.includes(type as ItemTypeT) ? (type as ItemTypeT) : null,
    status: ITEM_STATUSES.includes(status as ItemStatusT) ? (status as ItemStatusT) : null,
    initiative: params.get('initiative') || null,
    label: params.get('label') || null,
    q: params.get('q') ?? '',
  };
}

/** The URL parameters with `changes` applied; parameters other than the filters are kept. */
export function writeFilters(params: URLSearchParams, changes: Partial<BacklogFilters>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of PARAMS) {
    if (!(name in changes)) continue;
    const value = changes[name];
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}

export function hasFilters(filters: BacklogFilters): boolean {
  return Boolean(filters.type || filters.status || filters.initiative || filters.label || filters.q.trim());
}

/** The words of a text filter, lower-cased; every one must match. */
export function queryWords(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

// Rows are replaced (never mutated) when they change, so a row object's text can be cached until it goes.
const searchTexts = new WeakMap<BacklogItemT, string>();

/** What the text filter searches: key, title and labels, lower-cased. */
function searchText(item: BacklogItemT): string {
  let text = searchTexts.get(item);
  if (text === undefined) {
    text = `${item.key} ${item.title} ${item.labels.join(' ')}`.toLowerCase();
    searchTexts.set(item, text);
  }
  return text;
}

/** The items that pass every filter, in the order given. */
export function filterItems(items: readonly BacklogItemT[], filters: BacklogFilters): BacklogItemT[] {
  const words = queryWords(filters.q);
  const { type, status, initiative, label } = filters;
  if (!type && !status && !initiative && !label && words.length === 0) return items as BacklogItemT[];
  const initiativeId = initiative === 'none' ? null : initiative;
  return items.filter((item) => {
    if (type && item.type !== type) return false;
    if (status && item.status !== status) return false;
    if (initiative && item.initiativeId !== initiativeId) return false;
    if (label && !item.labels.includes(label)) return false;
    if (words.length > 0) {
      const text = searchText(item);
      for (const word of words) if (!text.includes(word)) return false;
    }
    return true;
  });
}

/** Every label in use, sorted, for the label filter and the bulk bar. */
export function labelsInUse(items: Iterable<BacklogItemT>): string[] {
  const labels = new Set<string>();
  for (const item of items) for (const label of item.labels) labels.add(label);
  return [...labels].sort((a, b) => a.localeCompare(b));
}

/** The fields a new item takes from the active filters, so that it shows in the list it was added to. */
export function newItemDefaults(filters: BacklogFilters): {
  type?: ItemTypeT;
  status?: ItemStatusT;
  initiativeId?: string | null;
  labels?: string[];
} {
  const defaults: ReturnType<typeof newItemDefaults> = {};
  if (filters.type) defaults.type = filters.type;
  if (filters.status) defaults.status = filters.status;
  if (filters.initiative) defaults.initiativeId = filters.initiative === 'none' ? null : filters.initiative;
  if (filters.label) defaults.labels = [filters.label];
  return defaults;
}
