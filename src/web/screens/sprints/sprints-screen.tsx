/**
 * The sprint list (/p/:key/sprints): one team's sprints at a time (a switcher, "No team" for sprints of the
 * whole product) with their state, dates and points; a form to plan a new sprint; the teams and members.
 */
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { localDate } from '../../../domain/time-zones.ts';
import type { TeamT } from '../../api/execution.ts';
import type { BacklogItemT } from '../../api/types.ts';
import { paths } from '../../routes.ts';
import { useStore } from '../../state/use-store.ts';
import { CreateSprintForm } from './create-sprint-form.tsx';
import { type PlannedPoints, SprintList } from './sprint-list.tsx';
import { browserTimeZone, plannedPoints } from './sprint-numbers.ts';
import { TeamsSection } from './teams-section.tsx';
import { useTeamsAndSprints } from './use-teams-and-sprints.ts';
import './sprints.css';

export function SprintsScreen() {
  const store = useStore();
  const navigate = useNavigate();
  const data = useTeamsAndSprints(store);
  const [params, setParams] = useSearchParams();
  const version = store.version;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is mutable; its version says when it changed
  const planned = useMemo(() => {
    const bySprint = new Map<string, BacklogItemT[]>();
    for (const item of store.items.values()) {
      if (!item.sprintId) continue;
      const list = bySprint.get(item.sprintId);
      if (list) list.push(item);
      else bySprint.set(item.sprintId, [item]);
    }
    const points = new Map([...bySprint].map(([sprintId, items]) => [sprintId, plannedPoints(items)]));
    return points as PlannedPoints;
  }, [store, version]);

  const asked = params.get('team');
  const teamId =
    asked === 'none' || data.teams.some((team) => team.id === asked)
      ? (asked as string)
      : (data.teams[0]?.id ?? 'none');
  const chooseTeam = (id: string) =>
    setParams(id === (data.teams[0]?.id ?? 'none') ? {} : { team: id }, { replace: true });

  if (data.status === 'loading') {
    return (
      <main className="screen sprints-screen" aria-busy="true">
        <h1>Sprints</h1>
      </main>
    );
  }
  if (data.status === 'error') {
    return (
      <main className="screen sprints-screen">
        <h1>Sprints</h1>
        <p role="alert" className="form-error">
          The sprints could not be loaded: {data.error}
        </p>
        <button type="button" onClick={data.reload}>
          Try again
        </button>
      </main>
    );
  }

  const teamSprints = data.sprints.filter((sprint) => (sprint.teamId ?? 'none') === teamId);
  const choices: { id: string; name: string }[] = [
    ...data.teams.map((team) => ({ id: team.id, name: team.name })),
    { id: 'none', name: 'No team' },
  ];
  const countOf = (id: string) => data.sprints.filter((sprint) => (sprint.teamId ?? 'none') === id).length;
  const afterTeamChange = (team: TeamT | null) => {
    data.reload();
    if (team && !data.teams.some((known) => known.id === team.id)) chooseTeam(team.id);
  };

  return (
    <main className="screen sprints-screen">
      <div className="sprints-toolbar">
        <h1>Sprints</h1>
        <fieldset className="team-switcher">
          <legend className="visually-hidden">Team</legend>
          {choices.map((choice) => (
            <button
              key={choice.id}
              type="button"
              aria-pressed={choice.id === teamId}
              onClick={() => chooseTeam(choice.id)}
            >
              {choice.name} <span className="hint">{countOf(choice.id)}</span>
            </button>
          ))}
        </fieldset>
      </div>
      <div className="sprints-page">
        <div className="sprints-main">
          <SprintList productKey={store.product.key} sprints={teamSprints} planned={planned} />
        </div>
        <aside className="sprints-side" aria-label="Plan">
          {store.readOnly ? (
            <p className="hint">You can read these sprints but not plan them (your role is viewer).</p>
          ) : (
            <CreateSprintForm
              key={`${teamId}:${teamSprints.length}`}
              productId={store.product.id}
              teams={data.teams}
              sprints={data.sprints}
              teamId={teamId}
              today={localDate(Date.now(), browserTimeZone())}
              onCreated={(sprint) => {
                data.reload();
                navigate(paths.sprint(store.product.key, sprint.id));
              }}
            />
          )}
          <TeamsSection store={store} teams={data.teams} onChanged={afterTeamChange} />
        </aside>
      </div>
    </main>
  );
}
