/**
 * The keyboard way to rearrange a map. Arrows move the focus between cards; Space (or Enter) picks the
 * focused card up; then left/right choose the step, up/down the place in the step, crossing slice lines at
 * the ends of a band; Space drops and Escape cancels. Every step is announced through `announce` (an
 * aria-live region), and the drop place is shown by the same indicator line as a drag.
 */
import { type RefObject, useEffect, useRef } from 'react';
import type { StoryMapT } from '../../api/story-maps.ts';
import { cellElement, hideIndicator, showIndicator } from './drop-target.ts';
import { type CellTarget, cellKey, columnsOf, layoutOf, PITCH } from './map-layout.ts';

interface Held {
  itemId: string;
  key: string;
  origin: CellTarget;
  target: CellTarget;
}

/**
 * Runs `then` once the step's column is in the DOM: the board renders only the columns in view, so one
 * out of view is scrolled to first (and rendered a frame or two later).
 */
function reveal(root: HTMLElement, map: StoryMapT, stepId: string, then: () => void): void {
  const scroller = root.querySelector<HTMLElement>('.sm-board');
  if (root.querySelector(`[data-cell][data-step="${stepId}"]`) || !scroller) {
    then();
    return;
  }
  const index = columnsOf(map).findIndex((column) => column.step?.id === stepId);
  scroller.scrollLeft = Math.max(0, index * PITCH - scroller.clientWidth / 2);
  requestAnimationFrame(() => requestAnimationFrame(then));
}

function focusCard(root: HTMLElement, map: StoryMapT, itemId: string | undefined): void {
  const card = map.cards.find((c) => c.itemId === itemId);
  if (!card) return;
  reveal(root, map, card.stepId, () =>
    root.querySelector<HTMLElement>(`[data-item="${card.itemId}"]`)?.focus(),
  );
}

