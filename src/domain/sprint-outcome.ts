/**
 * What a sprint delivered, replayed from its items' events up to an instant (the close): committed and
 * completed points, and which items were completed, not completed, added after the start, or removed.
 */
import {
  applyItemEvent,
  byTime,
  type ItemEvent,
  type ItemFacts,
  inSprintScope,
  points,
} from './item-replay.ts';

export interface OutcomeItem extends ItemFacts {
  id: string;
}

export interface SprintOutcome {
  committedPoints: number;
  completedPoints: number;
  completed: OutcomeItem[];
  notCompleted: OutcomeItem[];
  addedAfterStart: OutcomeItem[];
  removed: OutcomeItem[];
}

/** `until`: events strictly before it count (the close's own moves do not). */
export function computeSprintOutcome(
  sprint: { id: string; startedAt: string },
  itemEvents: ItemEvent[],
  until: string,
): SprintOutcome {
  const startedMs = Date.parse(sprint.startedAt);
  const untilMs = Date.parse(until);
  const facts = new Map<string, ItemFacts>();
  const added = new Set<string>();
  const everInScope = new Set<string>();
  let started = false;
  let committedPoints = 0;

  const markStart = () => {
    started = true;
    for (const [id, f] of facts) {
      if (inSprintScope(f, sprint.id)) {
        everInScope.add(id);
        committedPoints += points(f);
      }
    }
  };

  for (const event of [...itemEvents].sort(byTime)) {
    const ms = Date.parse(event.at);
    if (ms >= untilMs) break;
    if (!started && ms > startedMs) markStart();
    const before = facts.get(event.itemId);
    const after = applyItemEvent(before, event);
    facts.set(event.itemId, after);
    if (started && !inSprintScope(before, sprint.id) && inSprintScope(after, sprint.id)) {
      added.add(event.itemId);
      everInScope.add(event.itemId);
    }
  }
  if (!started) markStart();

  const outcome: SprintOutcome = {
    committedPoints,
    completedPoints: 0,
    completed: [],
    notCompleted: [],
    addedAfterStart: [],
    removed: [],
  };
  for (const id of everInScope) {
    const f = facts.get(id) as ItemFacts;
    const item = { id, ...f };
    if (inSprintScope(f, sprint.id)) {
      if (f.status === 'done') {
        outcome.completed.push(item);
        outcome.completedPoints += points(f);
      } else outcome.notCompleted.push(item);
    } else outcome.removed.push(item);
    if (added.has(id)) outcome.addedAfterStart.push(item);
  }
  return outcome;
}
