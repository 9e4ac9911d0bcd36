/**
 * The backlog's filters: the server's BacklogFilterSet (the one description of them, also what a saved view
 * holds), how they read from and write to the URL (so reload, back and forward keep them), and the matching
 * itself — pure functions over the in-memory rows, fast enough for 20,000.
 */
import type { z } from 'zod';
import { LIMITS } from '../../../schemas/limits.ts';
import type { BacklogFilterSet } from '../../../schemas/view.ts';
import { BACKLOG_SORTS, MAX_FILTER_VALUES } from '../../../schemas/view-rules.ts';
import type { BacklogItemT, ItemStatusT, ItemTypeT } from '../../api/types.ts';
import { ITEM_STATUSES, ITEM_TYPES } from '../../api/types.ts';
import { paths } from '../../routes.ts';

export type BacklogFilters = BacklogFilterSet;
/** Filters as the API may send them (a saved view): fields at their default may be absent. */
export type PartialFilters = z.input<typeof BacklogFilterSet>;
export type SortBy = BacklogFilters['sort']['by'];
export type SortDirection = BacklogFilters['sort']['direction'];
/** The fields that hold a list of values. */
export type ListField = Exclude<keyof BacklogFilters, 'open' | 'q' | 'sort'>;

export { BACKLOG_SORTS, MAX_FILTER_VALUES };

export const LIST_FIELDS = [
  'status',
  'type',
  'initiative',
  'theme',
  'sprint',
  'release',
  'label',
  'assignee',
  'readiness',
  'blocked',
] as const satisfies readonly ListField[];

/** Statuses the "open only" filter hides. */
export const CLOSED_STATUSES: readonly ItemStatusT[] = ['done', 'wont_do'];

export const NO_FILTERS: BacklogFilters = {
  open: true,
  status: [],
  type: [],
  initiative: [],
  theme: [],
  sprint: [],
  release: [],
  label: [],
  assignee: [],
  readiness: [],
  blocked: [],
  q: '',
  sort: { by: 'rank', direction: 'asc' },
};

/** The values a hand-edited URL may give each list field; null: any text (ids, labels). */
const KNOWN: { [F in ListField]: readonly BacklogFilters[F][number][] | null } = {
  status: ITEM_STATUSES,
  type: ITEM_TYPES,
  initiative: null,
  theme: null,
  sprint: null,
  release: null,
  label: null,
  assignee: null,
  readiness: ['ready', 'not_ready'],
  blocked: ['blocked', 'unblocked'],
};

function readList<F extends ListField>(params: URLSearchParams, field: F): BacklogFilters[F] {
  const known = KNOWN[field] as readonly string[] | null;
  const values: string[] = [];
  for (const value of params.getAll(field)) {
    // An unknown value in a hand-edited URL is ignored rather than showing an empty list.
    if (!value || (known && !known.includes(value)) || values.includes(value)) continue;
    if (values.length === MAX_FILTER_VALUES) break;
    values.push(value);
  }
  return values as BacklogFilters[F];
}

/**
 * The filters the URL says: `?status=ready&status=in_progress&initiative=none&open=0&sort=title&dir=desc`.
 * A list field repeats its parameter; `open` appears only when turned off, the sort only when not by rank.
 */
export function readFilters(params: URLSearchParams): BacklogFilters {
  const filters: BacklogFilters = { ...NO_FILTERS, sort: { ...NO_FILTERS.sort } };
  for (const field of LIST_FIELDS) (filters as Record<ListField, string[]>)[field] = readList(params, field);
  filters.open = params.get('open') !== '0';
  filters.q = (params.get('q') ?? '').slice(0, LIMITS.viewQuery);
  const by = params.get('sort') as SortBy | null;
  if (by && BACKLOG_SORTS.includes(by)) filters.sort.by = by;
  if (params.get('dir') === 'desc') filters.sort.direction = 'desc';
  return filters;
}

/** The URL parameters with `changes` applied; parameters other than the filters are kept. */
export function writeFilters(params: URLSearchParams, changes: Partial<BacklogFilters>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const field of LIST_FIELDS) {
    const values = changes[field];
    if (values === undefined) continue;
    next.delete(field);
    for (const value of values) next.append(field, value);
  }
  if (changes.open !== undefined) {
    if (changes.open) next.delete('open');
    else next.set('open', '0');
  }
  if (changes.q !== undefined) {
    if (changes.q) next.set('q', changes.q);
    else next.delete('q');
  }
  if (changes.sort) {
    if (changes.sort.by === 'rank') next.delete('sort');
    else next.set('sort', changes.sort.by);
    if (changes.sort.direction === 'desc') next.set('dir', 'desc');
    else next.delete('dir');
  }
  return next;
}

/** A saved view's filters with every absent field at its default. */
export function completeFilters(filters: PartialFilters): BacklogFilters {
  return {
    ...NO_FILTERS,
    ...filters,
    sort: { ...NO_FILTERS.sort, ...filters.sort },
  } as BacklogFilters;
}

