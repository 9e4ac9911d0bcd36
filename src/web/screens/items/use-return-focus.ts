/**
 * When an in-place editor closes (saved or cancelled), the focus would fall to the page body, losing a
 * keyboard user's place: it goes to the section's first button instead (its "Edit …" or "+ Add …").
 */
import { type RefObject, useEffect, useRef } from 'react';

export function useReturnFocus(editing: boolean): RefObject<HTMLElement | null> {
  const section = useRef<HTMLElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    const closed = wasEditing.current && !editing;
    wasEditing.current = editing;
    const active = document.activeElement;
    if (closed && (!active || active === document.body)) {
      section.current?.querySelector<HTMLElement>('button')?.focus();
    }
  }, [editing]);
  return section;
}
