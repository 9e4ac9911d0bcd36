/** The backlog's orders besides rank: pure and stable (equal rows keep their rank order). */
import type { BacklogItemT } from '../../api/types.ts';
import { ITEM_STATUSES, ITEM_TYPES } from '../../api/types.ts';
import type { BacklogFilters, SortBy } from './backlog-filters.ts';

export const SORT_LABELS: Record<SortBy, string> = {
  rank: 'Rank',
  key: 'Key',
  title: 'Title',
  type: 'Type',
  status: 'Status',
  estimate: 'Estimate',
  updated: 'Last updated',
};

/** CHK-12 after CHK-2: the number of a key, compared as a number. */
function keyNumber(key: string): number {
  const dash = key.lastIndexOf('-');
  return Number(key.slice(dash + 1)) || 0;
}

const byTitle = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

type Compare = (a: BacklogItemT, b: BacklogItemT) => number;

const COMPARE: Record<Exclude<SortBy, 'rank' | 'estimate'>, Compare> = {
  key: (a, b) => keyNumber(a.key) - keyNumber(b.key) || a.key.localeCompare(b.key),
  title: (a, b) => byTitle.compare(a.title, b.title),
  type: (a, b) => ITEM_TYPES.indexOf(a.type) - ITEM_TYPES.indexOf(b.type),
  status: (a, b) => ITEM_STATUSES.indexOf(a.status) - ITEM_STATUSES.indexOf(b.status),
  updated: (a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0),
};

/**
 * The rows in the order asked for. `items` come in rank order, which breaks ties; unestimated items stay
 * last whichever way estimates are sorted.
 */
export function sortItems(items: readonly BacklogItemT[], sort: BacklogFilters['sort']): BacklogItemT[] {
  const sign = sort.direction === 'desc' ? -1 : 1;
  if (sort.by === 'rank') return sign === 1 ? (items as BacklogItemT[]) : [...items].reverse();
  const position = new Map<BacklogItemT, number>();
  for (const [index, item] of items.entries()) position.set(item, index);
  const tie = (a: BacklogItemT, b: BacklogItemT) => (position.get(a) ?? 0) - (position.get(b) ?? 0);
  let compare: Compare;
  if (sort.by === 'estimate') {
    compare = (a, b) => {
      if (a.estimate === null || b.estimate === null) {
        return a.estimate === b.estimate ? tie(a, b) : a.estimate === null ? 1 : -1;
      }
      return sign * (a.estimate - b.estimate) || tie(a, b);
    };
  } else {
    const by = COMPARE[sort.by];
    compare = (a, b) => sign * by(a, b) || tie(a, b);
  }
  return [...items].sort(compare);
}
