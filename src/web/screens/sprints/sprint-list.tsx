/** A team's sprints, active first, then planned (soonest first), then closed (latest first). */
import { Link } from 'react-router';
import type { SprintT } from '../../api/execution.ts';
import { domId } from '../../components/dom-id.ts';
import { paths } from '../../routes.ts';
import { SprintStateBadge, sprintPointsText } from './sprint-bits.tsx';
import { sprintRange } from './sprint-numbers.ts';

export type PlannedPoints = ReadonlyMap<string, { points: number; unestimated: number }>;

const NOTHING = { points: 0, unestimated: 0 };

export function SprintList(props: { productKey: string; sprints: SprintT[]; planned: PlannedPoints }) {
  const { productKey, planned } = props;
  const byStart = [...props.sprints].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name),
  );
  const groups: { title: string; sprints: SprintT[] }[] = [
    { title: 'Active', sprints: byStart.filter((s) => s.state === 'active') },
    { title: 'Planned', sprints: byStart.filter((s) => s.state === 'planned') },
    { title: 'Closed', sprints: byStart.filter((s) => s.state === 'closed').reverse() },
  ];
  if (props.sprints.length === 0) {
    return (
      <div className="sprints-empty">
        <h2>No sprints yet</h2>
        <p>
          A sprint is a short time box (often two weeks) with a goal and the backlog items the team commits
          to. Plan the first one with the form beside this list, then drag items into it.
        </p>
      </div>
    );
  }
  return (
    <div className="sprint-groups">
      {groups.map(
        (group) =>
          group.sprints.length > 0 && (
            <section key={group.title} aria-labelledby={domId('sprints', group.title)}>
              <h2 id={domId('sprints', group.title)}>
                {group.title} <span className="hint">{group.sprints.length}</span>
              </h2>
              <ul className="sprint-list">
                {group.sprints.map((sprint) => (
                  <li key={sprint.id} className={`sprint-entry sprint-entry-${sprint.state}`}>
                    <div className="sprint-entry-head">
                      <Link to={paths.sprint(productKey, sprint.id)} className="sprint-entry-name">
                        {sprint.name}
                      </Link>
                      <SprintStateBadge state={sprint.state} />
                      <span className="sprint-entry-dates">{sprintRange(sprint)}</span>
                      {sprint.state === 'active' && (
                        <Link
                          to={`${paths.board(productKey)}?team=${sprint.teamId ?? 'none'}`}
                          className="sprint-entry-board"
                          aria-label={`Board of ${sprint.name}`}
                        >
                          Board
                        </Link>
                      )}
                    </div>
                    <p className="sprint-entry-points">
                      {sprintPointsText(sprint, planned.get(sprint.id) ?? NOTHING)}
                    </p>
                    {sprint.goal && <p className="sprint-entry-goal">Goal: {sprint.goal}</p>}
                  </li>
                ))}
              </ul>
            </section>
          ),
      )}
    </div>
  );
}
