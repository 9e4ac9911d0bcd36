/**
 * Links a requirement to backlog items: search the product's items (held by the product store) by key or
 * title, pick one with the mouse or the keyboard. Linked items show as chips that can be removed.
 */
import { useId, useMemo, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { PrdT } from '../../api/prds.ts';
import { useStore } from '../../state/use-store.ts';

/** Results shown at once: enough to pick from, few enough to scan. */
const MAX_RESULTS = 8;

export function ItemPicker(props: {
  label: string;
  itemIds: string[];
  /** What the server said of linked items the store no longer holds (trashed ones). */
  known: PrdT['linkedItems'];
  disabled: boolean;
  onChange: (itemIds: string[]) => void;
}) {
  const store = useStore();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const found = [];
    for (const id of store.order) {
      const item = store.items.get(id);
      if (!item || props.itemIds.includes(item.id)) continue;
      if (item.key.toLowerCase().includes(q) || item.title.toLowerCase().includes(q)) found.push(item);
      if (found.length >= MAX_RESULTS) break;
    }
    return found;
  }, [query, store.order, store.items, props.itemIds]);
  const describe = (id: string) => {
    const held = store.items.get(id);
    if (held) return { key: held.key, title: held.title, trashed: false };
    const known = props.known.find((item) => item.id === id);
    return known ? { key: known.key, title: known.title, trashed: known.trashed } : null;
  };
  const add = (id: string) => {
    if (props.itemIds.length >= LIMITS.prdRequirementItems) return;
    props.onChange([...props.itemIds, id]);
    setQuery('');
  };

  return (
    <div className="item-picker">
      <ul className="linked-items" aria-label={`${props.label}: linked items`}>
        {props.itemIds.map((id) => {
          const item = describe(id);
          return (
            <li key={id} className={item?.trashed ? 'trashed' : undefined}>
              <span>
                {item ? `${item.key} ${item.title}` : 'An item no longer in the backlog'}
                {item?.trashed && ' (in the trash)'}
              </span>
              {!props.disabled && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Unlink ${item?.key ?? 'item'}`}
                  onClick={() => props.onChange(props.itemIds.filter((other) => other !== id))}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!props.disabled && props.itemIds.length < LIMITS.prdRequirementItems && (
        <div className="item-search">
          <label htmlFor={inputId} className="visually-hidden">
            {props.label}: link an item
          </label>
          <input
            id={inputId}
            type="search"
            placeholder="Link an item: key or title"
            maxLength={LIMITS.search}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              const first = results[0];
              if (event.key === 'Enter') {
                event.preventDefault();
                if (first) add(first.id);
              } else if (event.key === 'Escape') setQuery('');
            }}
          />
          {results.length > 0 && (
            <ul className="item-results" aria-label="Matching items">
              {results.map((item) => (
                <li key={item.id}>
                  <button type="button" onClick={() => add(item.id)}>
                    <strong>{item.key}</strong> {item.title}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {query.trim() !== '' && results.length === 0 && <p className="hint">No item matches.</p>}
        </div>
      )}
    </div>
  );
}
