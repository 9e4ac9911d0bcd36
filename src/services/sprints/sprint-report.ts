/** A sprint report from the replayed outcome: what was completed, not completed, added after start, removed. */
import type { OutcomeItem, SprintOutcome } from '../../domain/sprint-outcome.ts';
import type { SprintReport } from '../../schemas/sprint.ts';

export type LeftoverDestination = 'next' | 'backlog';

function reportItem(item: OutcomeItem) {
  return { id: item.id, key: item.key, title: item.title, estimate: item.estimate, status: item.status };
}

/**
 * `movedTo`: where each unfinished item went at close (absent: it stayed, as in a preview); `nextSprintId`:
 * the sprint the leftovers went to.
 */
export function buildSprintReport(
  sprintId: string,
  outcome: SprintOutcome,
  movedTo: ReadonlyMap<string, LeftoverDestination>,
  nextSprintId: string | null,
): SprintReport {
  return {
    sprintId,
    committedPoints: outcome.committedPoints,
    completedPoints: outcome.completedPoints,
    completed: outcome.completed.map(reportItem),
    notCompleted: outcome.notCompleted.map((item) => ({
      ...reportItem(item),
      movedTo: movedTo.get(item.id) ?? null,
    })),
    addedAfterStart: outcome.addedAfterStart.map(reportItem),
    removed: outcome.removed.map(reportItem),
    nextSprintId,
  };
}
