/**
 * The forecast of each open initiative and planned release: remaining work, the days by which it is done
 * in 50, 85 and 95 % of trials, the chance of meeting its target date, and its outlook in words. A target
 * whose history is too short shows why, and no dates.
 */
import { Link } from 'react-router';
import type { ForecastT, TargetForecastT } from '../../api/analysis.ts';
import { formatDay } from '../../components/dates.ts';
import { paths } from '../../routes.ts';
import { forecastDay, historyWarning, onTimeText, outlook, plural, points } from './health-text.ts';

const COLUMNS = 8;

export function ForecastTable({ forecast, productKey }: { forecast: ForecastT; productKey: string }) {
  if (forecast.initiatives.length === 0 && forecast.releases.length === 0) {
    return <p className="hint">No open initiatives or planned releases to forecast.</p>;
  }
  const groups = [
    {
      title: 'Initiatives',
      targets: forecast.initiatives,
      link: (id: string) => paths.initiative(productKey, id),
    },
    { title: 'Releases', targets: forecast.releases, link: (id: string) => paths.release(productKey, id) },
  ].filter((group) => group.targets.length > 0);
  return (
    <div className="health-table-wrap">
      <table className="health-table forecast-table">
        <caption className="visually-hidden">Forecast of open initiatives and planned releases</caption>
        <thead>
          <tr>
            <th scope="col">Initiative or release</th>
            <th scope="col">Target date</th>
            <th scope="col" className="numeric">
              Remaining
            </th>
            <th scope="col">50% likely by</th>
            <th scope="col">85% likely by</th>
            <th scope="col">95% likely by</th>
            <th scope="col" className="numeric">
              On time
            </th>
            <th scope="col">Outlook</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.title}>
            <tr className="table-group">
              <th scope="colgroup" colSpan={COLUMNS}>
                {group.title}
              </th>
            </tr>
            {group.targets.map((target) => (
              <TargetRow key={target.id} target={target} forecast={forecast} to={group.link(target.id)} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function remaining(target: TargetForecastT, unit: ForecastT['unit']): string {
  if (target.status === 'done') return 'None';
  const items = plural(target.remainingItems, 'item');
  const pts = `${points(target.remainingPoints)} pts`;
  if (unit === 'items') return `${items} (${pts})`;
  const unestimated = target.unestimatedItems > 0 ? `, ${target.unestimatedItems} unestimated` : '';
  return `${pts} (${items}${unestimated})`;
}

function TargetRow({ target, forecast, to }: { target: TargetForecastT; forecast: ForecastT; to: string }) {
  const state = outlook(target, forecast.today);
  const warning = target.status === 'insufficient-history' ? historyWarning(target, forecast.streams) : null;
  const dated = target.status === 'forecast';
  return (
    <tr className={`forecast-row forecast-${state.tone}`}>
      <th scope="row">
        <Link to={to}>{target.title}</Link>
      </th>
      <td>{target.targetDate ? formatDay(target.targetDate) : '—'}</td>
      <td className="numeric">{remaining(target, forecast.unit)}</td>
      <td>{dated ? forecastDay(target.p50, target.beyondHorizon) : '—'}</td>
      <td>{dated ? forecastDay(target.p85, target.beyondHorizon) : '—'}</td>
      <td>{dated ? forecastDay(target.p95, target.beyondHorizon) : '—'}</td>
      <td className="numeric">{onTimeText(target)}</td>
      <td className="forecast-outlook">
        <span className={`outlook outlook-${state.tone}`}>{state.label}</span>
        {warning && <span className="forecast-warning">History too short: {warning}</span>}
        {!warning && target.warning && <span className="forecast-warning">{target.warning}</span>}
      </td>
    </tr>
  );
}
