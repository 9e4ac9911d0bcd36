/**
 * The grooming session's keys: one letter per action, shown on the card as hints and in the help overlay.
 * They never act while typing in a field, under a dialog, or inside the item panel.
 */
import type { ShortcutGroup } from '../../shortcuts.ts';

export type SessionCommand =
  | 'estimate'
  | 'criterion'
  | 'split'
  | 'initiative'
  | 'ready'
  | 'down'
  | 'next'
  | 'previous'
  | 'end';

/** Each command's keys (the first is the one shown on its button) and what it does, in the card's order. */
export const SESSION_KEYS: { command: SessionCommand; keys: string[]; label: string }[] = [
  { command: 'estimate', keys: ['e'], label: 'Estimate' },
  { command: 'criterion', keys: ['a'], label: 'Add criterion' },
  { command: 'split', keys: ['s'], label: 'Split' },
  { command: 'initiative', keys: ['i'], label: 'Initiative' },
  { command: 'ready', keys: ['r'], label: 'Mark ready' },
  { command: 'down', keys: ['j', 'ArrowDown'], label: 'Move down' },
  { command: 'previous', keys: ['p', 'ArrowLeft'], label: 'Previous' },
  { command: 'next', keys: ['n', 'ArrowRight'], label: 'Next' },
  { command: 'end', keys: ['Escape'], label: 'End session' },
];

const BY_KEY = new Map(
  SESSION_KEYS.flatMap(({ command, keys }) => keys.map((key) => [key, command] as const)),
);

/** The command a key press stands for; null with a modifier (Ctrl+R reloads, Alt+← goes back). */
export function commandFor(press: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): SessionCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  return BY_KEY.get(press.key) ?? null;
}

const SHOWN: Record<string, string> = { ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc' };

/** A key as the hints print it. */
export function keyName(key: string): string {
  return SHOWN[key] ?? key;
}

/** The session's part of the help overlay (src/web/shortcuts.ts lists the groups it shows). */
export const GROOMING_SHORTCUTS: ShortcutGroup = {
  title: 'Grooming session',
  shortcuts: SESSION_KEYS.map(({ keys, label }) => ({ keys: keys.map(keyName), description: label })),
};
