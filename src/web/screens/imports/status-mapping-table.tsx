/**
 * The status mapping of the preview: each status the file uses, how many items carry it, and the Cairn
 * status it becomes. Changing a select runs the dry run again with the new mapping.
 */
import type { ItemStatusName } from '../../../domain/item-status.ts';
import type { ImportReportT } from '../../api/imports.ts';
import { StatusOptions } from '../../components/options.tsx';

export function StatusMappingTable(props: {
  mapping: ImportReportT['statusMapping'];
  /** The statuses mapped by hand, shown even before the new dry run answers. */
  statusMap: Readonly<Record<string, ItemStatusName>>;
  busy: boolean;
  onMap: (source: string, status: ItemStatusName) => void;
}) {
  if (props.mapping.length === 0) return <p className="hint">The file names no status.</p>;
  return (
    <table className="import-mapping" aria-busy={props.busy}>
      <caption>Status mapping</caption>
      <thead>
        <tr>
          <th scope="col">Status in the file</th>
          <th scope="col">Items</th>
          <th scope="col">Cairn status</th>
        </tr>
      </thead>
      <tbody>
        {props.mapping.map((row) => (
          <tr key={row.source}>
            <th scope="row">{row.source}</th>
            <td>{row.items}</td>
            <td>
              <select
                aria-label={`Cairn status for “${row.source}”`}
                value={props.statusMap[row.source] ?? row.status}
                onChange={(event) => props.onMap(row.source, event.currentTarget.value as ItemStatusName)}
              >
                <StatusOptions />
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
