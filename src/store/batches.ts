/** Splitting multi-row writes into statements each database accepts. */
import { type Db, dialectOf } from './database.ts';

// Bound-parameter ceilings per statement: SQLite's SQLITE_MAX_VARIABLE_NUMBER, PostgreSQL's Int16 count.
const MAX_PARAMETERS = { sqlite: 32_766, postgres: 65_535 } as const;

/** How many rows of `columnsPerRow` values fit into one INSERT on this database. */
export function rowsPerStatement(db: Db, columnsPerRow: number): number {
  return Math.floor(MAX_PARAMETERS[dialectOf(db)] / columnsPerRow);
}

/** The number of values each row binds (every row of a batch has the same columns). */
export function columnsOf(rows: readonly object[]): number {
  return rows[0] === undefined ? 1 : Object.keys(rows[0]).length;
}

/** Splits `list` into consecutive slices of at most `size` elements. */
export function chunked<T>(list: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < list.length; start += size) slices.push(list.slice(start, start + size));
  return slices;
}

/** `rows` in slices that each fit one INSERT. */
export function insertBatches<T extends object>(db: Db, rows: readonly T[]): T[][] {
  return chunked(rows, rowsPerStatement(db, columnsOf(rows)));
}
