/**
 * The backlog's scroll position outlives the screen: going to the roadmap and back, or reloading the page,
 * puts the list where it was. Kept per product and per tab (sessionStorage), as the browser does for pages.
 */
import { useEffect, useState } from 'react';

const SAVE_DELAY_MS = 150;

function storageKey(productKey: string): string {
  return `cairn.backlog.scroll.${productKey}`;
}

/** Saves the list's scroll position as it changes; returns the one saved before, to start from. */
export function useScrollMemory(productKey: string, scrollRef: React.RefObject<HTMLElement | null>): number {
  // Given to the virtual list as its initial offset: it scrolls there before the first paint (setting
  // scrollTop ourselves would be undone when the list syncs the element to its own offset).
  const [initial] = useState(() => Number(sessionStorage.getItem(storageKey(productKey))) || 0);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => sessionStorage.setItem(storageKey(productKey), String(element.scrollTop)),
        SAVE_DELAY_MS,
      );
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      element.removeEventListener('scroll', onScroll);
    };
  }, [productKey, scrollRef]);
  return initial;
}
