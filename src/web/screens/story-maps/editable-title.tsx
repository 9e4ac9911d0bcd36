/**
 * A title an editor can rename in place: the title is a button; pressing it shows a field (Enter saves,
 * Escape cancels). Viewers see plain text.
 */
import { memo, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';

export const EditableTitle = memo(function EditableTitle(props: {
  title: string;
  /** What is renamed, for the field's label: "activity", "step", "slice". */
  what: string;
  canEdit: boolean;
  onRename: (title: string) => unknown;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(props.title);
  if (!props.canEdit) return <span className="sm-title">{props.title}</span>;
  if (!editing) {
    return (
      <button
        type="button"
        className="sm-title sm-title-button"
        title={`Rename this ${props.what}`}
        onClick={() => {
          setText(props.title);
          setEditing(true);
        }}
      >
        {props.title}
      </button>
    );
  }
  const save = () => {
    const value = text.trim();
    setEditing(false);
    if (value && value !== props.title) props.onRename(value);
  };
  return (
    <input
      className="sm-title-input"
      aria-label={`Name of the ${props.what}`}
      maxLength={LIMITS.storyMapName}
      value={text}
      // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename; it takes the focus then
      autoFocus
      onChange={(event) => setText(event.target.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') save();
        else if (event.key === 'Escape') {
          event.stopPropagation();
          setEditing(false);
        }
      }}
    />
  );
});
