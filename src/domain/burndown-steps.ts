/**
 * What one item event did to one sprint's burndown: the item's share of the sprint (its points while it
 * counts toward the sprint's scope, and whether they are done) before and after the event. A burndown
 * needs nothing else of an event: its totals move by the difference, its scope changes are read from the
 * two shares, and an event that leaves the item's share of every sprint as it was (a title edit, a move
 * between two open statuses, any event of an item while it is in another sprint) moves nothing.
 *
 * Services keep these steps per sprint as the events are written (services/events/burndown-steps.ts), so a
 * sprint's first burndown sums a thousand small rows instead of replaying every event of its items.
 */
import { type ItemFacts, inSprintScope, points } from './item-replay.ts';

/** The item's share of one sprint: null points when it does not count toward the sprint's scope. */
export interface SprintShare {
  points: number | null;
  done: boolean;
}

/** One event's effect on one sprint's burndown (only events that change the item's share have one). */
export interface BurndownStep {
  sprintId: string;
  eventId: number;
  itemId: string;
  at: string;
  /** The item's key and title after the event (a scope change names the item by them). */
  key: string;
  title: string;
  was: SprintShare;
  is: SprintShare;
}

/** The share of `sprintId` that an item with these facts has. */
export function shareOf(facts: ItemFacts | undefined, sprintId: string): SprintShare {
  if (!inSprintScope(facts, sprintId)) return { points: null, done: false };
  return { points: points(facts), done: facts.status === 'done' };
}

/** Whether two shares count the same (an event between them moves nothing of the sprint's burndown). */
export const sameShare = (a: SprintShare, b: SprintShare) => a.points === b.points && a.done === b.done;

/** The steps of one event, from the item's facts before it (undefined: its first event) and after. */
export function stepsOf(
  before: ItemFacts | undefined,
  after: ItemFacts,
  event: { id: number; itemId: string; at: string },
): BurndownStep[] {
  const steps: BurndownStep[] = [];
  const sprints = before?.sprintId && before.sprintId !== after.sprintId ? [before.sprintId] : [];
  if (after.sprintId) sprints.push(after.sprintId);
  for (const sprintId of sprints) {
    const was = shareOf(before, sprintId);
    const is = shareOf(after, sprintId);
    if (sameShare(was, is)) continue;
    steps.push({
      sprintId,
      eventId: event.id,
      itemId: event.itemId,
      at: event.at,
      key: after.key,
      title: after.title,
      was,
      is,
    });
  }
  return steps;
}
