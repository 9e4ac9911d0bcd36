/**
 * Dragging story cards with pointer events. While the pointer moves, nothing goes through React: the card
 * follows by a CSS transform and a single indicator line shows the drop place; the drop is one call to
 * `onDrop` (one state update). Escape cancels.
 */
import { type RefObject, useEffect } from 'react';
import { hideIndicator, showIndicator, targetAt } from './drop-target.ts';
import type { CellTarget } from './map-layout.ts';

/** Pixels the pointer must travel before a press becomes a drag (a click stays a click). */
const DRAG_THRESHOLD = 4;

/** Pixels from the board's edge where a dragged card scrolls the board, and how far per pointer move. */
const EDGE = 48;
const NUDGE = 24;

/** Scrolls the board when the pointer is near one of its edges, so a card can reach a step out of view. */
function nudgeScroll(root: HTMLElement, x: number, y: number): void {
  const scroller = root.querySelector<HTMLElement>('.sm-board');
  if (!scroller) return;
  const box = scroller.getBoundingClientRect();
  if (x < box.left + EDGE) scroller.scrollLeft -= NUDGE;
  else if (x > box.right - EDGE) scroller.scrollLeft += NUDGE;
  if (y < box.top + EDGE) scroller.scrollTop -= NUDGE;
  else if (y > box.bottom - EDGE) scroller.scrollTop += NUDGE;
}

interface DragState {
  itemId: string;
  card: HTMLElement;
  pointerId: number;
  startX: number;
  startY: number;
  dragging: boolean;
  target: CellTarget | null;
}

export function useCardDrag(
  board: RefObject<HTMLElement | null>,
  indicator: RefObject<HTMLElement | null>,
  enabled: boolean,
  onDrop: (itemId: string, target: CellTarget) => void,
): void {
  useEffect(() => {
    const root = board.current;
    if (!root || !enabled) return;
    let drag: DragState | null = null;
    // Whether the press that ends now was a drag: its click must not also act on the card.
    let justDragged = false;

    const reset = () => {
      if (!drag) return;
      drag.card.style.transform = '';
      drag.card.classList.remove('sm-dragging');
      hideIndicator(indicator.current);
      drag = null;
    };
    const onMove = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.pointerId) return;
      const dx = event.clientX - drag.startX;
      const dy = event.clientY - drag.startY;
      if (!drag.dragging) {
        if (Math.abs(dx) + Math.abs(dy) < DRAG_THRESHOLD) return;
        drag.dragging = true;
        drag.card.classList.add('sm-dragging');
      }
      drag.card.style.transform = `translate(${dx}px, ${dy}px)`;
      nudgeScroll(root, event.clientX, event.clientY);
      const hit = targetAt(event.clientX, event.clientY, drag.itemId);
      drag.target = hit?.target ?? null;
      if (hit && indicator.current) showIndicator(indicator.current, hit.cell, hit.target.index, drag.itemId);
      else hideIndicator(indicator.current);
    };
    const onUp = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.pointerId) return;
      const { dragging, target, itemId } = drag;
      justDragged = dragging;
      reset();
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
      if (dragging && target) onDrop(itemId, target);
    };
    const onCancel = () => {
      reset();
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && drag?.dragging) {
        event.stopPropagation();
        onCancel();
      }
    };
    const onDown = (event: PointerEvent) => {
      if (event.button !== 0 || drag) return;
      const card = (event.target as HTMLElement).closest<HTMLElement>('[data-item]');
      const itemId = card?.dataset.item;
      if (!card || !itemId) return;
      drag = {
        itemId,
        card,
        pointerId: event.pointerId,
        startX: event.clientX,
        startY: event.clientY,
        dragging: false,
        target: null,
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
      window.addEventListener('pointercancel', onCancel);
    };
    // A drag that moved must not also click the card.
    const onClick = (event: MouseEvent) => {
      if (justDragged) event.preventDefault();
      justDragged = false;
    };
    root.addEventListener('pointerdown', onDown);
    root.addEventListener('click', onClick, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      onCancel();
      root.removeEventListener('pointerdown', onDown);
      root.removeEventListener('click', onClick, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [board, indicator, enabled, onDrop]);
}
