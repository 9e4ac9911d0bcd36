/** Every keyboard shortcut, in one list: the help overlay shows it, and each screen implements its part. */
// The grooming session's group is built from its key map, so the help and the keys it handles cannot drift.
import { GROOMING_SHORTCUTS } from './screens/grooming/session-keys.ts';

export interface Shortcut {
  keys: string[];
  description: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'Everywhere',
    shortcuts: [
      {
        keys: ['Ctrl', 'K'],
        description: 'Search items and initiatives, jump to a view, run an action (⌘K on a Mac)',
      },
      { keys: ['?'], description: 'Show these shortcuts' },
      { keys: ['g', 'b'], description: 'Go to the backlog' },
      { keys: ['g', 'r'], description: 'Go to the roadmap board' },
      { keys: ['g', 't'], description: 'Go to the timeline' },
      { keys: ['g', 's'], description: 'Go to the sprints' },
      { keys: ['g', 'o'], description: 'Go to the sprint board' },
      { keys: ['g', 'p'], description: 'Go to the reports (velocity, cumulative flow)' },
      { keys: ['g', 'l'], description: 'Go to the releases' },
      { keys: ['Esc'], description: 'Close the panel or dialog' },
    ],
  },
  {
    title: 'Backlog',
    shortcuts: [
      { keys: ['↑', '↓'], description: 'Move the focus between items (also k / j)' },
      { keys: ['Alt', '↑'], description: 'Move the focused item up one place' },
      { keys: ['Alt', '↓'], description: 'Move the focused item down one place' },
      { keys: ['Alt', 'Shift', '↑'], description: 'Move the focused item to the top' },
      { keys: ['Alt', 'Shift', '↓'], description: 'Move the focused item to the bottom' },
      { keys: ['Enter'], description: 'Open the focused item' },
      { keys: ['e'], description: 'Edit the focused item’s title (also F2)' },
      { keys: ['x'], description: 'Select or unselect the focused item (Shift+click selects a range)' },
      { keys: ['c'], description: 'Add an item at the top' },
      { keys: ['/'], description: 'Filter by text' },
      { keys: ['Home', 'End'], description: 'Move the focus to the first or the last item' },
      { keys: ['Esc'], description: 'Clear the selection' },
    ],
  },
  {
    title: 'Roadmap',
    shortcuts: [
      {
        keys: ['Alt', '←'],
        description: 'Board: move the focused initiative to the earlier horizon; timeline: a month earlier',
      },
      {
        keys: ['Alt', '→'],
        description: 'Board: move the focused initiative to the later horizon; timeline: a month later',
      },
      {
        keys: ['Alt', 'Shift', '←', '→'],
        description: 'Timeline: shorten or lengthen the focused initiative by a month',
      },
      {
        keys: ['Alt', '↑', '↓'],
        description: 'Board: move the focused initiative to the theme lane above or below',
      },
      { keys: ['Enter'], description: 'Open the focused initiative' },
    ],
  },
  {
    title: 'Sprint board',
    shortcuts: [
      { keys: ['Alt', '←'], description: 'Move the focused card to the column on the left' },
      { keys: ['Alt', '→'], description: 'Move the focused card to the column on the right' },
      { keys: ['Enter'], description: 'Open the focused card' },
    ],
  },
  GROOMING_SHORTCUTS,
  {
    title: 'Item panel',
    shortcuts: [
      { keys: ['Enter'], description: 'Save the title, estimate or criterion being edited' },
      { keys: ['Esc'], description: 'Cancel the edit in a field; once out of the field, close the panel' },
      { keys: ['Ctrl', 'Enter'], description: 'Save the description being edited (⌘Enter on a Mac)' },
    ],
  },
  {
    title: 'Command palette',
    shortcuts: [
      { keys: ['↑', '↓'], description: 'Move between results' },
      {
        keys: ['Enter'],
        description: 'Open or run the highlighted result (a key like CHK-42 opens that item)',
      },
    ],
  },
];
