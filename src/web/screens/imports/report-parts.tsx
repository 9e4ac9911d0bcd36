/** The parts of an import report shown by both the preview and the finished import. */
import type { ImportReportT } from '../../api/imports.ts';
import { STATUS_LABELS, TYPE_LABELS } from '../../api/types.ts';
import { COUNTED_KINDS, moreText, shownOf, valueText } from './report-text.ts';

const ACTION_LABELS = { create: 'Create', update: 'Update', unchanged: 'Unchanged' } as const;

/** What is (or would be) created, updated and left as it is, per kind of object. */
export function CountsTable({ report }: { report: ImportReportT }) {
  const verbs = report.dryRun ? ['Will create', 'Will update'] : ['Created', 'Updated'];
  return (
    <table className="import-counts">
      <caption>{report.dryRun ? 'What the import will do' : 'What the import did'}</caption>
      <thead>
        <tr>
          <th scope="col">Object</th>
          <th scope="col">{verbs[0]}</th>
          <th scope="col">{verbs[1]}</th>
          <th scope="col">Unchanged</th>
        </tr>
      </thead>
      <tbody>
        {COUNTED_KINDS.map(([kind, label]) => (
          <tr key={kind} data-kind={kind}>
            <th scope="row">{label}</th>
            <td>{report.created[kind]}</td>
            <td>{report.updated[kind]}</td>
            <td>{report.unchanged[kind]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The first rows of the file with what the import does with each. */
export function PreviewRows({ report }: { report: ImportReportT }) {
  const { items, initiatives } = report.preview;
  const total = (kind: 'items' | 'initiatives') =>
    report.created[kind] + report.updated[kind] + report.unchanged[kind];
  return (
    <>
      {initiatives.length > 0 && (
        <table className="import-rows">
          <caption>Initiatives{shownOf(initiatives.length, total('initiatives'))}</caption>
          <thead>
            <tr>
              <th scope="col">Key in the file</th>
              <th scope="col">Title</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {initiatives.map((row) => (
              <tr key={row.externalKey}>
                <td>{row.externalKey}</td>
                <td>{row.title}</td>
                <td className={`import-action import-action-${row.action}`}>{ACTION_LABELS[row.action]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.length > 0 && (
        <table className="import-rows">
          <caption>Items{shownOf(items.length, total('items'))}</caption>
          <thead>
            <tr>
              <th scope="col">Key in the file</th>
              <th scope="col">Cairn key</th>
              <th scope="col">Title</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.externalKey} data-external-key={row.externalKey}>
                <td>{row.externalKey}</td>
                <td>{row.key ?? <span className="hint">new</span>}</td>
                <td>{row.title}</td>
                <td>{TYPE_LABELS[row.type]}</td>
                <td className="import-status">{STATUS_LABELS[row.status]}</td>
                <td className={`import-action import-action-${row.action}`}>{ACTION_LABELS[row.action]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Fields edited in Cairn since the last import: Cairn's value is kept. */
export function ConflictList({ report }: { report: ImportReportT }) {
  if (report.conflictsTotal === 0) return null;
  return (
    <section className="import-conflicts" aria-label="Conflicts">
      <h3>
        {report.conflictsTotal} {report.conflictsTotal === 1 ? 'conflict' : 'conflicts'}: edited in Cairn
        since the last import, Cairn’s value is kept
      </h3>
      <table className="import-rows">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Field</th>
            <th scope="col">Kept (Cairn)</th>
            <th scope="col">In the file</th>
          </tr>
        </thead>
        <tbody>
          {report.conflicts.map((conflict) => (
            <tr key={`${conflict.externalKey} ${conflict.field}`}>
              <td>
                {conflict.itemKey ?? conflict.externalKey}
                {conflict.itemKey && <span className="hint"> ({conflict.externalKey})</span>}
              </td>
              <td>{conflict.field}</td>
              <td>{valueText(conflict.cairnValue)}</td>
              <td>{valueText(conflict.importedValue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{moreText(report.conflicts.length, report.conflictsTotal)}</p>
    </section>
  );
}

/** Rows the import cannot use, with the line and the reason. */
export function SkippedList({ report }: { report: ImportReportT }) {
  if (report.skippedTotal === 0) return <p className="hint">Every row can be imported.</p>;
  return (
    <section className="import-skipped" aria-label="Skipped rows">
      <h3>
        {report.skippedTotal} {report.skippedTotal === 1 ? 'row' : 'rows'} cannot be imported
      </h3>
      <table className="import-rows">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Key in the file</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {report.skipped.map((row, index) => (
            // Two problems may share a line and a key: the position keeps them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: the server's list is fixed for this report
            <tr key={index}>
              <td>{row.line ?? '—'}</td>
              <td>{row.externalKey ?? '—'}</td>
              <td>{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{moreText(report.skipped.length, report.skippedTotal)}</p>
    </section>
  );
}

/** What the import decided that the counts do not show (e.g. sprints given placeholder dates). */
export function ImportNotes({ report }: { report: ImportReportT }) {
  if (report.notes.length === 0) return null;
  return (
    <ul className="import-notes" aria-label="Notes">
      {report.notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
