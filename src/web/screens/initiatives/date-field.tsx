/**
 * A date input that saves when the user leaves it (or presses Enter), not on every keystroke: typing a year
 * digit by digit passes through valid but unwanted dates.
 */
import { useEffect, useState } from 'react';

interface DateFieldProps {
  label: string;
  value: string | null;
  /** Saves the date (null when cleared); returns an error to show instead, e.g. dates out of order. */
  onSave: (value: string | null) => string | null;
}

export function DateField({ label, value, onSave }: DateFieldProps) {
  const [draft, setDraft] = useState(value ?? '');
  const [error, setError] = useState<string | null>(null);
  // Follows changes made elsewhere (the timeline, another user) while the field is not being edited.
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = () => {
    const next = draft || null;
    if (next === value) {
      setError(null);
      return;
    }
    const problem = onSave(next);
    setError(problem);
    if (problem) setDraft(value ?? '');
  };
  const errorId = `${label.replace(/\W+/g, '-').toLowerCase()}-error`;
  return (
    <div className="field">
      <label>
        {label}
        <input
          type="date"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            }
          }}
        />
      </label>
      {error && (
        <p className="form-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
