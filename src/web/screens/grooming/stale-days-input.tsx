/** "Stale after [30] days": the stale list's threshold, applied as soon as it is a valid number of days. */
import { useId, useState } from 'react';

/** The bounds the server's GroomingQuery takes. */
const MIN_DAYS = 1;
const MAX_DAYS = 365;

export function StaleDaysInput(props: { days: number; onChange: (days: number) => void }) {
  // While the user types, their text; otherwise the days the report was read with.
  const [draft, setDraft] = useState<string | null>(null);
  const errorId = useId();
  const value = draft ?? String(props.days);
  const days = Number(value);
  const valid = Number.isInteger(days) && days >= MIN_DAYS && days <= MAX_DAYS;
  return (
    // A filter of the report (a viewer may use it too), hence a search landmark like the backlog's filters.
    <search className="grooming-stale-days" aria-label="Filter the stale items">
      <label>
        Stale after
        <input
          type="number"
          min={MIN_DAYS}
          max={MAX_DAYS}
          step={1}
          value={value}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : errorId}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            const next = Number(text);
            if (text.trim() !== '' && Number.isInteger(next) && next >= MIN_DAYS && next <= MAX_DAYS) {
              props.onChange(next);
            }
          }}
          onBlur={() => {
            if (valid) setDraft(null);
          }}
        />
        days
      </label>
      {!valid && (
        <span id={errorId} className="field-error" role="alert">
          A whole number of days from {MIN_DAYS} to {MAX_DAYS}.
        </span>
      )}
    </search>
  );
}
