/**
 * A field that shows the saved value and edits it in place: Enter or leaving the field saves, Esc reverts.
 * If someone else changed the same field while the user typed, the save goes against the version typing
 * began from, so it becomes a conflict to resolve rather than a silent overwrite.
 */
import { type KeyboardEvent, useId, useRef, useState } from 'react';

interface InlineFieldProps {
  value: string;
  /** The object's version now; captured when the user starts typing. */
  version: number;
  /**
   * `baseVersion` is given when the saved value changed while the user was typing (someone else edited
   * this very field): saving against it makes the server refuse, and the user sees both versions.
   */
  onSave: (next: string, baseVersion: number | undefined) => void;
  label: string;
  id?: string;
  multiline?: boolean;
  type?: 'text' | 'number';
  className?: string;
  placeholder?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Why the server refused the last edit of this field: shown under it, and the field marked invalid. */
  error?: string | undefined;
  /** A viewer sees the value but cannot change it. */
  readOnly?: boolean;
}

export function InlineField(props: InlineFieldProps) {
  const { value, version, onSave } = props;
  const [draft, setDraft] = useState<string | null>(null);
  // The blur that follows Enter or Esc runs before React re-renders: it must see the latest draft.
  const draftRef = useRef<string | null>(null);
  const baseRef = useRef({ version, value });
  const errorId = useId();

  const setBoth = (next: string | null) => {
    draftRef.current = next;
    setDraft(next);
  };
  const commit = () => {
    const next = draftRef.current;
    setBoth(null);
    if (next === null || next === value) return;
    const base = baseRef.current;
    onSave(next, base.value === value ? undefined : base.version);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setBoth(null);
      event.currentTarget.blur();
    }
  };
  const onChange = (next: string) => {
    if (draftRef.current === null) baseRef.current = { version, value };
    setBoth(props.multiline ? next.replace(/\r?\n/g, ' ') : next);
  };

  const shared = {
    'aria-label': props.label,
    id: props.id,
    className: props.className,
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    value: draft ?? value,
    readOnly: props.readOnly,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? errorId : undefined,
    onBlur: commit,
    onKeyDown,
  };
  const field = props.multiline ? (
    <textarea rows={1} {...shared} onChange={(event) => onChange(event.target.value)} />
  ) : (
    <input
      type={props.type ?? 'text'}
      min={props.min}
      max={props.max}
      step={props.type === 'number' ? 'any' : undefined}
      {...shared}
      onChange={(event) => onChange(event.target.value)}
    />
  );
  if (!props.error) return field;
  return (
    <>
      {field}
      <p className="field-error" id={errorId} role="alert">
        {props.error}
      </p>
    </>
  );
}
