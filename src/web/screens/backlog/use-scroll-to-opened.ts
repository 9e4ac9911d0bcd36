/**
 * Scrolls the row of an item opened elsewhere (the palette, a link, a direct load of /CHK-42) into view,
 * and keeps it there while the rows around it arrive, until the user scrolls the list themselves.
 *
 * Why more than one scroll: on a direct load the row can exist before its place is known. The item's panel
 * puts the full item into the store while only the backlog's first page is held, so an item past that page
 * shows as the 101st row; when the whole backlog replaces the first page it becomes the 120th, and a scroll
 * made once, to the 101st, leaves it out of view (issue 12). So the scroll is made again whenever the row's
 * index changes, unless the user has scrolled (wheel, touch, scrollbar, keys) since: then the list is theirs.
 *
 * Centred, not 'auto': opening the panel narrows the list and can wrap the filter bar, shrinking the list a
 * moment after this scroll, and a row aligned to the bottom edge would end up below it.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';

/** What the user does to move the list; our own scrollTop writes fire none of these. */
const USER_SCROLL_EVENTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

export function useScrollToOpened(
  scrollRef: React.RefObject<HTMLElement | null>,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  /** The opened item's key, or null when none is open. */
  openKey: string | null,
  /** Index of its row in the rows shown, or -1 while its row is not there (yet). */
  openIndex: number,
): void {
  /** The opened item, the index last scrolled to, and whether the user has moved the list since. */
  const held = useRef<{ key: string; index: number; released: boolean } | null>(null);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const release = () => {
      if (held.current) held.current.released = true;
    };
    for (const type of USER_SCROLL_EVENTS) element.addEventListener(type, release, { passive: true });
    return () => {
      for (const type of USER_SCROLL_EVENTS) element.removeEventListener(type, release);
    };
  }, [scrollRef]);

  useEffect(() => {
    if (!openKey) {
      held.current = null;
      return;
    }
    if (openIndex < 0) return;
    const last = held.current;
    if (last?.key === openKey && (last.index === openIndex || last.released)) return;
    held.current = { key: openKey, index: openIndex, released: false };
    virtualizer.scrollToIndex(openIndex, { align: 'center' });
  }, [openKey, openIndex, virtualizer]);
}
