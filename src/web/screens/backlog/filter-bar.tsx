/**
 * The backlog's filters (text, open only, a multi-select per field, the sort) and what they leave:
 * "N of M items". Every choice is a navigation: the URL holds the filters.
 */
import type { ReactNode, Ref } from 'react';
import type { SprintT } from '../../api/execution.ts';
import type { ReleaseT } from '../../api/releases.ts';
import { ITEM_STATUSES, ITEM_TYPES, STATUS_LABELS, TYPE_LABELS } from '../../api/types.ts';
import { type Choice, MultiSelect } from '../../components/multi-select.tsx';
import type { ProductStore } from '../../state/product-store.ts';
import {
  BACKLOG_SORTS,
  type BacklogFilters,
  hasFilters,
  type ListField,
  type SortBy,
} from './backlog-filters.ts';
import { SORT_LABELS } from './backlog-sort.ts';
import type { FilterControls } from './use-backlog-filters.ts';

// One formatter: toLocaleString builds a new one per call, and this runs on every filter keystroke.
const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

function plural(count: number, one: string, many: string): string {
  return `${NUMBER.format(count)} ${count === 1 ? one : many}`;
}

/** "12 of 340 items · 31 points (4 unestimated)". */
export function countText(props: {
  shown: number;
  total: number;
  points: number;
  unestimated: number;
}): string {
  const items =
    props.shown === props.total
      ? plural(props.total, 'item', 'items')
      : `${NUMBER.format(props.shown)} of ${plural(props.total, 'item', 'items')}`;
  const points = plural(props.points, 'point', 'points');
  return props.unestimated > 0
    ? `${items} · ${points} (${NUMBER.format(props.unestimated)} unestimated)`
    : `${items} · ${points}`;
}

const none = (label: string): Choice => ({ value: 'none', label });

/** The choices of each list filter, from what the product holds. */
function filterChoices(props: {
  store: ProductStore;
  labels: string[];
  sprints: readonly SprintT[];
  releases: readonly ReleaseT[];
}): { field: ListField; label: string; choices: Choice[] }[] {
  const { store } = props;
  return [
    {
      field: 'status',
      label: 'Status',
      choices: ITEM_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
    },
    { field: 'type', label: 'Type', choices: ITEM_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] })) },
    {
      field: 'initiative',
      label: 'Initiative',
      choices: [
        none('No initiative'),
        ...store.sortedInitiatives().map((i) => ({ value: i.id, label: i.title })),
      ],
    },
    {
      field: 'theme',
      label: 'Theme',
      choices: [none('No theme'), ...[...store.themes.values()].map((t) => ({ value: t.id, label: t.name }))],
    },
    {
      field: 'sprint',
      label: 'Sprint',
      choices: [
        none('No sprint'),
        ...props.sprints.map((s) => ({
          value: s.id,
          label: s.state === 'closed' ? `${s.name} (closed)` : s.name,
        })),
      ],
    },
    {
      field: 'release',
      label: 'Release',
      choices: [none('No release'), ...props.releases.map((r) => ({ value: r.id, label: r.name }))],
    },
    { field: 'label', label: 'Label', choices: props.labels.map((l) => ({ value: l, label: l })) },
    {
      field: 'assignee',
      label: 'Assignee',
      choices: [
        none('Unassigned'),
        ...[...store.users.values()].map((u) => ({ value: u.id, label: u.name })),
      ],
    },
    {
      field: 'readiness',
      label: 'Readiness',
      choices: [
        { value: 'ready', label: 'Ready' },
        { value: 'not_ready', label: 'Not ready' },
      ],
    },
    {
      field: 'blocked',
      label: 'Blocked',
      choices: [
        { value: 'blocked', label: 'Blocked' },
        { value: 'unblocked', label: 'Unblocked' },
      ],
    },
  ];
}

export function FilterBar(props: {
  controls: FilterControls;
  store: ProductStore;
  labels: string[];
  sprints: readonly SprintT[];
  releases: readonly ReleaseT[];
  count: string;
  queryRef: Ref<HTMLInputElement>;
  /** Arrow Down or Enter in the text field: on to the list. */
  onToList: () => void;
  /** The saved views menu. */
  views: ReactNode;
}) {
  const { filters, set, setQuery, clear } = props.controls;
  const setList = (field: ListField, values: string[]) => set({ [field]: values } as Partial<BacklogFilters>);
  return (
    <search className="backlog-filters" aria-label="Filter the backlog">
      <div className="filter-row">
        <input
          ref={props.queryRef}
          type="search"
          className="filter-text"
          aria-label="Filter by text"
          aria-keyshortcuts="/"
          placeholder="Filter by key, title, label…  /"
          value={filters.q}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault();
              props.onToList();
            } else if (event.key === 'Escape' && filters.q) {
              event.preventDefault();
              event.stopPropagation();
              setQuery('');
            }
          }}
        />
        <label className="filter-open">
          <input
            type="checkbox"
            checked={filters.open}
            onChange={(event) => set({ open: event.target.checked })}
          />
          Open only
        </label>
        <label className="filter-sort">
          Sort by{' '}
          <select
            aria-label="Sort by"
            value={filters.sort.by}
            onChange={(event) => set({ sort: { ...filters.sort, by: event.target.value as SortBy } })}
          >
            {BACKLOG_SORTS.map((by) => (
              <option key={by} value={by}>
                {SORT_LABELS[by]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="filter-direction"
          aria-label={
            filters.sort.direction === 'asc' ? 'Ascending; sort descending' : 'Descending; sort ascending'
          }
          onClick={() =>
            set({ sort: { ...filters.sort, direction: filters.sort.direction === 'asc' ? 'desc' : 'asc' } })
          }
        >
          {filters.sort.direction === 'asc' ? '↑' : '↓'}
        </button>
        {props.views}
        {hasFilters(filters) && (
          <button type="button" className="link-button" onClick={clear}>
            Clear filters
          </button>
        )}
        <p className="backlog-count" role="status">
          {props.count}
        </p>
      </div>
      <div className="filter-lists">
        {filterChoices(props).map(({ field, label, choices }) => (
          <MultiSelect
            key={field}
            label={label}
            choices={choices}
            values={filters[field]}
            onChange={(values) => setList(field, values)}
          />
        ))}
      </div>
    </search>
  );
}
