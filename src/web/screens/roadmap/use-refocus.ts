/**
 * Keeps the keyboard focus on an initiative that a keyboard shortcut just moved: the move re-renders it in
 * another place (another cell, another row), and React gives the new element no focus of its own.
 */
import { type RefObject, useCallback, useLayoutEffect, useRef } from 'react';

export function useRefocus(container: RefObject<HTMLElement | null>): (id: string) => void {
  const pending = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = pending.current;
    if (!id || !container.current) return;
    const element = container.current.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(id)}"]`);
    if (!element) return;
    pending.current = null;
    if (document.activeElement !== element) element.focus({ preventScroll: false });
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
  return useCallback((id: string) => {
    pending.current = id;
  }, []);
}
