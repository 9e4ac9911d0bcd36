/** "Add initiative" in a board cell: a title field that creates the initiative in that horizon and theme. */
import { useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { HorizonT } from '../../api/types.ts';
import { createInitiative } from '../../state/mutations/initiatives.ts';
import { useStoreOnce } from '../../state/use-store.ts';

export function AddInitiativeInline(props: { horizon: HorizonT; themeId: string | null; where: string }) {
  const store = useStoreOnce();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');

  if (!open) {
    return (
      <button
        type="button"
        className="add-initiative"
        aria-label={`Add initiative to ${props.where}`}
        onClick={() => setOpen(true)}
      >
        + Add initiative
      </button>
    );
  }
  const submit = () => {
    const text = title.trim();
    if (!text) return;
    setTitle('');
    // Stays open for the next one, as in a list: type, Enter, type, Enter.
    void createInitiative(store, { title: text, horizon: props.horizon, themeId: props.themeId });
  };
  return (
    <form
      className="add-initiative-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <input
        // biome-ignore lint/a11y/noAutofocus: the user just asked for this field by pressing "Add initiative"
        autoFocus
        aria-label={`New initiative title (${props.where})`}
        placeholder="Initiative title, then Enter"
        value={title}
        maxLength={LIMITS.initiativeTitle}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            setOpen(false);
          }
        }}
        onBlur={() => {
          if (!title.trim()) setOpen(false);
        }}
      />
    </form>
  );
}
