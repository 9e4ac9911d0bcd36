/**
 * A long text shown read-only, edited on request in a textarea. The edit remembers the text and version it
 * began from: when this text was changed meanwhile (by someone else), the save goes against that version, so
 * the change shows as a conflict instead of being overwritten. A change to another field meanwhile (the
 * user's own summary still saving, someone setting the status) is no conflict: the save then goes against
 * the latest version, as the item editors do.
 */
import { type ReactNode, useId, useState } from 'react';
import { Markdown } from '../../components/markdown.tsx';

interface EditableTextProps {
  label: string;
  /** Said under the heading: what this text is for, and who reads it. */
  hint?: ReactNode;
  value: string;
  version: number;
  markdown: boolean;
  maxLength: number;
  empty: string;
  /** `baseVersion` only when this text changed since the edit began. */
  onSave: (value: string, baseVersion: number | undefined) => void;
}

export function EditableText(props: EditableTextProps) {
  const [draft, setDraft] = useState<{ text: string; original: string; baseVersion: number } | null>(null);
  const headingId = useId();
  const start = () => setDraft({ text: props.value, original: props.value, baseVersion: props.version });
  const save = () => {
    if (!draft) return;
    const theirsChanged = props.value !== draft.original;
    if (draft.text !== props.value) props.onSave(draft.text, theirsChanged ? draft.baseVersion : undefined);
    setDraft(null);
  };
  return (
    <section className="editable-text" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{props.label}</h2>
        {!draft && (
          <button
            type="button"
            className="link-button"
            onClick={start}
            aria-label={`Edit ${props.label.toLowerCase()}`}
          >
            Edit
          </button>
        )}
      </div>
      {props.hint && <p className="hint">{props.hint}</p>}
      {draft ? (
        <div className="editable-text-form">
          <textarea
            // biome-ignore lint/a11y/noAutofocus: the user just pressed "Edit"
            autoFocus
            aria-label={props.label}
            rows={8}
            maxLength={props.maxLength}
            value={draft.text}
            onChange={(event) => setDraft({ ...draft, text: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                save();
              } else if (event.key === 'Escape') {
                event.stopPropagation();
                setDraft(null);
              }
            }}
          />
          <div className="actions">
            <button type="button" className="primary" onClick={save}>
              Save
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
            <span className="hint">
              {props.markdown ? 'Markdown · ' : ''}
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves, <kbd>Esc</kbd> cancels
            </span>
          </div>
        </div>
      ) : props.value ? (
        props.markdown ? (
          <Markdown source={props.value} className="editable-text-view" />
        ) : (
          <p className="editable-text-view plain">{props.value}</p>
        )
      ) : (
        <p className="editable-text-empty">{props.empty}</p>
      )}
    </section>
  );
}
