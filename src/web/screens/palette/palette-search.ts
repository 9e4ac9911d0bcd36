/**
 * What the command palette offers for a query: items (an exact key first, then every word found in key or
 * title, in backlog order), initiatives, views and actions. Capped, so a keystroke stays a few milliseconds
 * even over 20,000 items.
 */
import type { SprintT } from '../../api/execution.ts';
import type { ReleaseT } from '../../api/releases.ts';
import type { BacklogItemT, InitiativeT } from '../../api/types.ts';
import type { SavedViewT } from '../../api/views.ts';
import type { ProductStore } from '../../state/product-store.ts';

export const ITEM_LIMIT = 50;
export const INITIATIVE_LIMIT = 10;
/** Sprints, releases and saved views shown at most, each. */
export const LIST_LIMIT = 8;

/** The product's sprints, releases and saved views, as far as they have loaded. */
export interface PaletteLists {
  sprints: readonly SprintT[];
  releases: readonly ReleaseT[];
  savedViews: readonly SavedViewT[];
}
const NO_LISTS: PaletteLists = { sprints: [], releases: [], savedViews: [] };

export type ViewName =
  | 'backlog'
  | 'roadmap'
  | 'timeline'
  | 'sprints'
  | 'board'
  | 'reports'
  | 'releases'
  | 'products';
export type ActionName =
  | 'new-item'
  | 'new-initiative'
  | 'create-item'
  | 'create-initiative'
  | 'open-key'
  | 'help'
  | 'logout';

export type PaletteEntry =
  | { kind: 'item'; item: BacklogItemT }
  | { kind: 'initiative'; initiative: InitiativeT }
  | { kind: 'view'; view: ViewName; label: string }
  | { kind: 'sprint'; sprint: SprintT }
  | { kind: 'release'; release: ReleaseT }
  | { kind: 'saved-view'; savedView: SavedViewT }
  | { kind: 'action'; action: ActionName; label: string; hint?: string };

export interface PaletteGroup {
  title: 'Items' | 'Initiatives' | 'Sprints' | 'Releases' | 'Saved views' | 'Views' | 'Actions';
  entries: PaletteEntry[];
}

const VIEWS: { view: ViewName; label: string; also: string }[] = [
  { view: 'backlog', label: 'Backlog', also: 'items list' },
  { view: 'roadmap', label: 'Roadmap', also: 'board now next later' },
  { view: 'timeline', label: 'Timeline', also: 'gantt dates' },
  { view: 'sprints', label: 'Sprints', also: 'sprint planning capacity teams' },
  { view: 'board', label: 'Sprint board', also: 'kanban active sprint columns wip' },
  { view: 'reports', label: 'Reports', also: 'velocity cumulative flow charts' },
  { view: 'releases', label: 'Releases', also: 'versions release notes feed' },
  { view: 'products', label: 'All products', also: 'switch product' },
];

const ACTIONS: { action: ActionName; label: string; also: string; hint?: string }[] = [
  { action: 'new-item', label: 'New item…', also: 'create add story task bug' },
  { action: 'new-initiative', label: 'New initiative…', also: 'create add roadmap' },
  { action: 'help', label: 'Keyboard shortcuts', also: 'help keys', hint: '?' },
  { action: 'logout', label: 'Log out', also: 'sign out logout' },
];

// Lower-cased "KEY title" per item row; rows are replaced when they change, so the cache never goes stale.
const haystacks = new WeakMap<BacklogItemT, string>();
function haystack(item: BacklogItemT): string {
  let text = haystacks.get(item);
  if (text === undefined) {
    text = `${item.key} ${item.title}`.toLowerCase();
    haystacks.set(item, text);
  }
  return text;
}

const wordsOf = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);
const matches = (text: string, words: string[]) => words.every((word) => text.includes(word));

/** The item a query names by key: "CHK-42", "chk-42", or just "42" in product CHK. */
export function itemForKey(store: ProductStore, query: string): BacklogItemT | undefined {
  const text = query.trim();
  if (/^\d+$/.test(text)) return store.itemByKey(`${store.product.key}-${text}`);
  return /^[A-Za-z]{2,10}-\d+$/.test(text) ? store.itemByKey(text) : undefined;
}

