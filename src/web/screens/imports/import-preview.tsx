/**
 * Step 3 and 4: the dry run's report — counts, the editable status mapping, the first rows, conflicts and
 * skipped rows — and the button that runs the import for real with the mapping shown.
 */
import type { ItemStatusName } from '../../../domain/item-status.ts';
import type { ImportReportT } from '../../api/imports.ts';
import { FormError } from '../../components/form-error.tsx';
import { ConflictList, CountsTable, ImportNotes, PreviewRows, SkippedList } from './report-parts.tsx';
import { FORMAT_LABELS, importButtonLabel, writesSomething } from './report-text.ts';
import { StatusMappingTable } from './status-mapping-table.tsx';

export function ImportPreview(props: {
  report: ImportReportT;
  statusMap: Readonly<Record<string, ItemStatusName>>;
  previewing: boolean;
  importing: boolean;
  importError: unknown;
  onMap: (source: string, status: ItemStatusName) => void;
  onImport: () => void;
}) {
  const { report } = props;
  const canImport = writesSomething(report) && !props.previewing && !props.importing;
  return (
    <section className="import-preview" aria-labelledby="import-preview-heading" aria-busy={props.previewing}>
      <h2 id="import-preview-heading">3. Preview (dry run: nothing is written yet)</h2>
      <p>
        Read {report.rows} {report.rows === 1 ? 'row' : 'rows'} as {FORMAT_LABELS[report.format]}.
        {props.previewing && <span className="hint"> Updating the preview…</span>}
      </p>
      <CountsTable report={report} />
      <ImportNotes report={report} />
      <StatusMappingTable
        mapping={report.statusMapping}
        statusMap={props.statusMap}
        busy={props.previewing}
        onMap={props.onMap}
      />
      <SkippedList report={report} />
      <ConflictList report={report} />
      <PreviewRows report={report} />
      <div className="import-run">
        <h2>4. Import</h2>
        <p className="hint">One transaction: if something fails, nothing is imported.</p>
        <button type="button" className="primary" disabled={!canImport} onClick={props.onImport}>
          {props.importing ? 'Importing…' : importButtonLabel(report)}
        </button>
        {!writesSomething(report) && <p className="hint">Nothing to import: everything is up to date.</p>}
        <FormError error={props.importError} />
      </div>
    </section>
  );
}
