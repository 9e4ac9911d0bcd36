/**
 * Step 2: the export file, picked or dropped. Choosing it uploads it as a dry run straight away; while the
 * server reads it the zone says so (fetch reports no upload progress, so a busy state it is).
 */
import { useId, useState } from 'react';
import { formatBytes, type ImportSource } from './import-sources.ts';

export function FilePicker(props: {
  source: ImportSource;
  file: File | null;
  busy: boolean;
  onChoose: (file: File) => void;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  return (
    <section className="import-file" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>2. Choose the file</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop is a pointer convenience; the file input inside is the keyboard's way */}
      <div
        className={`import-drop${over ? ' import-drop-over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          const dropped = event.dataTransfer.files[0];
          if (dropped && !props.busy) props.onChoose(dropped);
        }}
      >
        <label htmlFor={`${id}-file`}>
          {props.source.label} export file <span className="hint">(or drop it here)</span>
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept={props.source.accept}
          disabled={props.busy}
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0];
            if (chosen) props.onChoose(chosen);
            // The same file picked again (after fixing it in the tool) must upload again.
            event.currentTarget.value = '';
          }}
        />
        {props.file && (
          <p className="import-file-name">
            Chosen: {props.file.name} <span className="hint">({formatBytes(props.file.size)})</span>
          </p>
        )}
        {props.busy && props.file && (
          <p className="import-busy" role="status" aria-busy="true">
            <progress aria-label={`Reading ${props.file.name}`} /> Uploading and reading the file — a dry run,
            nothing is written yet…
          </p>
        )}
      </div>
    </section>
  );
}
