/** The two lists of the planning screen: the ranked backlog still open for planning, and a sprint's items. */
import type { BacklogItemT } from '../../api/types.ts';

/** Items in any sprint, or finished, are not candidates for planning. */
export function isPlannable(item: BacklogItemT): boolean {
  return item.sprintId === null && item.status !== 'done' && item.status !== 'wont_do';
}

/** Every word typed appears in the key ("chk-12") or the title, ignoring case and word order. */
export function matchesText(item: BacklogItemT, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${item.key} ${item.title}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The ranked backlog beside the sprint: items in no sprint and not finished, in rank order, filtered. */
export function backlogCandidates(ordered: readonly BacklogItemT[], text: string): BacklogItemT[] {
  return ordered.filter((item) => isPlannable(item) && matchesText(item, text));
}

/** A sprint's items in rank order. */
export function itemsOfSprint(ordered: readonly BacklogItemT[], sprintId: string): BacklogItemT[] {
  return ordered.filter((item) => item.sprintId === sprintId);
}
