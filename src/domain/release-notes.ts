/**
 * Release notes generated from a release's done items, in the reader's language: grouped by public
 * initiative (with its public summary) and by kind of change (new, improved, fixed). Pure: what is left out
 * (spikes, items labelled `internal`, everything about internal initiatives) never reaches the text, and
 * every user-written text is escaped so that a title cannot inject HTML, links or Markdown structure.
 */

export interface NotesRelease {
  name: string;
  targetDate: string | null;
  releasedAt: string | null;
}

export interface NotesItem {
  type: 'story' | 'task' | 'bug' | 'spike';
  title: string;
  story: { asA: string; iWant: string; soThat: string } | null;
  labels: string[];
  initiativeId: string | null;
}

export interface NotesInitiative {
  id: string;
  title: string;
  publicSummary: string;
  visibility: 'internal' | 'public';
}

export interface NotesInput {
  release: NotesRelease;
  /** The release's done items, in the order they should be listed (rank order). */
  items: NotesItem[];
  /** The initiatives the items serve; an item whose initiative is missing counts as "other changes". */
  initiatives: NotesInitiative[];
}

export type ChangeKind = 'new' | 'improved' | 'fixed';

const KIND_HEADINGS: readonly [ChangeKind, string][] = [
  ['new', 'New'],
  ['improved', 'Improved'],
  ['fixed', 'Fixed'],
];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Which section an item is listed under, or null when it stays out of the notes. Tasks are the team's own
 * work (tests, pipelines, playbooks) and stay out unless labelled `improvement`: what readers notice.
 */
export function changeKindOf(item: Pick<NotesItem, 'type' | 'labels'>): ChangeKind | null {
  const labels = item.labels.map((label) => label.toLowerCase());
  if (labels.includes('internal')) return null;
  switch (item.type) {
    case 'story':
      return labels.includes('improvement') ? 'improved' : 'new';
    case 'task':
      return labels.includes('improvement') ? 'improved' : null;
    case 'bug':
      return 'fixed';
    case 'spike':
      return null;
  }
}

/**
 * Escapes user text for one line of Markdown: whitespace (line breaks included) collapses to single
 * spaces, characters that start emphasis, code, links, HTML or entities are backslash-escaped, bare URLs and
 * e-mail addresses are broken so GFM does not autolink them, and a leading marker that would open a block
 * (list item, rule) is escaped.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#~&|]/g, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
    .replace(/^([-+=])(?=[-+=\s]|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * A replacement keeping the capital of the word it replaces ("My" → "Your"); "I" is capital anywhere, so
 * what replaces it ("I am" → "you are") is not (the first letter of the sentence is capitalised later).
 */
function matchCase(word: string, replacement: string): string {
  const first = word.charAt(0);
  const capital = first !== first.toLowerCase() && !/^I(?![a-z])/.test(word);
  return capital ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

// Checked in order: the longer phrases first, so "I am" becomes "you are" rather than "you am".
const TO_READER: readonly [RegExp, string][] = [
  [/\bI am\b/g, 'you are'],
  [/\bI was\b/g, 'you were'],
  [/\bI['’]m\b/g, 'you’re'],
  [/\bI\b/g, 'you'],
  [/\bmyself\b/gi, 'yourself'],
  [/\bmine\b/gi, 'yours'],
  [/\bmy\b/gi, 'your'],
  [/\bme\b/gi, 'you'],
  [/\bourselves\b/gi, 'yourselves'],
  [/\bours\b/gi, 'yours'],
  [/\bour\b/gi, 'your'],
  [/\bwe\b/gi, 'you'],
  // Lower case only: "US" is a country.
  [/\bus\b/g, 'you'],
];

/**
 * A story's "so that" addressed to the reader: "so that I can pay with my card" → "You can pay with your
 * card." (first person turned to "you", first letter capitalised, ending with a period).
 */
export function toReader(soThat: string): string {
  let text = soThat
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^so that\s+/i, '');
  for (const [pattern, replacement] of TO_READER) {
    text = text.replace(pattern, (word) => matchCase(word, replacement));
  }
  text = text.replace(/[\s,;:]+$/, '');
  if (text === '') return '';
  const firstLetter = text.search(/\p{L}/u);
  if (firstLetter >= 0) {
    text = text.slice(0, firstLetter) + text.charAt(firstLetter).toUpperCase() + text.slice(firstLetter + 1);
  }
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** One bullet: `- **Title**: You can …` for a story with a "so that", `- Title` otherwise. */
export function noteLine(item: Pick<NotesItem, 'title' | 'story'>): string {
  const title = escapeMarkdownText(item.title);
  const benefit = item.story ? toReader(item.story.soThat) : '';
  return benefit === '' ? `- ${title}` : `- **${title}**: ${escapeMarkdownText(benefit)}`;
}

/** "2027-03-31" (or a timestamp) → "March 31, 2027". */
export function formatNotesDate(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return `${MONTHS[(month ?? 1) - 1] ?? ''} ${day}, ${year}`;
}

/** A summary's paragraphs (separated by blank lines), each escaped as one line. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map(escapeMarkdownText)
    .filter((paragraph) => paragraph !== '');
}

type Grouped = Map<ChangeKind, string[]>;

function kindSections(grouped: Grouped): string[] {
  const lines: string[] = [];
  for (const [kind, heading] of KIND_HEADINGS) {
    const entries = grouped.get(kind);
    if (!entries || entries.length === 0) continue;
    lines.push(`### ${heading}`, '', ...entries, '');
  }
  return lines;
}

/** The release notes as Markdown. */
export function generateReleaseNotes(input: NotesInput): string {
  const publicInitiatives = new Map(
    input.initiatives.filter((i) => i.visibility === 'public').map((i) => [i.id, i]),
  );
  const byInitiative = new Map<string, Grouped>();
  const other: Grouped = new Map();
  for (const item of input.items) {
    const kind = changeKindOf(item);
    if (kind === null) continue;
    const initiative = item.initiativeId ? publicInitiatives.get(item.initiativeId) : undefined;
    let grouped = other;
    if (initiative) {
      grouped = byInitiative.get(initiative.id) ?? new Map();
      byInitiative.set(initiative.id, grouped);
    }
    const entries = grouped.get(kind) ?? [];
    entries.push(noteLine(item));
    grouped.set(kind, entries);
  }

  const lines = [`# ${escapeMarkdownText(input.release.name)}`, ''];
  const date = input.release.releasedAt ?? input.release.targetDate;
  if (date) lines.push(`_${formatNotesDate(date)}_`, '');

  const sections = [...byInitiative.keys()]
    .map((id) => publicInitiatives.get(id))
    .filter((initiative) => initiative !== undefined)
    .sort((a, b) => a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const initiative of sections) {
    lines.push(`## ${escapeMarkdownText(initiative.title)}`, '');
    for (const paragraph of paragraphs(initiative.publicSummary)) lines.push(paragraph, '');
    lines.push(...kindSections(byInitiative.get(initiative.id) ?? new Map()));
  }
  if (other.size > 0) lines.push('## Other changes', '', ...kindSections(other));
  if (sections.length === 0 && other.size === 0) lines.push('No user-facing changes in this release.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
