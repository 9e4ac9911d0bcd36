/**
 * "How this is computed": the trials, the horizon, each stream's throughput history day by day, and the
 * sample each forecast drew from — so a date on the screen can be checked, not just believed.
 */
import { MIN_HISTORY_DAYS, MIN_HISTORY_ITEMS } from '../../../domain/forecast-history.ts';
import type { ForecastT } from '../../api/analysis.ts';
import { formatDay } from '../../components/dates.ts';
import { plural, points } from './health-text.ts';
import { Sparkline } from './sparkline.tsx';

export function ForecastMethod({ forecast }: { forecast: ForecastT }) {
  const targets = [...forecast.initiatives, ...forecast.releases].filter((t) => t.status !== 'done');
  return (
    <details className="forecast-method">
      <summary>How this is computed</summary>
      <p>
        Each forecast runs {forecast.trials.toLocaleString()} trials. A trial replays randomly drawn past days
        of each team’s throughput ({forecast.unit === 'items' ? 'completed items' : 'completed points'} a
        day), starting tomorrow, until all the work ahead of and inside the initiative or release is done. The
        dates are the days by which 50%, 85% and 95% of the trials had finished it; “On time” is the share
        finished by the target date. It is at risk when the 85% date falls after the target date. Trials stop
        after three years ({formatDay(forecast.horizon)}): later reads “Not within 3 years”.
      </p>
      <p>
        Work of a team is forecast from that team’s history; work without a team from the whole product’s. A
        history of fewer than {MIN_HISTORY_ITEMS} completed items or {MIN_HISTORY_DAYS} days is too short to
        trust, and then no dates are given.
      </p>
      {forecast.streams.length === 0 ? (
        <p className="hint">No open work, so no history is read.</p>
      ) : (
        <div className="health-table-wrap">
          <table className="health-table">
            <caption>Throughput history of each stream</caption>
            <thead>
              <tr>
                <th scope="col">Stream</th>
                <th scope="col">From – to</th>
                <th scope="col" className="numeric">
                  Days
                </th>
                <th scope="col" className="numeric">
                  Completed
                </th>
                <th scope="col">Each day</th>
                <th scope="col">Enough history?</th>
              </tr>
            </thead>
            <tbody>
              {forecast.streams.map((stream) => (
                <tr key={stream.streamId}>
                  <th scope="row">{stream.name}</th>
                  <td>
                    {stream.from ? formatDay(stream.from) : 'No completion yet'} – {formatDay(stream.to)}
                  </td>
                  <td className="numeric">{stream.days}</td>
                  <td className="numeric">
                    {plural(stream.completed, 'item')}
                    {stream.points > 0 && ` (${points(stream.points)} pts)`}
                  </td>
                  <td>
                    <Sparkline
                      daily={stream.daily}
                      label={`${stream.name}: ${plural(stream.completed, 'item')} completed over ${plural(stream.days, 'day')}, at most ${points(Math.max(0, ...stream.daily))} on one day`}
                    />
                  </td>
                  <td>{stream.tooShort ? `Too short: ${stream.warning ?? ''}` : 'Yes'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {targets.length > 0 && (
        <>
          <h3>Sample size</h3>
          <ul className="forecast-samples">
            {targets.map((target) => (
              <li key={target.id}>
                {target.title}: drawn from {plural(target.sampleSize, 'completed item')}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
