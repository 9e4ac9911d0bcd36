/** Small shared pieces of the sprint screens: the state badge, a sprint's one-line points summary. */
import { SPRINT_STATE_LABELS, type SprintStateT, type SprintT } from '../../api/execution.ts';
import { formatPoints } from './sprint-numbers.ts';

export function SprintStateBadge({ state }: { state: SprintStateT }) {
  return <span className={`sprint-state sprint-state-${state}`}>{SPRINT_STATE_LABELS[state]}</span>;
}

/**
 * What a sprint holds in points: planned (and capacity) before it starts, committed while it runs,
 * completed of committed once closed. `planned` comes from the items in the store.
 */
export function sprintPointsText(sprint: SprintT, planned: { points: number; unestimated: number }): string {
  const capacity = sprint.capacity === null ? 'no capacity set' : `capacity ${formatPoints(sprint.capacity)}`;
  const unestimated = planned.unestimated > 0 ? ` (+${planned.unestimated} unestimated)` : '';
  if (sprint.state === 'closed') {
    return `${formatPoints(sprint.completedPoints ?? 0)} of ${formatPoints(sprint.committedPoints ?? 0)} committed points done`;
  }
  if (sprint.state === 'active') {
    return `${formatPoints(sprint.committedPoints ?? 0)} committed · ${formatPoints(planned.points)} now${unestimated} · ${capacity}`;
  }
  return `${formatPoints(planned.points)} points planned${unestimated} · ${capacity}`;
}
