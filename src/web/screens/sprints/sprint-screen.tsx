/**
 * Sprint planning (/p/:key/sprints/:sprintId): the ranked backlog beside the sprint, a capacity meter
 * against capacity and velocity, not-ready warnings with their reasons, start and close (with the report),
 * and the burndown while the sprint runs. Items move optimistically through the store; the sprint's detail
 * (points, velocity, readiness) is refetched when its items change.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { localDate } from '../../../domain/time-zones.ts';
import { ApiError } from '../../api/client.ts';
import { type SprintReportT, sprintsApi } from '../../api/execution.ts';
import { LazySprintCharts as SprintCharts } from '../../charts/lazy-sprint-charts.tsx';
import { reasonsText } from '../../components/readiness.ts';
import { paths } from '../../routes.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useStore } from '../../state/use-store.ts';
import { CapacityMeter } from './capacity-meter.tsx';
import { CloseSprintDialog } from './close-sprint-dialog.tsx';
import { PlanColumns } from './plan-columns.tsx';
import { itemsOfSprint } from './planning-lists.ts';
import { SprintActions } from './sprint-actions.tsx';
import { SprintStateBadge } from './sprint-bits.tsx';
import { SprintEditForm } from './sprint-edit-form.tsx';
import { daysLeftText, plannedPoints, sprintRange } from './sprint-numbers.ts';
import { SprintReport } from './sprint-report.tsx';
import { useSprintDetail } from './use-sprint-detail.ts';
import { useTeamsAndSprints } from './use-teams-and-sprints.ts';
import './sprints.css';

export function SprintScreen() {
  const store = useStore();
  const location = useLocation();
  const { sprintId = '' } = useParams();
  const { detail, error, reload } = useSprintDetail(store, sprintId);
  const { teams, sprints } = useTeamsAndSprints(store);
  const [closing, setClosing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [closedNow, setClosedNow] = useState<SprintReportT | null>(null);
  const version = store.version;
  const key = store.product.key;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is mutable; its version says when it changed
  const ordered = useMemo(() => store.orderedItems(), [store, version]);
  const sprintItems = useMemo(() => itemsOfSprint(ordered, sprintId), [ordered, sprintId]);
  // Each sprint item's failing rules as one line, in the words the backlog and the board use.
  const notReady = useMemo(
    () =>
      new Map<string, string>(
        (detail?.notReady ?? []).map((entry) => [entry.itemId, reasonsText(entry.reasons)]),
      ),
    [detail],
  );
  const state = detail?.sprint.state;

  // A closed sprint shows its stored report (the close's answer shows at once, before this arrives).
  const stored = useQuery({
    queryKey: queryKeys.sprintReport(store.product.id, sprintId),
    queryFn: ({ signal }) => sprintsApi.report(sprintId, signal),
    enabled: state === 'closed',
  });
  const report = stored.data ?? closedNow;

  // A sprint of another product (an id pasted under the wrong key) is not this product's.
  const elsewhere = detail !== null && detail.sprint.productId !== store.product.id;
  if (!detail || elsewhere) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    if (missing || elsewhere) {
      return (
        <main className="screen sprint-screen">
          <div className="centered">
            <h1>No such sprint</h1>
            <p>
              It does not exist in {store.product.name}, or it was deleted.{' '}
              <Link to={paths.sprints(key)}>Back to the sprints</Link>.
            </p>
          </div>
        </main>
      );
    }
    return (
      <main className="screen sprint-screen" aria-busy={!error}>
        <nav className="sprint-crumbs" aria-label="Back">
          <Link to={paths.sprints(key)}>← Sprints</Link>
        </nav>
        {error ? (
          <p role="alert" className="form-error">
            The sprint could not be loaded: {error.message}{' '}
            <button type="button" onClick={reload}>
              Try again
            </button>
          </p>
        ) : (
          <p className="hint">Loading the sprint…</p>
        )}
      </main>
    );
  }

  const { sprint } = detail;
  const editable = !store.readOnly && sprint.state !== 'closed';
  const planned = plannedPoints(sprintItems);
  const unfinished = sprintItems.filter((item) => item.status !== 'done' && item.status !== 'wont_do');
  // The server's readiness, for the items still in the sprint (one may have left since it answered).
  const notReadyItems = detail.notReady
    .filter((entry) => store.items.get(entry.itemId)?.sprintId === sprint.id)
    .map((entry) => ({ key: entry.key, reasons: reasonsText(entry.reasons) }));
  const notReadyCount = notReadyItems.length;
  const team = sprint.teamId ? (teams.find((t) => t.id === sprint.teamId)?.name ?? null) : 'No team';
  const today = localDate(Date.now(), sprint.timezone);

  return (
    <main className="screen sprint-screen">
      <nav className="sprint-crumbs" aria-label="Back">
        <Link to={`${paths.sprints(key)}${sprint.teamId ? `?team=${sprint.teamId}` : '?team=none'}`}>
          ← Sprints
        </Link>
        {sprint.state === 'active' && (
          <Link to={`${paths.board(key)}?team=${sprint.teamId ?? 'none'}`}>Board</Link>
        )}
      </nav>
      <header className="sprint-header">
        {editing ? (
          <SprintEditForm
            sprint={sprint}
            sprints={sprints}
            onDone={(saved) => {
              setEditing(false);
              if (saved) reload();
            }}
          />
        ) : (
          <>
            <div className="sprint-title">
              <h1>{sprint.name}</h1>
              <SprintStateBadge state={sprint.state} />
              {!store.readOnly && (
                <button type="button" className="link-button" onClick={() => setEditing(true)}>
                  Edit sprint
                </button>
              )}
            </div>
            <p className="sprint-meta">
              <span>{sprintRange(sprint)}</span>
              {sprint.state !== 'closed' && <span>{daysLeftText(sprint, today)}</span>}
              <span>{sprint.timezone}</span>
              {team && <span>{team}</span>}
            </p>
            <p className={sprint.goal ? 'sprint-goal' : 'sprint-goal is-empty'}>
              {sprint.goal ? `Goal: ${sprint.goal}` : 'No goal yet.'}
            </p>
          </>
        )}
        {!store.readOnly && (
          <SprintActions
            sprint={sprint}
            productKey={key}
            notReady={notReadyItems}
            onChanged={reload}
            onClose={() => setClosing(true)}
          />
        )}
      </header>

      {sprint.state !== 'closed' && (
        <div className="sprint-summary">
          <CapacityMeter sprint={sprint} planned={planned} velocity={detail.velocity} />
          <section className="ready-summary" aria-labelledby="ready-title">
            <h2 id="ready-title">Readiness</h2>
            <p role="status">
              {notReadyCount === 0
                ? 'Every item in the sprint is ready.'
                : `${notReadyCount} of ${sprintItems.length} ${sprintItems.length === 1 ? 'item is' : 'items are'} not ready — the reasons are under each item.`}
            </p>
          </section>
        </div>
      )}

      {report?.sprintId === sprintId && (
        <SprintReport report={report} productKey={key} background={location} />
      )}

      {sprint.state !== 'planned' && (
        <section className="sprint-chart-panel" aria-label="Burndown and burnup">
          <SprintCharts sprintId={sprint.id} productKey={key} />
        </section>
      )}

      <PlanColumns
        store={store}
        sprintId={sprint.id}
        ordered={ordered}
        sprintItems={sprintItems}
        notReady={notReady}
        editable={editable}
        background={location}
      />

      {closing && (
        <CloseSprintDialog
          sprint={sprint}
          unfinished={unfinished}
          onClose={() => setClosing(false)}
          onClosed={(closed) => {
            setClosing(false);
            setClosedNow(closed);
            reload();
          }}
        />
      )}
    </main>
  );
}
