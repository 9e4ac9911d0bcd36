/**
 * The backlog's keys (the list in src/web/shortcuts.ts). They never act while typing, under a dialog, or
 * inside the item panel or the header, whose keys are their own. List keys act when the focus is in the
 * list or on nothing in particular (the page body).
 */
import { useEffect, useRef } from 'react';

export type Direction = 'up' | 'down';

export interface ListKeyActions {
  /** The list element: list keys apply while the focus is inside it. */
  grid: () => HTMLElement | null;
  focusStep: (step: number) => void;
  focusEdge: (edge: 'first' | 'last') => void;
  move: (direction: Direction, toEnd: boolean) => void;
  open: () => void;
  edit: () => void;
  toggleSelected: () => void;
  /** Returns true when there was a selection to clear. */
  clearSelection: () => boolean;
}

type Where = 'list' | 'page' | null;

/**
 * True when the key belongs to a field that takes text or arrows. Unlike the app-wide isTyping, a focused
 * checkbox (a row's selection box) does not count: j, k, x and Esc must still work after a click on one.
 */
function inField(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !['checkbox', 'radio'].includes((target as HTMLInputElement).type);
}

/** Where a key press lands, as far as the backlog is concerned (null: not ours). */
function whereIs(event: KeyboardEvent, grid: HTMLElement | null): Where {
  if (event.defaultPrevented || inField(event) || event.ctrlKey || event.metaKey) return null;
  if (document.querySelector('[role="dialog"]')) return null;
  const active = document.activeElement;
  if (active && grid?.contains(active)) return 'list';
  if (!active || active === document.body) return 'page';
  if (active.closest('.side-panel, .app-header')) return null;
  return active.closest('.backlog-screen') ? 'page' : null;
}

function useWindowKeys(handle: (event: KeyboardEvent) => boolean): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (latest.current(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** `c`: the top quick-add field; `/`: the text filter. Anywhere on the backlog screen. */
export function useScreenKeys(actions: { focusQuickAdd: () => void; focusFilter: () => void }): void {
  useWindowKeys((event) => {
    if (event.altKey || event.shiftKey || !whereIs(event, null)) return false;
    if (event.key === 'c') actions.focusQuickAdd();
    else if (event.key === '/') actions.focusFilter();
    else return false;
    return true;
  });
}

/** Focus moves (↑ ↓ j k Home End), reordering (Alt+↑/↓, Alt+Shift+↑/↓), Enter, e / F2, x, Esc. */
export function useListKeys(a: ListKeyActions): void {
  useWindowKeys((event) => {
    const where = whereIs(event, a.grid());
    if (!where) return false;
    const key = event.key;
    if (event.altKey) {
      if (where !== 'list' || (key !== 'ArrowUp' && key !== 'ArrowDown')) return false;
      a.move(key === 'ArrowUp' ? 'up' : 'down', event.shiftKey);
      return true;
    }
    if (key === 'Escape') return a.clearSelection();
    const action = (where === 'list' ? LIST_KEYS : PAGE_KEYS).get(key);
    if (!action) return false;
    action(a);
    return true;
  });
}

type KeyAction = (a: ListKeyActions) => void;

/** Keys that work with the focus on the page as well as in the list: they bring the focus into it. */
const PAGE_KEYS = new Map<string, KeyAction>([
  ['ArrowDown', (a) => a.focusStep(1)],
  ['j', (a) => a.focusStep(1)],
  ['ArrowUp', (a) => a.focusStep(-1)],
  ['k', (a) => a.focusStep(-1)],
  ['Home', (a) => a.focusEdge('first')],
  ['End', (a) => a.focusEdge('last')],
]);

/** Keys that act on the focused row. */
const LIST_KEYS = new Map<string, KeyAction>([
  ...PAGE_KEYS,
  ['Enter', (a) => a.open()],
  ['e', (a) => a.edit()],
  ['F2', (a) => a.edit()],
  ['x', (a) => a.toggleSelected()],
]);
