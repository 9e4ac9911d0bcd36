/**
 * Keeps the open item's row in view while the list's box shrinks: opening the item panel narrows the
 * backlog, its filter bar wraps onto a second line and the list loses that height a moment after it was
 * scrolled to the row. A row that was wholly in view before the resize is wholly in view after it.
 */
import { useEffect, useRef } from 'react';

export function useKeepRowInView(
  scrollRef: React.RefObject<HTMLElement | null>,
  /** The open row's top and bottom in the scrolled content (px), or null when no row is open. */
  openRow: { top: number; bottom: number } | null,
  /** Height of what sticks to the top of the box (the column headers), which hides rows under it. */
  stickyTop: number,
): void {
  const latest = useRef(openRow);
  latest.current = openRow;
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let height = element.clientHeight;
    const observer = new ResizeObserver(() => {
      const before = height;
      height = element.clientHeight;
      const row = latest.current;
      if (!row || height >= before) return;
      const top = element.scrollTop;
      const wasInView = row.top >= top + stickyTop && row.bottom <= top + before;
      if (wasInView && row.bottom > top + height) element.scrollTop = row.bottom - height;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [scrollRef, stickyTop]);
}
