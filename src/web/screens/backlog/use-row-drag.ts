/**
 * Reordering by dragging a row's handle. Pointer events rather than HTML drag-and-drop: rows of a virtual
 * list come and go while the pointer moves, and with a fixed row height the drop slot is plain arithmetic.
 * Listeners sit on the window (not on the handle), so the drag survives its row scrolling out and unmounting.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { HEAD_HEIGHT, ROW_HEIGHT } from './backlog-row.tsx';

export interface DragState {
  id: string;
  /** The row's index when the drag began. */
  from: number;
  /** Where it would land: the gap before row `slot` (0 … rows), the indicator's place. */
  slot: number;
}

/** Pixels the pointer must travel before a press on the handle becomes a drag. */
const THRESHOLD = 4;
/** Within this distance of the list's top or bottom edge the list scrolls, faster nearer the edge. */
const EDGE = 56;
const MAX_SCROLL_STEP = 18;

export function useRowDrag(options: {
  scrollRef: React.RefObject<HTMLElement | null>;
  /** The element the rows are laid out in, from y = 0. */
  bodyRef: React.RefObject<HTMLElement | null>;
  rowCount: () => number;
  indexOf: (id: string) => number;
  onDrop: (drag: DragState) => void;
}) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const stop = useRef<(() => void) | null>(null);

  useEffect(() => () => stop.current?.(), []);

  const startDrag = useCallback((event: React.PointerEvent, id: string) => {
    if (event.button !== 0 || stop.current) return;
    // No text selection and no focus change on the press: the press is the start of a drag.
    event.preventDefault();
    const from = latest.current.indexOf(id);
    if (from < 0) return;
    const startY = event.clientY;
    let pointerY = startY;
    let active = false;
    let frame = 0;
    let state: DragState | null = null;

    const slotAt = (clientY: number): number => {
      const body = latest.current.bodyRef.current;
      if (!body) return from;
      const y = clientY - body.getBoundingClientRect().top;
      return Math.max(0, Math.min(latest.current.rowCount(), Math.round(y / ROW_HEIGHT)));
    };
    const place = () => {
      const slot = slotAt(pointerY);
      if (state?.slot === slot) return;
      state = { id, from, slot };
      setDrag(state);
    };
    const autoScroll = () => {
      const scroller = latest.current.scrollRef.current;
      if (scroller) {
        const rect = scroller.getBoundingClientRect();
        const step = (distance: number) => Math.ceil(MAX_SCROLL_STEP * (1 - Math.max(0, distance) / EDGE));
        // The top edge starts below the sticky column headers.
        const top = rect.top + HEAD_HEIGHT;
        if (pointerY < top + EDGE) scroller.scrollTop -= step(pointerY - top);
        else if (pointerY > rect.bottom - EDGE) scroller.scrollTop += step(rect.bottom - pointerY);
        place();
      }
      frame = requestAnimationFrame(autoScroll);
    };
    const onMove = (move: PointerEvent) => {
      pointerY = move.clientY;
      if (!active) {
        if (Math.abs(pointerY - startY) < THRESHOLD) return;
        active = true;
        document.body.classList.add('is-dragging-row');
        frame = requestAnimationFrame(autoScroll);
      }
      place();
    };
    const onUp = () => {
      const dropped = active ? state : null;
      cleanup();
      if (!active) return;
      // The click that ends a drag is not a click on the row (which would open the item).
      const swallow = (click: MouseEvent) => click.stopPropagation();
      window.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
      if (dropped) latest.current.onDrop(dropped);
    };
    const onKey = (key: KeyboardEvent) => {
      if (key.key !== 'Escape') return;
      // Esc cancels the drag only (not also the selection or the open panel).
      key.preventDefault();
      key.stopImmediatePropagation();
      cleanup();
    };
    const cleanup = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', cleanup);
      window.removeEventListener('keydown', onKey, true);
      cancelAnimationFrame(frame);
      document.body.classList.remove('is-dragging-row');
      stop.current = null;
      setDrag(null);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', cleanup);
    window.addEventListener('keydown', onKey, true);
    stop.current = cleanup;
  }, []);

  return { drag, startDrag };
}
