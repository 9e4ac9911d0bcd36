/**
 * The items shipping in a release, each opening in the side panel; editors add items found by key or title
 * among the product's items and take items out. Assignments go through the optimistic item mutation.
 */
import { useId, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { ReleaseDetailT } from '../../api/releases.ts';
import { StatusChip, TypeBadge } from '../../components/chips.tsx';
import { paths } from '../../routes.ts';
import { updateItem } from '../../state/mutations/items.ts';
import { useStore } from '../../state/use-store.ts';
import { findItemsToAdd } from './release-text.ts';

export function ReleaseItems({ release, onChanged }: { release: ReleaseDetailT; onChanged: () => void }) {
  const store = useStore();
  const location = useLocation();
  const headingId = useId();
  const assign = async (itemId: string, releaseId: string | null) => {
    if (await updateItem(store, itemId, { releaseId })) onChanged();
  };
  return (
    <section className="release-items" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Items <span className="hint">{release.items.length}</span>
      </h2>
      {release.items.length === 0 ? (
        <p className="release-empty">
          No items in this release yet.{store.readOnly ? '' : ' Find them below by key or title.'}
        </p>
      ) : (
        <ul className="release-item-list" aria-label="Items in the release">
          {release.items.map((item) => (
            <li key={item.id} className={item.status === 'done' ? 'done' : ''}>
              <Link to={paths.item(item.key)} state={{ background: location }} className="release-item-link">
                <TypeBadge type={item.type} />
                <span className="key">{item.key}</span>
                <span className="release-item-title">{item.title}</span>
              </Link>
              <StatusChip status={item.status} />
              {!store.readOnly && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove ${item.key} from the release`}
                  onClick={() => void assign(item.id, null)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!store.readOnly && <AddItems release={release} onAdd={(id) => void assign(id, release.id)} />}
    </section>
  );
}

function AddItems({ release, onAdd }: { release: ReleaseDetailT; onAdd: (itemId: string) => void }) {
  const store = useStore();
  const [text, setText] = useState('');
  const resultsId = useId();
  const version = store.version;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is mutable; its version says when it changed
  const found = useMemo(
    () => findItemsToAdd(store.orderedItems(), text, release.id),
    [store, version, text, release.id],
  );
  const releaseName = (id: string | null) => (id ? 'another release' : null);
  return (
    <div className="release-add">
      <label>
        Add items
        <input
          type="search"
          value={text}
          placeholder="Find an item by key or title"
          aria-controls={resultsId}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <ul id={resultsId} className="release-add-results" aria-label="Items found">
        {text.trim() && found.length === 0 && <li className="hint">No item matches “{text.trim()}”.</li>}
        {found.map((item) => (
          <li key={item.id}>
            <button type="button" className="release-add-button" onClick={() => onAdd(item.id)}>
              <span className="release-add-verb">Add</span>
              <span className="key">{item.key}</span>
              <span className="release-item-title">{item.title}</span>
            </button>
            <StatusChip status={item.status} />
            {item.releaseId && <span className="hint">(moves from {releaseName(item.releaseId)})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
