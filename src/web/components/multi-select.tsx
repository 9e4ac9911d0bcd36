/**
 * A list of choices of which any number may be chosen: a native multiple <select> (a listbox to assistive
 * technology, with its keyboard), where a plain click adds or removes one value instead of replacing them all.
 */
import type { MouseEvent } from 'react';

export interface Choice {
  value: string;
  label: string;
}

export function MultiSelect(props: {
  label: string;
  choices: readonly Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  className?: string;
}) {
  const chosen = new Set(props.values);
  // A value in the URL that no choice names any more (a deleted sprint) stays visible, so it can be removed.
  const choices = [
    ...props.choices,
    ...props.values
      .filter((value) => !props.choices.some((choice) => choice.value === value))
      .map((value) => ({ value, label: 'One that is gone' })),
  ];
  const toggle = (event: MouseEvent<HTMLOptionElement>, value: string) => {
    if (event.shiftKey) return;
    event.preventDefault();
    event.currentTarget.parentElement?.focus();
    props.onChange(chosen.has(value) ? props.values.filter((v) => v !== value) : [...props.values, value]);
  };
  return (
    <div className={`multi-select ${props.className ?? ''}`}>
      <span className="multi-select-label" aria-hidden="true">
        {props.label}
        {props.values.length > 0 ? ` (${props.values.length})` : ''}
      </span>
      <select
        multiple
        size={3}
        aria-label={props.label}
        value={props.values as string[]}
        onChange={(event) => props.onChange([...event.target.selectedOptions].map((option) => option.value))}
      >
        {choices.map((choice) => (
          <option
            key={choice.value}
            value={choice.value}
            onMouseDown={(event) => toggle(event, choice.value)}
          >
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
