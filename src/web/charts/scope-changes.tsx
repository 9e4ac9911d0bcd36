/**
 * The scope changes under a burndown, one line each ("+3 CHK-12 added Tue"): what made the line rise, or
 * fall without work being done. Each item opens in the side panel over the current screen.
 */
import { Link, useLocation } from 'react-router';
import type { ScopeChangeT } from '../api/charts.ts';
import { formatDayInChart } from '../components/dates.ts';
import { paths } from '../routes.ts';
import { scopeChangeText, scopeKindWord, signed } from './chart-data.ts';

export function ScopeChanges({ changes }: { changes: readonly ScopeChangeT[] }) {
  const location = useLocation();
  if (changes.length === 0) {
    return <p className="scope-changes-empty hint">No scope changes since the sprint started.</p>;
  }
  return (
    <div className="scope-changes">
      <table className="chart-table">
        <caption>Scope changes</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col" className="numeric">
              Points
            </th>
            <th scope="col">Change</th>
            <th scope="col">Item</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={`${change.at}-${change.itemId}-${change.kind}`} title={scopeChangeText(change)}>
              <td>{formatDayInChart(change.date)}</td>
              <td className={`numeric scope-${change.kind}`}>{signed(change.points)}</td>
              <td>{scopeKindWord(change.kind)}</td>
              <td className="scope-item">
                <Link to={paths.item(change.key)} state={{ background: location }}>
                  <span className="key">{change.key}</span> {change.title}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
