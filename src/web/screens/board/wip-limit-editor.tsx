/** Sets or clears a board column's WIP limit: a small number field that saves on Enter or "Save". */
import { useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';

interface Props {
  column: string;
  limit: number | null;
  onSave: (limit: number | null) => Promise<boolean>;
  onDone: () => void;
}

export function WipLimitEditor({ column, limit, onSave, onDone }: Props) {
  const [value, setValue] = useState(limit === null ? '' : String(limit));
  const [busy, setBusy] = useState(false);
  const save = async (next: number | null) => {
    setBusy(true);
    const saved = await onSave(next);
    setBusy(false);
    if (saved) onDone();
  };
  return (
    <form
      className="sb-wip-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save(value.trim() === '' ? null : Number(value));
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <label>
        <span className="visually-hidden">WIP limit for {column}</span>
        <input
          // biome-ignore lint/a11y/noAutofocus: the user just asked to set the limit
          autoFocus
          type="number"
          min={1}
          max={LIMITS.wipLimit}
          step={1}
          placeholder="None"
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        Save
      </button>
      {limit !== null && (
        <button type="button" disabled={busy} onClick={() => void save(null)}>
          No limit
        </button>
      )}
      <button type="button" className="link-button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
