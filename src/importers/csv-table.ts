/**
 * Reads an exported CSV into a header and rows that remember the line they start on. Shared by the Jira and
 * Linear importers. Columns are read by index, not by name, because Jira repeats names ("Sprint" ×3).
 */
import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../services/errors.ts';

export interface CsvRow {
  /** 1-based line in the file where the row starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** More rows than this is not an export we can take in one request (50 MB bodies hold far fewer). */
export const MAX_CSV_ROWS = 500_000;
/** One record (row) may be this large: a 1 MB description is fine, an unclosed quote over 50 MB is not. */
const MAX_RECORD_BYTES = 8 * 1024 * 1024;

/** Parses CSV text (already decoded, "\n" newlines); a malformed file throws `invalid_import` naming the line. */
export function readCsv(text: string, what: string): CsvTable {
  const delimiter = guessDelimiter(text);
  let lastEnd = 0;
  const rows: CsvRow[] = [];
  try {
    parse(text, {
      delimiter,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_BYTES,
      on_record: (record: string[], context) => {
        const end = context.lines;
        rows.push({ line: end - newlinesIn(record), cells: record });
        lastEnd = end;
        if (rows.length > MAX_CSV_ROWS + 1) {
          throw new AppError(
            'invalid_import',
            `line ${end}: the ${what} has more than ${MAX_CSV_ROWS} rows`,
            {
              line: end,
            },
          );
        }
        // Records are collected here; returning null keeps csv-parse from building a second array.
        return null;
      },
    });
  } catch (error) {
    throw csvFailure(error, lastEnd + 1, what);
  }
  const first = rows.shift();
  if (!first) {
    throw new AppError('invalid_import', `line 1: the ${what} is empty`, { line: 1 });
  }
  return { header: first.cells.map((h) => h.trim()), rows };
}

/** A record's cells only hold "\n" where a quoted cell spanned lines, so counting them finds its first line. */
function newlinesIn(record: string[]): number {
  let count = 0;
  for (const cell of record) {
    let at = cell.indexOf('\n');
    while (at !== -1) {
      count++;
      at = cell.indexOf('\n', at + 1);
    }
  }
  return count;
}

/** Jira and Linear write commas, but a spreadsheet in a European locale re-saves with ";" or tabs. */
function guessDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const firstLine = text.slice(0, end === -1 ? Math.min(text.length, 65_536) : Math.min(end, 65_536));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ',';
}

function csvFailure(error: unknown, rowStart: number, what: string): unknown {
  if (error instanceof AppError) return error;
  if (!(error instanceof CsvError)) return error;
  const line =
    error.code === 'CSV_QUOTE_NOT_CLOSED' ? rowStart : ((error as { lines?: number }).lines ?? rowStart);
  const reason = CSV_REASONS[error.code] ?? error.message.replace(/^[^:]*: /, '');
  return new AppError('invalid_import', `line ${line}: the ${what} is not valid CSV: ${reason}`, {
    line,
    csvError: error.code,
  });
}

const CSV_REASONS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell starting on this line is never closed',
  CSV_MAX_RECORD_SIZE: `a row is larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB (an unclosed quote?)`,
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a quoted cell is not doubled',
};
