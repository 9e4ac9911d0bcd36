/**
 * A one-line "add" form: a labelled field and a button, Enter adds. The field clears once the add is
 * accepted; `onAdd` resolving false (a refused save) keeps the text so it can be corrected.
 */
import { useState } from 'react';

export function InlineAdd(props: {
  label: string;
  placeholder: string;
  maxLength: number;
  button: string;
  /** Resolves false to keep the text (the add was refused); anything else clears the field. */
  onAdd: (text: string) => unknown;
}) {
  const [text, setText] = useState('');
  return (
    <form
      className="inline-add"
      onSubmit={async (event) => {
        event.preventDefault();
        const value = text.trim();
        if (!value) return;
        if ((await props.onAdd(value)) !== false) setText('');
      }}
    >
      <input
        aria-label={props.label}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" disabled={!text.trim()}>
        {props.button}
      </button>
    </form>
  );
}
