/**
 * Which items of one grooming list are selected. The lists change live (an item fixed elsewhere leaves its
 * list), so a selection is always read against the items listed now: what left the list is not acted on.
 */

/** The selected items still listed, in the list's order. */
export function selectedListed(selection: ReadonlySet<string>, listed: readonly string[]): string[] {
  return listed.filter((id) => selection.has(id));
}

/** Selects or unselects one item. */
export function toggle(selection: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** The header checkbox: every listed item selected, some, or none. */
export function headerState(
  selection: ReadonlySet<string>,
  listed: readonly string[],
): 'all' | 'some' | 'none' {
  const count = selectedListed(selection, listed).length;
  if (count === 0) return 'none';
  return count === listed.length ? 'all' : 'some';
}

/** The header checkbox's click: with every listed item selected, none; otherwise all of them. */
export function toggleAll(selection: ReadonlySet<string>, listed: readonly string[]): Set<string> {
  if (headerState(selection, listed) === 'all') return new Set();
  return new Set(listed);
}

/**
 * Shift+click: every item between the last one clicked (`anchor`) and this one takes this one's new state.
 * Without an anchor still listed, only this item toggles.
 */
export function toggleRange(
  selection: ReadonlySet<string>,
  listed: readonly string[],
  anchor: string | null,
  id: string,
): Set<string> {
  const from = anchor === null ? -1 : listed.indexOf(anchor);
  const to = listed.indexOf(id);
  if (from < 0 || to < 0) return toggle(selection, id);
  const on = !selection.has(id);
  const next = new Set(selection);
  for (let at = Math.min(from, to); at <= Math.max(from, to); at += 1) {
    const other = listed[at];
    if (other === undefined) continue;
    if (on) next.add(other);
    else next.delete(other);
  }
  return next;
}