/** The backlog's address with a saved view's filters applied (the palette opens a view so). */
export function backlogViewPath(productKey: string, view: { id: string; filters: PartialFilters }): string {
  const params = writeFilters(new URLSearchParams(), completeFilters(view.filters));
  params.set('view', view.id);
  return `${paths.backlog(productKey)}?${params.toString()}`;
}

/** Whether anything differs from the defaults (open only, every item, by rank). */
export function hasFilters(filters: BacklogFilters): boolean {
  return (
    !filters.open ||
    filters.q.trim() !== '' ||
    filters.sort.by !== 'rank' ||
    filters.sort.direction !== 'asc' ||
    LIST_FIELDS.some((field) => filters[field].length > 0)
  );
}

/** The same filters, compared field by field (a view "has changes" when they differ). */
export function sameFilters(a: BacklogFilters, b: BacklogFilters): boolean {
  return (
    a.open === b.open &&
    a.q.trim() === b.q.trim() &&
    a.sort.by === b.sort.by &&
    a.sort.direction === b.sort.direction &&
    LIST_FIELDS.every((field) => {
      const x: readonly string[] = a[field];
      const y: readonly string[] = b[field];
      return x.length === y.length && x.every((value) => y.includes(value));
    })
  );
}

/** What a row is matched against besides its own fields; each part may be missing until it loads. */
export interface FilterContext {
  /** The theme of each initiative (absent: the initiative has none). */
  themeOf?: ReadonlyMap<string, string | null>;
  /** Readiness of each open item: true when ready. Items absent are closed or unknown. */
  ready?: ReadonlyMap<string, boolean>;
  /** Ids of the blocked items. */
  blocked?: ReadonlySet<string>;
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

/** A list filter over an id that may be null: empty passes all, `none` stands for null. */
function idMatcher(values: readonly string[]): ((id: string | null) => boolean) | null {
  if (values.length === 0) return null;
  const set = new Set(values);
  return (id) => set.has(id ?? 'none');
}

/**
 * The items that pass every filter, in the order given. "Open only" hides done and won't-do items unless
 * the status filter names them: asking for done items shows them.
 */
export function filterItems(
  items: readonly BacklogItemT[],
  filters: BacklogFilters,
  context: FilterContext = {},
): BacklogItemT[] {
  const words = queryWords(filters.q);
  const statuses = new Set<string>(filters.status);
  const hideClosed = filters.open && !CLOSED_STATUSES.some((status) => statuses.has(status));
  const types = new Set<string>(filters.type);
  const labels = filters.label;
  const initiative = idMatcher(filters.initiative);
  const theme = idMatcher(filters.theme);
  const sprint = idMatcher(filters.sprint);
  const release = idMatcher(filters.release);
  const assignee = idMatcher(filters.assignee);
  // Both values chosen, or none: the filter lets everything through.
  const readiness = filters.readiness.length === 1 ? filters.readiness[0] : undefined;
  const blocked = filters.blocked.length === 1 ? filters.blocked[0] : undefined;
  const { themeOf, ready, blocked: blockedIds } = context;
  const nothing =
    !hideClosed &&
    words.length === 0 &&
    statuses.size === 0 &&
    types.size === 0 &&
    labels.length === 0 &&
    !initiative &&
    !theme &&
    !sprint &&
    !release &&
    !assignee &&
    !readiness &&
    !blocked;
  if (nothing) return items as BacklogItemT[];
  return items.filter((item) => {
    if (hideClosed && CLOSED_STATUSES.includes(item.status)) return false;
    if (statuses.size > 0 && !statuses.has(item.status)) return false;
    if (types.size > 0 && !types.has(item.type)) return false;
    if (labels.length > 0 && !labels.some((label) => item.labels.includes(label))) return false;
    if (initiative && !initiative(item.initiativeId)) return false;
    if (theme && !theme(item.initiativeId ? (themeOf?.get(item.initiativeId) ?? null) : null)) return false;
    if (sprint && !sprint(item.sprintId)) return false;
    if (release && !release(item.releaseId)) return false;
    if (assignee && !assignee(item.assigneeId)) return false;
    if (readiness && ready?.get(item.id) !== (readiness === 'ready')) return false;
    if (blocked && (blockedIds?.has(item.id) ?? false) !== (blocked === 'blocked')) return false;
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

/**
 * The fields a new item takes from the active filters, so that it shows in the list it was added to: a
 * filter holding exactly one value gives it.
 */
export function newItemDefaults(filters: BacklogFilters): {
  type?: ItemTypeT;
  status?: ItemStatusT;
  initiativeId?: string | null;
  labels?: string[];
} {
  const defaults: ReturnType<typeof newItemDefaults> = {};
  const one = <T>(values: readonly T[]): T | undefined => (values.length === 1 ? values[0] : undefined);
  const type = one(filters.type);
  const status = one(filters.status);
  const initiative = one(filters.initiative);
  const label = one(filters.label);
  if (type) defaults.type = type;
  if (status) defaults.status = status;
  if (initiative) defaults.initiativeId = initiative === 'none' ? null : initiative;
  if (label) defaults.labels = [label];
  return defaults;
}
