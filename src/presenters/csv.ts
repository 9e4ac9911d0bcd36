/**
 * CSV for chart downloads (RFC 4180): a header row, then one row per record, CRLF line ends. Cells with a
 * comma, quote or line break are quoted with quotes doubled. Text cells that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) get a leading apostrophe: sprint and item names are user text.
 */
import type { z } from '@hono/zod-openapi';
import type { Burndown, CumulativeFlow, VelocityChart } from '../schemas/chart.ts';

export type CsvCell = string | number | boolean | null;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text: numbers as JavaScript prints them, null as an empty cell. */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole document: `header` then `rows`, each row as long as the header. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A Content-Disposition value that downloads as `<name>.csv`: an ASCII fallback name (anything outside
 * letters, digits, dot, dash and underscore becomes `_`) and the exact name in UTF-8 (RFC 6266/5987).
 */
export function csvAttachment(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 150) || 'chart';
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 needs them encoded (' ends the charset part).
  const exact = encodeURIComponent(`${name}.csv`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}.csv"; filename*=UTF-8''${exact}`;
}

/** A burndown: one row per day. */
export function burndownCsv(burndown: Burndown): string {
  return toCsv(
    [
      'date',
      'remaining',
      'ideal',
      'done',
      'scope',
      'added',
      'removed',
      'reestimated',
      'reopened',
      'afterEnd',
    ],
    burndown.days.map((d) => [
      d.date,
      d.remaining,
      d.ideal,
      d.done,
      d.scope,
      d.added,
      d.removed,
      d.reestimated,
      d.reopened,
      d.afterEnd,
    ]),
  );
}

/** Velocity: one row per sprint, oldest first. */
export function velocityCsv(velocity: z.infer<typeof VelocityChart>): string {
  return toCsv(
    ['sprint', 'startDate', 'endDate', 'committed', 'completed'],
    velocity.sprints.map((s) => [s.name, s.startDate, s.endDate, s.committed, s.completed]),
  );
}

/** Cumulative flow: one row per day, a column per status in flow order. */
export function cumulativeFlowCsv(flow: z.infer<typeof CumulativeFlow>): string {
  return toCsv(
    ['date', ...flow.statuses],
    flow.days.map((day) => [day.date, ...flow.statuses.map((status) => day.counts[status] ?? 0)]),
  );
}
