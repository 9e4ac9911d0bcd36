/** The initiative's title: a heading, turned into a field by "Rename" (or a click) and saved on Enter. */
import { useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { InitiativeT } from '../../api/types.ts';
import { fieldError } from '../../state/mutations/field-errors.ts';
import { updateInitiative } from '../../state/mutations/initiatives.ts';
import { useStore } from '../../state/use-store.ts';

export function InitiativeTitle({ initiative }: { initiative: InitiativeT }) {
  // Subscribed: a refused title shows its message as soon as the server answers.
  const store = useStore();
  const [draft, setDraft] = useState<{ text: string; original: string; baseVersion: number } | null>(null);
  const start = () =>
    setDraft({ text: initiative.title, original: initiative.title, baseVersion: initiative.version });
  const save = () => {
    if (!draft) return;
    const text = draft.text.trim();
    if (text && text !== initiative.title) {
      // Checked against the version the rename began from only when the title itself changed meanwhile
      // (someone else renamed it): this reader's own edits still saving are no conflict (as EditableText).
      const theirsChanged = initiative.title !== draft.original;
      void updateInitiative(
        store,
        initiative.id,
        { title: text },
        theirsChanged ? { baseVersion: draft.baseVersion } : {},
      );
    }
    setDraft(null);
  };

  const error = fieldError(store, initiative.id, 'title');
  if (store.readOnly) {
    return (
      <div className="initiative-title">
        <h1>{initiative.title}</h1>
      </div>
    );
  }
  if (draft) {
    return (
      <input
        // biome-ignore lint/a11y/noAutofocus: the user just asked to rename
        autoFocus
        className="initiative-title-input"
        aria-label="Title"
        required
        maxLength={LIMITS.initiativeTitle}
        value={draft.text}
        onChange={(event) => setDraft({ ...draft, text: event.target.value })}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            save();
          } else if (event.key === 'Escape') {
            event.stopPropagation();
            setDraft(null);
          }
        }}
      />
    );
  }
  return (
    <div className="initiative-title">
      {/* A click on the title renames it, as in a document; the button is the keyboard way. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the "Rename" button next to it does the same by keyboard */}
      <h1 onClick={start}>{initiative.title}</h1>
      <button type="button" className="link-button" onClick={start}>
        Rename
      </button>
      {error && (
        <p className="field-error" role="alert">
          Title not saved: {error}
        </p>
      )}
    </div>
  );
}
