/** How the wizard words an import report: counts, the import button, values of a conflict. Pure. */
import type { ImportReportT } from '../../api/imports.ts';

/** The kinds of object a report counts, in the order the wizard lists them, with their plural names. */
export const COUNTED_KINDS = [
  ['items', 'Items'],
  ['initiatives', 'Initiatives (epics)'],
  ['releases', 'Releases (fix versions)'],
  ['sprints', 'Sprints'],
  ['dependencies', 'Dependencies'],
  ['comments', 'Comments'],
] as const;

type Counted = (typeof COUNTED_KINDS)[number][0];

/** What the server recognised the file as, in words. */
export const FORMAT_LABELS: Readonly<Record<ImportReportT['format'], string>> = {
  'jira-csv': 'a Jira CSV export',
  'jira-json': 'Jira JSON (REST search pages)',
  'trello-json': 'a Trello board export',
  'linear-csv': 'a Linear CSV export',
  'markdown-folder': 'a folder of Markdown files',
};

/** Items the import would create or update: the number the import button names. */
export function itemsToImport(report: ImportReportT): number {
  return report.created.items + report.updated.items;
}

/** True when a real run would write something. */
export function writesSomething(report: ImportReportT): boolean {
  return COUNTED_KINDS.some(([kind]) => report.created[kind] + report.updated[kind] > 0);
}

/** "Import 12 items", "Import 1 item", or "Import" when only initiatives, sprints… change. */
export function importButtonLabel(report: ImportReportT): string {
  const count = itemsToImport(report);
  if (count === 0) return 'Import';
  return `Import ${count} ${count === 1 ? 'item' : 'items'}`;
}

/** One line for a finished (or previewed) run: "12 created, 3 updated, 1 skipped". */
export function summaryLine(report: ImportReportT, kind: Counted = 'items'): string {
  const parts = [`${report.created[kind]} created`, `${report.updated[kind]} updated`];
  if (report.unchanged[kind] > 0) parts.push(`${report.unchanged[kind]} unchanged`);
  return parts.join(', ');
}

/** The most characters of a conflicting value shown: a description may be long, its cell must not be. */
export const VALUE_SHOWN_CHARS = 120;

/** A conflict's value as text: strings as they are, the rest as JSON; cut to VALUE_SHOWN_CHARS. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > VALUE_SHOWN_CHARS ? `${text.slice(0, VALUE_SHOWN_CHARS)}…` : text;
}

/** "and 14 more" under a list the server cut to its cap, or '' when everything is shown. */
export function moreText(shown: number, total: number): string {
  return total > shown ? `and ${total - shown} more` : '';
}

/** " (the first 200 of 5,000)" after a list's caption when the server sent only the first rows, else ''. */
export function shownOf(shown: number, total: number): string {
  return total > shown ? ` (the first ${shown} of ${total.toLocaleString('en')})` : '';
}
