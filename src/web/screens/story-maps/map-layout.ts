/**
 * The story map as the screen lays it out: columns (steps, grouped under their activities), bands (the
 * slices top down, then unplanned) and the cards of each cell. Pure, so that a drop can be applied to the
 * cached map at once (optimistically) with the server's own slicing rules (domain/story-map-slices.ts).
 */
import { type SliceLine, sliceFigures, sliceMove } from '../../../domain/story-map-slices.ts';
import type { StoryMapCardT, StoryMapT } from '../../api/story-maps.ts';

export type CellCards = readonly StoryMapCardT[];

/** The key of one cell: a step in a band (`''` is the unplanned band). */
export function cellKey(stepId: string, sliceId: string | null): string {
  return `${stepId}|${sliceId ?? ''}`;
}

export interface MapLayout {
  /** The bands top down: each slice's id, then null for unplanned. */
  bands: (string | null)[];
  /** Each activity with the number of its steps (a header spanning them). */
  activities: { id: string; title: string; span: number }[];
  cells: Map<string, CellCards>;
}

const EMPTY: CellCards = [];

export function emptyCell(): CellCards {
  return EMPTY;
}

export function layoutOf(map: StoryMapT): MapLayout {
  const bands = [...map.slices.map((s) => s.id), null];
  const spans = new Map<string, number>();
  for (const step of map.steps) spans.set(step.activityId, (spans.get(step.activityId) ?? 0) + 1);
  const cells = new Map<string, StoryMapCardT[]>();
  for (const card of map.cards) {
    const key = cellKey(card.stepId, card.sliceId);
    const list = cells.get(key);
    if (list) list.push(card);
    else cells.set(key, [card]);
  }
  return {
    bands,
    activities: map.activities.map((a) => ({ id: a.id, title: a.title, span: spans.get(a.id) ?? 0 })),
    cells,
  };
}

/** One column of the board: a step of an activity, or the placeholder of an activity with no step yet. */
export interface Column {
  activityId: string;
  step: { id: string; title: string } | null;
}

export function columnsOf(map: Pick<StoryMapT, 'activities' | 'steps'>): Column[] {
  const byActivity = new Map<string, StoryMapT['steps']>();
  for (const step of map.steps) {
    const list = byActivity.get(step.activityId);
    if (list) list.push(step);
    else byActivity.set(step.activityId, [step]);
  }
  const result: Column[] = [];
  for (const activity of map.activities) {
    const steps = byActivity.get(activity.id) ?? [];
    if (steps.length === 0) result.push({ activityId: activity.id, step: null });
    for (const step of steps) result.push({ activityId: activity.id, step });
  }
  return result;
}

/** The board's geometry in pixels: fixed sizes, so the layout follows from the data alone. */
export const GEOMETRY = {
  column: 168,
  gap: 4,
  header: 34,
  line: 30,
  /** A card's height and the gap below it (story-maps.css .sm-card). */
  card: 74,
  padding: 4,
} as const;

/** Pixels from one column's left edge to the next's. */
export const PITCH = GEOMETRY.column + GEOMETRY.gap;

/** Each band's top and the height of its cells (room for its fullest cell, one card at least). */
export function bandGeometry(layout: MapLayout, columns: readonly Column[]) {
  const top0 = 2 * (GEOMETRY.header + GEOMETRY.gap);
  let top = top0;
  return layout.bands.map((sliceId) => {
    let most = 0;
    for (const column of columns) {
      if (!column.step) continue;
      most = Math.max(most, layout.cells.get(cellKey(column.step.id, sliceId))?.length ?? 0);
    }
    const cellHeight = Math.max(1, most) * GEOMETRY.card + 2 * GEOMETRY.padding;
    const band = { sliceId, top, cellTop: top + GEOMETRY.line, cellHeight };
    top += GEOMETRY.line + cellHeight + GEOMETRY.gap;
    return band;
  });
}

/** A story's new place: a step, a band, and its index among the band's cards of that step. */
export interface CellTarget {
  stepId: string;
  sliceId: string | null;
  index: number;
}

/**
 * The position among the whole step's stories (the API's `position`, the moving one left out) that puts
 * the story at `target.index` among the cards of the target cell.
 */
export function stepPosition(map: StoryMapT, itemId: string, target: CellTarget): number {
  const stepCards = map.cards.filter((c) => c.stepId === target.stepId && c.itemId !== itemId);
  const cellCards = stepCards.filter((c) => c.sliceId === target.sliceId);
  const anchor = cellCards[target.index];
  if (anchor) return stepCards.indexOf(anchor);
  const last = cellCards.at(-1);
  return last ? stepCards.indexOf(last) + 1 : stepCards.length;
}

function linesOf(map: StoryMapT): SliceLine[] {
  return map.slices.map((s) => ({ id: s.id, releaseId: s.releaseId, sprintId: s.sprintId }));
}

/** The map with one story moved (as the server will do it): new place, new slice, new figures. */
export function moveLocally(map: StoryMapT, itemId: string, target: CellTarget): StoryMapT {
  const card = map.cards.find((c) => c.itemId === itemId);
  if (!card) return map;
  const lines = linesOf(map);
  const fields = target.sliceId === card.sliceId ? {} : sliceMove(lines, card, target.sliceId);
  const moved: StoryMapCardT = { ...card, ...fields, stepId: target.stepId, sliceId: target.sliceId };
  const position = stepPosition(map, itemId, target);
  const rest = map.cards.filter((c) => c.itemId !== itemId);
  const stepOrder = new Map(map.steps.map((s, i) => [s.id, i]));
  const targetOrder = stepOrder.get(target.stepId) ?? 0;
  // The index in the whole list: after every card of earlier steps, then `position` into the step.
  let at = 0;
  while (at < rest.length && (stepOrder.get(rest[at]?.stepId ?? '') ?? 0) < targetOrder) at++;
  at += position;
  const cards = [...rest.slice(0, at), moved, ...rest.slice(at)];
  return withFigures({ ...map, cards });
}

/** The slices' and the unplanned band's figures worked out again from the cards. */
export function withFigures(map: StoryMapT): StoryMapT {
  const figures = sliceFigures(linesOf(map), map.cards);
  const of = (id: string | null) => {
    const f = figures.find((x) => x.sliceId === id);
    return {
      points: f?.points ?? 0,
      items: f?.items ?? 0,
      doneItems: f?.doneItems ?? 0,
      doneShare: f?.doneShare ?? null,
    };
  };
  return { ...map, slices: map.slices.map((s) => ({ ...s, figures: of(s.id) })), unplanned: of(null) };
}

/** `next` with the card objects of `previous` kept where nothing changed, so unchanged cards skip a render. */
export function shareCards(previous: StoryMapT | undefined, next: StoryMapT): StoryMapT {
  if (!previous) return next;
  const before = new Map(previous.cards.map((c) => [c.itemId, c]));
  const same = (a: StoryMapCardT, b: StoryMapCardT) =>
    (Object.keys(a) as (keyof StoryMapCardT)[]).every((k) => a[k] === b[k]);
  const cards = next.cards.map((card) => {
    const old = before.get(card.itemId);
    return old && same(old, card) ? old : card;
  });
  return { ...next, cards };
}

/** Done share as a percentage, or a dash for an empty slice. */
export function doneText(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}% done`;
}
