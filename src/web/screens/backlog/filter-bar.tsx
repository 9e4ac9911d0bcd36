/** The backlog's filters (type, status, initiative, label, text) and what they leave: "N of M items". */
import type { Ref } from 'react';
import type { InitiativeT, ItemStatusT, ItemTypeT } from '../../api/types.ts';
import { StatusOptions, TypeOptions } from '../../components/options.tsx';
import { hasFilters } from './backlog-filters.ts';
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

export function FilterBar(props: {
  controls: FilterControls;
  initiatives: InitiativeT[];
  labels: string[];
  count: string;
  queryRef: Ref<HTMLInputElement>;
  /** Arrow Down or Enter in the text field: on to the list. */
  onToList: () => void;
}) {
  const { filters, set, setQuery, clear } = props.controls;
  const labels =
    filters.label && !props.labels.includes(filters.label) ? [filters.label, ...props.labels] : props.labels;
  const initiativeKnown =
    !filters.initiative ||
    filters.initiative === 'none' ||
    props.initiatives.some((i) => i.id === filters.initiative);
  return (
    <search className="backlog-filters" aria-label="Filter the backlog">
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
      <select
        aria-label="Type"
        value={filters.type ?? ''}
        onChange={(event) => set({ type: (event.target.value || null) as ItemTypeT | null })}
      >
        <option value="">All types</option>
        <TypeOptions />
      </select>
      <select
        aria-label="Status"
        value={filters.status ?? ''}
        onChange={(event) => set({ status: (event.target.value || null) as ItemStatusT | null })}
      >
        <option value="">All statuses</option>
        <StatusOptions />
      </select>
      <select
        aria-label="Initiative"
        className="filter-initiative"
        value={filters.initiative ?? ''}
        onChange={(event) => set({ initiative: event.target.value || null })}
      >
        <option value="">All initiatives</option>
        <option value="none">No initiative</option>
        {!initiativeKnown && filters.initiative && (
          <option value={filters.initiative}>An initiative that is gone</option>
        )}
        {props.initiatives.map((initiative) => (
          <option key={initiative.id} value={initiative.id}>
            {initiative.title}
          </option>
        ))}
      </select>
      <select
        aria-label="Label"
        value={filters.label ?? ''}
        onChange={(event) => set({ label: event.target.value || null })}
      >
        <option value="">All labels</option>
        {labels.map((label) => (
          <option key={label} value={label}>
            {label}
          </option>
        ))}
      </select>
      {hasFilters(filters) && (
        <button type="button" className="link-button" onClick={clear}>
          Clear filters
        </button>
      )}
      <p className="backlog-count" role="status">
        {props.count}
      </p>
    </search>
  );
}