export function searchItems(store: ProductStore, query: string, limit = ITEM_LIMIT): BacklogItemT[] {
  const words = wordsOf(query);
  if (words.length === 0) return [];
  const exact = itemForKey(store, query);
  const found: BacklogItemT[] = exact ? [exact] : [];
  // "CHK-4" (or "chk-"): keys starting so — CHK-4, CHK-40, CHK-41… — not titles that mention it.
  const keyPrefix = /^[a-z]{2,10}-\d*$/i.test(query.trim()) ? query.trim().toUpperCase() : null;
  if (keyPrefix) {
    for (const id of store.order) {
      if (found.length >= limit) break;
      const item = store.items.get(id);
      if (item && item !== exact && item.key.startsWith(keyPrefix)) found.push(item);
    }
    return found;
  }
  for (const id of store.order) {
    if (found.length >= limit) break;
    const item = store.items.get(id);
    if (item && item !== exact && matches(haystack(item), words)) found.push(item);
  }
  return found;
}

/** The first few of `list` whose name has every word (none when nothing is typed). */
function byName<T extends { name: string }>(list: readonly T[], words: string[]): T[] {
  if (words.length === 0) return [];
  return list.filter((entry) => matches(entry.name.toLowerCase(), words)).slice(0, LIST_LIMIT);
}

export function searchPalette(
  store: ProductStore,
  query: string,
  lists: PaletteLists = NO_LISTS,
): PaletteGroup[] {
  const words = wordsOf(query);
  const text = query.trim();
  const items = searchItems(store, query);
  const initiatives =
    words.length === 0
      ? []
      : store
          .sortedInitiatives()
          .filter((initiative) => matches(initiative.title.toLowerCase(), words))
          .slice(0, INITIATIVE_LIMIT);
  const views = VIEWS.filter((v) => matches(`${v.label} ${v.also}`.toLowerCase(), words));
  const actions: PaletteEntry[] = ACTIONS.filter((a) =>
    matches(`${a.label} ${a.also}`.toLowerCase(), words),
  ).map(({ action, label, hint }) =>
    hint ? { kind: 'action', action, label, hint } : { kind: 'action', action, label },
  );
  const keyLike = /^[A-Za-z]{2,10}-\d+$/.test(text);
  if (text && !keyLike && !itemForKey(store, text)) {
    actions.push({ kind: 'action', action: 'create-item', label: `Create item “${text}”` });
    actions.push({ kind: 'action', action: 'create-initiative', label: `Create initiative “${text}”` });
  }
  const itemEntries: PaletteEntry[] = items.map((item) => ({ kind: 'item', item }));
  // A key the backlog does not hold (trashed, or another product's): still go there, and say what is there.
  if (keyLike && !itemForKey(store, text)) {
    itemEntries.unshift({ kind: 'action', action: 'open-key', label: `Open ${text.toUpperCase()}` });
  }

  const groups: PaletteGroup[] = [
    { title: 'Items', entries: itemEntries },
    { title: 'Initiatives', entries: initiatives.map((initiative) => ({ kind: 'initiative', initiative })) },
    {
      title: 'Saved views',
      entries: byName(lists.savedViews, words).map((savedView) => ({ kind: 'saved-view', savedView })),
    },
    { title: 'Sprints', entries: byName(lists.sprints, words).map((sprint) => ({ kind: 'sprint', sprint })) },
    {
      title: 'Releases',
      entries: byName(lists.releases, words).map((release) => ({ kind: 'release', release })),
    },
    { title: 'Views', entries: views.map(({ view, label }) => ({ kind: 'view', view, label })) },
    { title: 'Actions', entries: actions },
  ];
  // A query that is exactly a view's or an action's name ("timeline", "log out") means that, not the items
  // that happen to mention it: its group comes first.
  const named = (group: PaletteGroup) =>
    group.entries.some(
      (entry) => 'label' in entry && entry.label.toLowerCase().replace('…', '') === text.toLowerCase(),
    );
  return groups
    .filter((group) => group.entries.length > 0)
    .sort((a, b) => Number(named(b)) - Number(named(a)));
}