export function useCardKeyboard(options: {
  board: RefObject<HTMLElement | null>;
  indicator: RefObject<HTMLElement | null>;
  map: StoryMapT;
  canEdit: boolean;
  announce: (text: string) => void;
  onDrop: (itemId: string, target: CellTarget) => void;
}): void {
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const root = options.board.current;
    if (!root) return;
    let held: Held | null = null;

    const context = () => {
      const { map } = latest.current;
      const layout = layoutOf(map);
      const cellOf = (stepId: string, sliceId: string | null) =>
        (layout.cells.get(cellKey(stepId, sliceId)) ?? []).filter((c) => c.itemId !== held?.itemId);
      return { map, layout, cellOf };
    };

    const describe = (target: CellTarget) => {
      const { map, cellOf } = context();
      const step = map.steps.find((s) => s.id === target.stepId);
      const slice = map.slices.find((s) => s.id === target.sliceId);
      const count = cellOf(target.stepId, target.sliceId).length + 1;
      return `step ${step?.title ?? ''}, ${slice ? `slice ${slice.name}` : 'unplanned'}, position ${target.index + 1} of ${count}`;
    };

    const show = (target: CellTarget) =>
      reveal(root, latest.current.map, target.stepId, () => {
        const cell = cellElement(root, target.stepId, target.sliceId);
        if (cell && latest.current.indicator.current && held) {
          cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          showIndicator(latest.current.indicator.current, cell, target.index, held.itemId);
        }
      });

    /** Where an arrow takes the held card. */
    const step = (target: CellTarget, key: string): CellTarget => {
      const { map, layout, cellOf } = context();
      const stepIndex = map.steps.findIndex((s) => s.id === target.stepId);
      const band = layout.bands.indexOf(target.sliceId);
      if (key === 'ArrowLeft' || key === 'ArrowRight') {
        const next = map.steps[stepIndex + (key === 'ArrowLeft' ? -1 : 1)];
        if (!next) return target;
        return {
          stepId: next.id,
          sliceId: target.sliceId,
          index: Math.min(target.index, cellOf(next.id, target.sliceId).length),
        };
      }
      if (key === 'ArrowUp') {
        if (target.index > 0) return { ...target, index: target.index - 1 };
        const above = layout.bands[band - 1];
        return above === undefined
          ? target
          : { ...target, sliceId: above, index: cellOf(target.stepId, above).length };
      }
      const length = cellOf(target.stepId, target.sliceId).length;
      if (target.index < length) return { ...target, index: target.index + 1 };
      const below = layout.bands[band + 1];
      return below === undefined ? target : { ...target, sliceId: below, index: 0 };
    };

    /** The card the focus goes to from `itemId` with an arrow. */
    const neighbour = (itemId: string, key: string): string | undefined => {
      const { map, layout } = context();
      const columns = map.steps.map((s) =>
        layout.bands.flatMap((band) => layout.cells.get(cellKey(s.id, band)) ?? []).map((c) => c.itemId),
      );
      const column = columns.findIndex((c) => c.includes(itemId));
      const cards = columns[column] ?? [];
      const row = cards.indexOf(itemId);
      if (key === 'ArrowUp') return cards[row - 1];
      if (key === 'ArrowDown') return cards[row + 1];
      const direction = key === 'ArrowLeft' ? -1 : 1;
      for (let c = column + direction; c >= 0 && c < columns.length; c += direction) {
        const other = columns[c] ?? [];
        if (other.length > 0) return other[Math.min(row, other.length - 1)];
      }
      return undefined;
    };

    const cancel = (say: boolean) => {
      if (!held) return;
      const { key, itemId } = held;
      held = null;
      root.querySelector(`[data-item="${itemId}"]`)?.classList.remove('sm-held');
      hideIndicator(latest.current.indicator.current);
      if (say) latest.current.announce(`${key} put back where it was.`);
    };

    const onKey = (event: KeyboardEvent) => {
      const card = (event.target as HTMLElement).closest<HTMLElement>('[data-item]');
      const itemId = card?.dataset.item;
      if (!card || !itemId) return;
      const arrow = event.key.startsWith('Arrow');
      const pick = event.key === ' ' || event.key === 'Enter';
      if (!held) {
        if (arrow) {
          event.preventDefault();
          focusCard(root, latest.current.map, neighbour(itemId, event.key));
        } else if (pick && latest.current.canEdit) {
          event.preventDefault();
          const found = latest.current.map.cards.find((c) => c.itemId === itemId);
          if (!found) return;
          const { cellOf } = context();
          const index = cellOf(found.stepId, found.sliceId).findIndex((c) => c.itemId === itemId);
          const origin = { stepId: found.stepId, sliceId: found.sliceId, index: Math.max(0, index) };
          held = { itemId, key: found.key, origin, target: origin };
          card.classList.add('sm-held');
          show(origin);
          latest.current.announce(
            `Picked up ${found.key}, ${describe(origin)}. Arrow keys move it, Space drops it, Escape cancels.`,
          );
        }
        return;
      }
      if (arrow) {
        event.preventDefault();
        held.target = step(held.target, event.key);
        show(held.target);
        latest.current.announce(`${held.key}: ${describe(held.target)}.`);
      } else if (pick) {
        event.preventDefault();
        const { target, itemId: heldId, key, origin } = held;
        const text = `${key} dropped at ${describe(target)}.`;
        cancel(false);
        const moved =
          target.stepId !== origin.stepId ||
          target.sliceId !== origin.sliceId ||
          target.index !== origin.index;
        if (moved) latest.current.onDrop(heldId, target);
        latest.current.announce(moved ? text : `${key} dropped where it was.`);
        requestAnimationFrame(() => requestAnimationFrame(() => focusCard(root, latest.current.map, heldId)));
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        cancel(true);
      } else if (event.key === 'Tab') {
        cancel(true);
      }
    };
    root.addEventListener('keydown', onKey);
    return () => {
      cancel(false);
      root.removeEventListener('keydown', onKey);
    };
  }, [options.board]);
}
