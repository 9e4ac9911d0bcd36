/** Adds a theme (a swimlane of the roadmap): a name and a colour. */
import { useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import { themesApi } from '../../api/planning.ts';
import { FormError } from '../../components/form-error.tsx';
import { useStoreOnce } from '../../state/use-store.ts';

const PALETTE = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#db2777', '#0891b2', '#64748b'];

export function AddThemeForm() {
  const store = useStoreOnce();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [color, setColor] = useState(PALETTE[0] ?? '#2563eb');
  const [error, setError] = useState<unknown>(null);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Add theme
      </button>
    );
  }
  const submit = async () => {
    const text = name.trim();
    if (!text) return;
    try {
      const theme = await themesApi.create(store.product.id, { name: text, color });
      store.themes.set(theme.id, theme);
      store.changed();
      setName('');
      setColor(PALETTE[store.themes.size % PALETTE.length] ?? color);
      setError(null);
      setOpen(false);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form
      className="add-theme-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
    >
      <label>
        Theme name
        <input
          // biome-ignore lint/a11y/noAutofocus: the user just asked for this form
          autoFocus
          required
          maxLength={LIMITS.themeName}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label>
        Colour
        <input type="color" value={color} onChange={(event) => setColor(event.target.value)} />
      </label>
      <button type="submit" className="primary">
        Add
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <FormError error={error} />
    </form>
  );
}
