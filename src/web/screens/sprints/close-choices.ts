/**
 * The close dialog's choices turned into the close request: where each unfinished item goes (the next
 * sprint or the top of the backlog), and which sprint "next" means (a planned one, or a new one).
 */
import type { CloseSprintBody, LeftoverDestinationT } from '../../api/execution.ts';

/** A planned sprint's id, or NEW_SPRINT: the server creates the following sprint. */
export const NEW_SPRINT = 'new';

export function closeRequest(
  choices: ReadonlyMap<string, LeftoverDestinationT>,
  nextSprint: string,
): CloseSprintBody {
  const destinations = [...choices.values()];
  const toNext = destinations.filter((to) => to === 'next').length;
  // The common destination goes in `leftovers`; only the exceptions are listed one by one.
  const leftovers: LeftoverDestinationT = toNext > destinations.length - toNext ? 'next' : 'backlog';
  const body: CloseSprintBody = { leftovers };
  const moves = [...choices].filter(([, to]) => to !== leftovers).map(([itemId, to]) => ({ itemId, to }));
  if (moves.length > 0) body.moves = moves;
  if (toNext > 0 && nextSprint !== NEW_SPRINT) body.nextSprintId = nextSprint;
  return body;
}
