/**
 * /p/:key/reports — the product's charts beyond one sprint: velocity of a team's last sprints and the
 * cumulative flow of items over a date range. Every choice is in the URL, so a report can be shared.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  type CumulativeFlowT,
  cumulativeFlowSource,
  type VelocityChartT,
  velocitySource,
} from '../../api/charts.ts';
import { ApiError } from '../../api/client.ts';
import { fileSlug } from '../../charts/chart-data.ts';
import { CumulativeFlowChart } from '../../charts/cumulative-flow-chart.tsx';
import { useChart } from '../../charts/use-chart.ts';
import { VelocityChart } from '../../charts/velocity-chart.tsx';
import { useStore } from '../../state/use-store.ts';
import { DateField } from '../initiatives/date-field.tsx';
import { useTeams } from '../sprints/use-teams-and-sprints.ts';
import {
  browserTimeZone,
  rangeProblem,
  readReportsQuery,
  SPRINT_COUNTS,
  todayIn,
  writeReportsQuery,
} from './reports-query.ts';
import { TimeZoneSelect } from './time-zone-select.tsx';
import './reports.css';
import { InsightTabs } from '../../components/insight-tabs.tsx';

function placeholder(loading: boolean, error: string | null, what: string): string {
  if (error) return `The ${what} could not be loaded: ${error}`;
  return loading ? `Loading the ${what}…` : '';
}

export function ReportsScreen() {
  const store = useStore();
  const product = store.product;
  const [params, setParams] = useSearchParams();
  const defaults = useMemo(() => {
    const timezone = browserTimeZone();
    return { timezone, today: todayIn(timezone) };
  }, []);
  const query = useMemo(() => readReportsQuery(params, defaults), [params, defaults]);
  const set = (changes: Parameters<typeof writeReportsQuery>[1]) =>
    setParams((current) => writeReportsQuery(current, changes));

  const teamsRead = useTeams(product.id);
  // Teams that could not be read leave "No team" to choose, and the charts of the whole product.
  const teams = useMemo(
    () =>
      teamsRead.data
        ? [...teamsRead.data].sort((a, b) => a.name.localeCompare(b.name))
        : teamsRead.isError
          ? []
          : null,
    [teamsRead.data, teamsRead.isError],
  );
  const teamsError = teamsRead.error
    ? teamsRead.error instanceof ApiError
      ? teamsRead.error.fieldMessage
      : teamsRead.error.message
    : null;
  // Until the teams have arrived, the first team (the default) is not known: the charts wait for it.
  const teamId = query.team ?? (teams ? (teams[0]?.id ?? 'none') : null);
  const team = teams?.find((t) => t.id === teamId);
  const teamName = teamId === 'none' ? 'sprints without a team' : (team?.name ?? 'this team');

  const velocitySourceNow = teamId ? velocitySource(product.id, { teamId, count: query.count }) : null;
  const velocity = useChart<VelocityChartT>(velocitySourceNow);
  const flowSource = teamId
    ? cumulativeFlowSource(product.id, {
        from: query.from,
        to: query.to,
        timezone: query.timezone,
        teamId: teamId === 'none' ? undefined : teamId,
      })
    : null;
  const flow = useChart<CumulativeFlowT>(flowSource);
  const fileTeam = teamId === 'none' ? 'no-team' : fileSlug(team?.name ?? 'team');

  return (
    <main className="screen reports-screen">
      <InsightTabs productKey={store.product.key} />
      <header className="reports-header">
        <h1>Reports</h1>
        <p className="hint">
          Computed from the history of every change, so any past day is exact. Each chart downloads as SVG or
          PNG, and its numbers as JSON or CSV.
        </p>
      </header>
      <div className="reports-controls">
        <label>
          Team
          <select
            value={teamId ?? ''}
            disabled={!teams}
            onChange={(event) => set({ team: event.target.value || null })}
          >
            {!teams && <option value="">Loading teams…</option>}
            {teams?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
            {teams && <option value="none">No team</option>}
          </select>
        </label>
        {teamsError && (
          <p className="form-error" role="alert">
            The teams could not be loaded: {teamsError}
          </p>
        )}
      </div>

      <div className="report">
        <div className="report-controls">
          <label>
            Sprints
            <select value={query.count} onChange={(event) => set({ count: Number(event.target.value) })}>
              {SPRINT_COUNTS.map((count) => (
                <option key={count} value={count}>
                  Last {count}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">Closed sprints of {teamName}, oldest first.</p>
        </div>
        <VelocityChart
          chart={velocity.data}
          source={velocitySourceNow}
          fileBase={`${product.key}-velocity-${fileTeam}`}
          placeholder={placeholder(velocity.loading, velocity.error, 'velocity')}
        />
      </div>

      <div className="report">
        <div className="report-controls">
          <DateField
            key={`from-${query.from}`}
            label="From"
            value={query.from}
            onSave={(from) => {
              const problem = rangeProblem(from ?? '', query.to);
              if (!problem && from) set({ from });
              return problem;
            }}
          />
          <DateField
            key={`to-${query.to}`}
            label="To"
            value={query.to}
            onSave={(to) => {
              const problem = rangeProblem(query.from, to ?? '');
              if (!problem && to) set({ to });
              return problem;
            }}
          />
          <TimeZoneSelect value={query.timezone} onChange={(timezone) => set({ timezone })} />
          <p className="hint">
            {teamId === 'none' || !teamId
              ? 'Every item of the product'
              : `Items planned into ${teamName}'s sprints`}
            , counted at the end of each day.
          </p>
        </div>
        <CumulativeFlowChart
          flow={flow.data}
          source={flowSource}
          fileBase={`${product.key}-cumulative-flow-${query.from}-${query.to}`}
          placeholder={placeholder(flow.loading, flow.error, 'cumulative flow')}
        />
        {flow.error && flow.data && (
          <p className="form-error" role="alert">
            {flow.error}
          </p>
        )}
      </div>
    </main>
  );
}
