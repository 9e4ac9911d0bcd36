/** An item's labels: remove one with its button, add one by typing (Enter or a comma), with suggestions. */
import { useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { ItemT } from '../../api/types.ts';
import { updateItem } from '../../state/mutations/items.ts';
import { notify } from '../../state/notices.ts';
import { useStoreOnce } from '../../state/use-store.ts';

const MAX_LABELS = LIMITS.labels;

export function LabelsField({ item }: { item: ItemT }) {
  const store = useStoreOnce();
  const [draft, setDraft] = useState('');
  // Every label in use, gathered when the field gets focus: not on each render of a 20,000-item product.
  const [suggestions, setSuggestions] = useState<string[]>([]);

  const add = (raw: string[]) => {
    const fresh = [...new Set(raw.map((label) => label.trim()))].filter(
      (label) => label && !item.labels.includes(label),
    );
    if (fresh.length === 0) return;
    if (item.labels.length + fresh.length > MAX_LABELS) {
      notify({ kind: 'error', message: `An item has at most ${MAX_LABELS} labels.` });
      return;
    }
    void updateItem(store, item.id, { labels: [...item.labels, ...fresh] });
  };
  const remove = (label: string) =>
    void updateItem(store, item.id, { labels: item.labels.filter((other) => other !== label) });

  return (
    <div className="labels-field">
      <ul className="label-list" aria-labelledby="item-labels-label">
        {item.labels.map((label) => (
          <li key={label} className="label-chip">
            {label}
            <button
              type="button"
              className="label-remove"
              aria-label={`Remove label ${label}`}
              onClick={() => remove(label)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        className="label-input"
        aria-label="Add label"
        placeholder="Add label…"
        list="item-label-suggestions"
        value={draft}
        maxLength={LIMITS.label}
        onFocus={() => {
          const all = new Set<string>();
          for (const other of store.items.values()) for (const label of other.labels) all.add(label);
          setSuggestions([...all].sort().slice(0, 200));
        }}
        onChange={(event) => {
          const value = event.target.value;
          if (value.includes(',')) {
            // A comma ends a label, as in the CLI's --labels a,b.
            add(value.split(',').slice(0, -1));
            setDraft(value.slice(value.lastIndexOf(',') + 1));
          } else {
            setDraft(value);
          }
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add([draft]);
            setDraft('');
          }
        }}
      />
      <datalist id="item-label-suggestions">
        {suggestions
          .filter((label) => !item.labels.includes(label))
          .map((label) => (
            <option key={label} value={label} />
          ))}
      </datalist>
    </div>
  );
}
