/**
 * One grooming list: its items (key opening the item panel, title, estimate, what the list says of it) and,
 * for editors, checkboxes with the list's actions over the selected items. The selection is read against
 * the items listed now: an item that left the list meanwhile (fixed elsewhere, live) is not acted on.
 */
import { type ReactNode, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { paths } from '../../routes.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { useStore } from '../../state/use-store.ts';
import { estimateText } from './grooming-text.ts';
import { headerState, selectedListed, toggle, toggleAll, toggleRange } from './list-selection.ts';

export interface ListedItem {
  itemId: string;
  key: string;
  title: string;
  estimate: number | null;
}

/** The item's key as a link that opens it in the side panel over this screen. */
export function ItemKeyLink({ itemKey }: { itemKey: string }) {
  const location = useLocation();
  return (
    <Link to={paths.item(itemKey)} state={{ background: location }} className="key grooming-key">
      {itemKey}
    </Link>
  );
}

/**
 * The report is read again a moment after a change; an item the store no longer holds (moved to the trash,
 * merged) leaves at once. Only once the whole backlog is in: a part of it would hide items still there.
 */
export function liveOnly<T extends { itemId: string }>(
  store: ProductStore,
  items: readonly T[],
): readonly T[] {
  return store.state === 'ready' ? items.filter((item) => store.items.has(item.itemId)) : items;
}

export function ItemList<T extends ListedItem>(props: {
  /** What the list is, for its accessible name ("Stale items"). */
  label: string;
  items: readonly T[];
  /** What the list says of one item (its failing rules, its age). */
  detail?: (item: T) => ReactNode;
  /** Buttons acting on one item (Split…). */
  rowActions?: (item: T) => ReactNode;
  /** The list's actions over the selected items; without them, no checkboxes. */
  bulkActions?: (ids: string[], clear: () => void) => ReactNode;
}) {
  const store = useStore();
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const items = liveOnly(store, props.items);
  const listed = items.map((item) => item.itemId);
  const selected = selectedListed(selection, listed);
  const state = headerState(selection, listed);
  const selectable = props.bulkActions !== undefined && listed.length > 0;
  const clear = () => setSelection(new Set());
  return (
    <div className="grooming-list">
      {selectable && (
        <fieldset className="grooming-bulk">
          <legend className="visually-hidden">Selected {props.label.toLowerCase()}</legend>
          <label className="grooming-select-all">
            <input
              type="checkbox"
              checked={state === 'all'}
              ref={(box) => {
                if (box) box.indeterminate = state === 'some';
              }}
              onChange={() => setSelection(toggleAll(selection, listed))}
            />
            <span>{selected.length > 0 ? `${selected.length} selected` : 'Select all'}</span>
            <span className="visually-hidden"> of the {props.label.toLowerCase()}</span>
          </label>
          {selected.length > 0 && props.bulkActions?.(selected, clear)}
        </fieldset>
      )}
      <ul aria-label={props.label} className="grooming-items">
        {items.map((item) => (
          <li key={item.itemId} className={selection.has(item.itemId) ? 'selected' : undefined}>
            {selectable && (
              <input
                type="checkbox"
                aria-label={`Select ${item.key}`}
                checked={selection.has(item.itemId)}
                onChange={() => undefined}
                onClick={(event) => {
                  const id = item.itemId;
                  setSelection(
                    event.shiftKey
                      ? toggleRange(selection, listed, anchor.current, id)
                      : toggle(selection, id),
                  );
                  anchor.current = id;
                }}
              />
            )}
            <ItemKeyLink itemKey={item.key} />
            <span className="grooming-title">{item.title}</span>
            <span className="grooming-estimate">{estimateText(item.estimate)}</span>
            {props.detail && <span className="grooming-detail">{props.detail(item)}</span>}
            {props.rowActions && <span className="grooming-row-actions">{props.rowActions(item)}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A section of the report: a heading with its count, what it means, and its list (or that it is empty). */
export function ReportSection(props: {
  id: string;
  title: string;
  count: string;
  about?: ReactNode;
  /** Controls beside the heading (the stale list's days). */
  tools?: ReactNode;
  empty: string;
  isEmpty: boolean;
  children: ReactNode;
}) {
  const headingId = `grooming-${props.id}`;
  return (
    <section className={`grooming-section grooming-${props.id}`} aria-labelledby={headingId}>
      <div className="grooming-section-head">
        <h2 id={headingId}>
          {props.title} <span className="grooming-count">{props.count}</span>
        </h2>
        {props.tools}
      </div>
      {props.about && <p className="hint grooming-about">{props.about}</p>}
      {props.isEmpty ? <p className="grooming-empty">{props.empty}</p> : props.children}
    </section>
  );
}
