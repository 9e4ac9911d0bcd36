/**
 * The board (/p/:key/board): the active sprint of a team, its items in columns by status. Cards move by
 * drag or Alt+←/→, optimistically through updateItem; each column can have a WIP limit that warns when
 * exceeded. The sprint's goal, days left and burndown sit above and below. Viewers see it read-only.
 */
import { useCallback, useMemo, useRef } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { localDate } from '../../../domain/time-zones.ts';
import { ApiError } from '../../api/client.ts';
import type { NotReadyReasonT, SprintT, WipLimitsT } from '../../api/execution.ts';
import type { ItemStatusT } from '../../api/types.ts';
import { LazySprintCharts as SprintCharts } from '../../charts/lazy-sprint-charts.tsx';
import { paths } from '../../routes.ts';
import { updateItem } from '../../state/mutations/items.ts';
import { notify } from '../../state/notices.ts';
import { useStore } from '../../state/use-store.ts';
import { useRefocus } from '../roadmap/use-refocus.ts';
import { itemsOfSprint } from '../sprints/planning-lists.ts';
import { useSprintMutations } from '../sprints/sprint-mutations.ts';
import { daysLeftText, formatPoints, plannedPoints, sprintRange } from '../sprints/sprint-numbers.ts';
import { useSprintDetail } from '../sprints/use-sprint-detail.ts';
import { useTeamsAndSprints } from '../sprints/use-teams-and-sprints.ts';
import { BoardColumnView } from './board-column-view.tsx';
import { boardColumns, neighbourStatus } from './board-columns.ts';
import '../sprints/sprints.css';
import './board.css';

export function SprintBoardScreen() {
  const store = useStore();
  const data = useTeamsAndSprints(store);
  const [params, setParams] = useSearchParams();
  const key = store.product.key;
  const active = data.sprints.filter((sprint) => sprint.state === 'active');
  const teamName = (sprint: SprintT) =>
    sprint.teamId ? (data.teams.find((team) => team.id === sprint.teamId)?.name ?? 'Team') : 'No team';
  const asked = params.get('team');
  const sprint = active.find((s) => (s.teamId ?? 'none') === asked) ?? active[0];

  if (data.status !== 'ready') {
    return (
      <main className="screen sprint-board-screen" aria-busy={data.status === 'loading'}>
        <h1>Board</h1>
        {data.status === 'error' && (
          <p role="alert" className="form-error">
            The sprints could not be loaded: {data.error}
          </p>
        )}
      </main>
    );
  }
  if (!sprint) {
    return (
      <main className="screen sprint-board-screen">
        <h1>Board</h1>
        <div className="sb-empty">
          <h2>No active sprint</h2>
          <p>
            The board shows the sprint a team is working in. Plan a sprint and start it on the{' '}
            <Link to={paths.sprints(key)}>Sprints</Link> screen; its items then appear here in columns by
            status.
          </p>
        </div>
      </main>
    );
  }
  return (
    <main className="screen sprint-board-screen">
      <div className="sb-toolbar">
        <h1>Board</h1>
        {active.length > 1 && (
          <fieldset className="team-switcher">
            <legend className="visually-hidden">Team</legend>
            {active.map((s) => (
              <button
                key={s.id}
                type="button"
                aria-pressed={s.id === sprint.id}
                onClick={() => setParams({ team: s.teamId ?? 'none' }, { replace: true })}
              >
                {teamName(s)} <span className="hint">{s.name}</span>
              </button>
            ))}
          </fieldset>
        )}
      </div>
      <ActiveSprintBoard key={sprint.id} sprint={sprint} teamName={teamName(sprint)} />
    </main>
  );
}

function ActiveSprintBoard({ sprint: listed, teamName }: { sprint: SprintT; teamName: string }) {
  const store = useStore();
  const location = useLocation();
  const navigate = useNavigate();
  const { detail } = useSprintDetail(store, listed.id);
  const { update: updateSprint } = useSprintMutations(store.product.id);
  const sprint = detail?.sprint ?? listed;
  const root = useRef<HTMLDivElement>(null);
  const refocus = useRefocus(root);
  const version = store.version;
  const key = store.product.key;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is mutable; its version says when it changed
  const items = useMemo(() => itemsOfSprint(store.orderedItems(), sprint.id), [store, version, sprint.id]);
  const columns = useMemo(() => boardColumns(items, sprint.wipLimits), [items, sprint.wipLimits]);
  const notReady = useMemo(
    () =>
      new Map<string, NotReadyReasonT[]>(
        (detail?.notReady ?? []).map((entry) => [entry.itemId, entry.reasons]),
      ),
    [detail],
  );
  const columnsNow = useRef(columns);
  columnsNow.current = columns;
  const editable = !store.readOnly;

  const setStatus = useCallback(
    (id: string, status: ItemStatusT) => {
      const item = store.items.get(id);
      if (item && item.status !== status) void updateItem(store, id, { status });
    },
    [store],
  );
  const moveCard = useCallback(
    (id: string, direction: -1 | 1) => {
      const item = store.items.get(id);
      if (!item) return;
      const status = neighbourStatus(columnsNow.current, item.status, direction);
      if (!status) return;
      refocus(id);
      setStatus(id, status);
    },
    [store, refocus, setStatus],
  );
  const open = useCallback(
    (itemKey: string) => navigate(paths.item(itemKey), { state: { background: location } }),
    [navigate, location],
  );
  const saveLimit = async (status: ItemStatusT, limit: number | null): Promise<boolean> => {
    const wipLimits: WipLimitsT = { ...sprint.wipLimits };
    if (limit === null) delete wipLimits[status];
    else wipLimits[status] = limit;
    try {
      // The limit shows at once; the server's refusal puts the old one back (sprint-mutations.ts).
      await updateSprint.mutateAsync({ sprint, patch: { wipLimits } });
      return true;
    } catch (error) {
      const message = error instanceof ApiError ? error.fieldMessage : (error as Error).message;
      notify({ kind: 'error', message: `The WIP limit was not saved: ${message}` });
      return false;
    }
  };

  const points = plannedPoints(items);
  const donePoints = plannedPoints(items.filter((item) => item.status === 'done')).points;
  const today = localDate(Date.now(), sprint.timezone);

  return (
    <>
      <header className="sb-header">
        <div className="sb-title">
          <h2>
            <Link to={paths.sprint(key, sprint.id)}>{sprint.name}</Link>
          </h2>
          <span className="hint">{teamName}</span>
          <span className="sb-days">{daysLeftText(sprint, today)}</span>
          <span className="hint">{sprintRange(sprint)}</span>
          <span className="sb-points">
            {formatPoints(donePoints)} of {formatPoints(points.points)} points done
          </span>
        </div>
        <p className={sprint.goal ? 'sb-goal' : 'sb-goal is-empty'}>
          {sprint.goal ? `Goal: ${sprint.goal}` : 'This sprint has no goal.'}
        </p>
        <p className="hint">
          Drag a card to another column, or focus its title and press <kbd>Alt</kbd>+<kbd>←</kbd>/<kbd>→</kbd>
          .
        </p>
      </header>
      <div className="sb-board" ref={root}>
        {columns.map((column) => (
          <BoardColumnView
            key={column.status}
            store={store}
            column={column}
            notReady={notReady}
            background={location}
            editable={editable}
            onDropCard={setStatus}
            onMoveCard={moveCard}
            onOpen={open}
            onSaveLimit={saveLimit}
          />
        ))}
      </div>
      <section className="sb-charts" aria-label="Burndown">
        <SprintCharts sprintId={sprint.id} productKey={key} compact />
      </section>
    </>
  );
}
