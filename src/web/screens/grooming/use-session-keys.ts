/**
 * The grooming session's keys on the window. Never while typing in a field (the estimate, a criterion, the
 * initiative menu), under a dialog (the split), or inside the item panel or the header, whose keys are
 * their own.
 */
import { useEffect, useRef } from 'react';
import { isTyping } from '../use-global-shortcuts.ts';
import { commandFor, type SessionCommand } from './session-keys.ts';

export function useSessionKeys(run: (command: SessionCommand) => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event)) return;
      if (document.querySelector('[role="dialog"]')) return;
      if (document.activeElement?.closest('.side-panel, .app-header')) return;
      const command = commandFor(event);
      if (!command) return;
      // With an item open in the panel, Esc closes the panel (its own key), not the session.
      if (command === 'end' && document.querySelector('.side-panel')) return;
      event.preventDefault();
      latest.current(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
