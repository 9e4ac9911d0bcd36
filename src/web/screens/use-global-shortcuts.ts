/** Shortcuts that work on every product screen: the palette, the help, and "g then b/r/t" to switch views. */
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../routes.ts';
import { useStoreOnce } from '../state/use-store.ts';

/** True when the key press belongs to a text field, not to the app. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useGlobalShortcuts(actions: { openPalette: () => void; openHelp: () => void }): void {
  const navigate = useNavigate();
  const store = useStoreOnce();
  useEffect(() => {
    let pendingG = 0;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        actions.openPalette();
        return;
      }
      if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        actions.openHelp();
      } else if (event.key === 'g') {
        pendingG = Date.now();
      } else if (Date.now() - pendingG < 1000) {
        const key = store.product.key;
        const target = {
          b: paths.backlog(key),
          r: paths.roadmap(key),
          t: paths.timeline(key),
          s: paths.sprints(key),
          o: paths.board(key),
          p: paths.reports(key),
          l: paths.releases(key),
        }[event.key];
        pendingG = 0;
        if (target) {
          event.preventDefault();
          navigate(target);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, navigate, store]);
}
