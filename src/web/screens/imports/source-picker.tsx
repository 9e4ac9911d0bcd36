/** Step 1: which tool the export comes from, each with a line on how to get the file out of it. */
import { useId } from 'react';
import { IMPORT_SOURCES, type ImportKindName } from './import-sources.ts';

export function SourcePicker(props: {
  kind: ImportKindName | null;
  disabled: boolean;
  onChoose: (kind: ImportKindName) => void;
}) {
  const id = useId();
  return (
    <fieldset className="import-sources" disabled={props.disabled}>
      <legend>1. Where does the export come from?</legend>
      {IMPORT_SOURCES.map((source) => (
        <div key={source.kind} className="import-source">
          <input
            type="radio"
            name={`${id}-source`}
            id={`${id}-${source.kind}`}
            value={source.kind}
            checked={props.kind === source.kind}
            aria-describedby={`${id}-${source.kind}-how`}
            onChange={() => props.onChoose(source.kind)}
          />
          <label htmlFor={`${id}-${source.kind}`}>{source.label}</label>
          <p id={`${id}-${source.kind}-how`} className="hint">
            {source.howTo}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
