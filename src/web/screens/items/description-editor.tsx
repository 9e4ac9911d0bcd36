/**
 * The markdown description: rendered safely (components/markdown.tsx sanitizes), edited in a textarea with
 * Save and Cancel. The save carries the version editing began from, so if someone else saved meanwhile the
 * conflict dialog shows both texts instead of theirs being overwritten.
 */
import { useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { ItemT } from '../../api/types.ts';
import { Markdown } from '../../components/markdown.tsx';
import { updateItem } from '../../state/mutations/items.ts';
import { useStoreOnce } from '../../state/use-store.ts';
import { useReturnFocus } from './use-return-focus.ts';

interface Editing {
  draft: string;
  baseVersion: number;
  /** The text when editing began: if the saved text moves away from it, someone else has edited it. */
  original: string;
}

export function DescriptionEditor({ item, currentVersion }: { item: ItemT; currentVersion: number }) {
  const store = useStoreOnce();
  const [editing, setEditing] = useState<Editing | null>(null);
  const sectionRef = useReturnFocus(editing !== null);

  const start = () =>
    setEditing({ draft: item.description, baseVersion: currentVersion, original: item.description });

  const save = async (current: Editing) => {
    setEditing(null);
    if (current.draft === item.description) return;
    // Only a change to this text since editing began is a conflict; someone setting the status meanwhile
    // is not, so then the save goes against the latest version.
    const theirsChanged = item.description !== current.original;
    const saved = await updateItem(
      store,
      item.id,
      { description: current.draft },
      theirsChanged ? { baseVersion: current.baseVersion } : {},
    );
    // Refused for another reason than a conflict (whose dialog keeps the text): give the text back.
    const now = store.fullItems.get(item.id)?.description;
    if (!saved && now === current.original) setEditing(current);
  };

  if (editing) {
    const changedMeanwhile = item.description !== editing.original;
    return (
      <section ref={sectionRef} className="item-section" aria-labelledby="item-description-heading">
        <h3 id="item-description-heading">Description</h3>
        <textarea
          className="description-input"
          aria-label="Description (Markdown)"
          rows={10}
          maxLength={LIMITS.itemDescription}
          // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this text
          autoFocus
          value={editing.draft}
          onChange={(event) => setEditing({ ...editing, draft: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setEditing(null);
            } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void save(editing);
            }
          }}
        />
        {changedMeanwhile && (
          <p className="hint warn" role="status">
            Someone else changed this description since you began. Saving will show both versions.
          </p>
        )}
        <div className="section-actions">
          <button type="button" className="primary" onClick={() => void save(editing)}>
            Save description
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
          <span className="hint">Markdown · Ctrl+Enter saves · Esc cancels</span>
        </div>
      </section>
    );
  }

  return (
    <section ref={sectionRef} className="item-section" aria-labelledby="item-description-heading">
      <div className="section-heading">
        <h3 id="item-description-heading">Description</h3>
        {item.description && (
          <button type="button" className="link-button" onClick={start}>
            Edit description
          </button>
        )}
      </div>
      {item.description ? (
        <Markdown source={item.description} className="item-description" showPlainTextHint />
      ) : (
        <button type="button" className="add-button" onClick={start}>
          + Add a description
        </button>
      )}
    </section>
  );
}
