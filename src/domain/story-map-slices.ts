/**
 * Release slices of a story map: which slice a story sits in (the first slice, top down, whose release or
 * sprint is its item's), each slice's figures, and the item fields that move a story into another slice.
 * Slices come from the items, so a story map never holds a second copy of the plan.
 */
import type { ItemStatusName } from './item-status.ts';

/** A slice line, in the map's order: tied to a release or to a sprint. */
export interface SliceLine {
  id: string;
  releaseId: string | null;
  sprintId: string | null;
}

/** The fields of an item that slicing reads. */
export interface SlicedItem {
  releaseId: string | null;
  sprintId: string | null;
  estimate: number | null;
  status: ItemStatusName;
  /** Trashed items keep their placement but count in no slice's figures. */
  trashed: boolean;
}

/** One slice's figures; `sliceId` null is the unplanned band below the last line. */
export interface SliceFigures {
  sliceId: string | null;
  points: number;
  items: number;
  doneItems: number;
  /** Done items over items, 0–1; null for an empty slice. */
  doneShare: number | null;
}

function matches(slice: SliceLine, item: Pick<SlicedItem, 'releaseId' | 'sprintId'>): boolean {
  if (slice.releaseId !== null) return item.releaseId === slice.releaseId;
  return slice.sprintId !== null && item.sprintId === slice.sprintId;
}

/** The slice a story sits in: the first that matches its item, top down; null for unplanned. */
export function sliceOf(
  slices: readonly SliceLine[],
  item: Pick<SlicedItem, 'releaseId' | 'sprintId'>,
): string | null {
  for (const slice of slices) if (matches(slice, item)) return slice.id;
  return null;
}

/** The figures of every slice in order, then of the unplanned band (sliceId null); trashed items left out. */
export function sliceFigures(slices: readonly SliceLine[], items: readonly SlicedItem[]): SliceFigures[] {
  const figures = new Map<string | null, SliceFigures>();
  for (const id of [...slices.map((s) => s.id), null]) {
    figures.set(id, { sliceId: id, points: 0, items: 0, doneItems: 0, doneShare: null });
  }
  for (const item of items) {
    if (item.trashed) continue;
    const entry = figures.get(sliceOf(slices, item));
    if (!entry) continue;
    entry.items += 1;
    entry.points += item.estimate ?? 0;
    if (item.status === 'done') entry.doneItems += 1;
  }
  const result = [...figures.values()];
  for (const entry of result) entry.doneShare = entry.items === 0 ? null : entry.doneItems / entry.items;
  return result;
}

/** What to change on an item so that it sits in `targetSliceId` (null: unplanned). */
export interface SliceMove {
  releaseId?: string | null;
  sprintId?: string | null;
}

/**
 * The item fields that put a story into the target slice, or into the unplanned band: the target's
 * release (or sprint) is set, and a tie to a slice above the target (or to any slice, for unplanned) is
 * cleared, since the first matching slice wins. Empty when the story already sits there. Throws a
 * RangeError for an unknown slice.
 */
export function sliceMove(
  slices: readonly SliceLine[],
  item: Pick<SlicedItem, 'releaseId' | 'sprintId'>,
  targetSliceId: string | null,
): SliceMove {
  if (sliceOf(slices, item) === targetSliceId) return {};
  const targetIndex =
    targetSliceId === null ? slices.length : slices.findIndex((slice) => slice.id === targetSliceId);
  if (targetIndex < 0) throw new RangeError(`no slice ${targetSliceId}`);
  const next = { releaseId: item.releaseId, sprintId: item.sprintId };
  const target = slices[targetIndex];
  if (target?.releaseId) next.releaseId = target.releaseId;
  else if (target?.sprintId) next.sprintId = target.sprintId;
  // The slices above the target must no longer match: clear the field that ties the item to them.
  for (let index = 0; index < targetIndex; index++) {
    const above = slices[index];
    if (!above || !matches(above, next)) continue;
    if (above.releaseId !== null) next.releaseId = null;
    else next.sprintId = null;
  }
  const move: SliceMove = {};
  if (next.releaseId !== item.releaseId) move.releaseId = next.releaseId;
  if (next.sprintId !== item.sprintId) move.sprintId = next.sprintId;
  return move;
}
