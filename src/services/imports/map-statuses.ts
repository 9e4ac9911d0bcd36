/**
 * From the source tool's status names ("In Progress", a Trello list's name) to Cairn's statuses: a default
 * guess from common Jira / Trello / Linear names, which the user corrects in the preview (`statusMap`).
 */
import type { ItemStatusName } from '../../domain/item-status.ts';
import type { StatusMapping } from '../../importers/bundle.ts';

/** Longer names are not worth guessing from, and bound the work on a hostile one. */
const MAX_GUESSED_LENGTH = 200;

/** Whole names (lower case, spaces and separators folded), checked before the word rules below. */
const EXACT = new Map<string, ItemStatusName>(
  Object.entries({
    'to do': 'backlog',
    todo: 'backlog',
    open: 'backlog',
    backlog: 'backlog',
    new: 'backlog',
    triage: 'backlog',
    icebox: 'backlog',
    reopened: 'backlog',
    'selected for development': 'ready',
    ready: 'ready',
    'ready for development': 'ready',
    'ready for dev': 'ready',
    'up next': 'ready',
    next: 'ready',
    unstarted: 'ready',
    'in progress': 'in_progress',
    doing: 'in_progress',
    started: 'in_progress',
    'in development': 'in_progress',
    'in review': 'in_review',
    'code review': 'in_review',
    review: 'in_review',
    qa: 'in_review',
    testing: 'in_review',
    'in testing': 'in_review',
    'in qa': 'in_review',
    done: 'done',
    closed: 'done',
    resolved: 'done',
    complete: 'done',
    completed: 'done',
    shipped: 'done',
    released: 'done',
    "won't do": 'wont_do',
    'wont do': 'wont_do',
    "won't fix": 'wont_do',
    cancelled: 'wont_do',
    canceled: 'wont_do',
    duplicate: 'wont_do',
    rejected: 'wont_do',
    declined: 'wont_do',
    archived: 'wont_do',
  } satisfies Record<string, ItemStatusName>),
);

/** Words that decide a longer name ("Waiting for QA", "Done 🎉"), the most final first. */
const WORDS: [RegExp, ItemStatusName][] = [
  [/\b(won'?t|cancel+ed|duplicate|rejected|declined|obsolete)\b/, 'wont_do'],
  [/\b(done|closed|resolved|complete|completed|shipped|released|deployed)\b/, 'done'],
  [/\b(review|qa|testing|verify|verification|approval)\b/, 'in_review'],
  [/\b(progress|doing|started|development|wip|active)\b/, 'in_progress'],
  [/\b(ready|selected|next|planned)\b/, 'ready'],
];

/** The default Cairn status for a source status name; backlog when nothing fits. */
export function defaultStatusFor(source: string): ItemStatusName {
  if (source.length > MAX_GUESSED_LENGTH) return 'backlog';
  const name = source
    .toLowerCase()
    .replace(/[_\-.:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // A Map: a name such as "constructor" must not find Object's own properties.
  const exact = EXACT.get(name);
  if (exact) return exact;
  for (const [pattern, status] of WORDS) if (pattern.test(name)) return status;
  return 'backlog';
}

/**
 * The mapping of every source status: the user's choice where `overrides` names it, else the default.
 * Overrides for statuses the file does not have are ignored.
 */
export function mapStatuses(statuses: readonly string[], overrides: StatusMapping = {}): StatusMapping {
  const mapping: StatusMapping = Object.create(null);
  for (const source of statuses) {
    mapping[source] = Object.hasOwn(overrides, source) ? overrides[source]! : defaultStatusFor(source);
  }
  return mapping;
}
