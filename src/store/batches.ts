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

/**
 * Builds and writes `count` batches in order, building each next batch while the database runs the
 * statement of the one before: a transaction's statements run one at a time on its connection, so
 * without this the process and the database server take turns being idle (a PostgreSQL bulk load
 * spends seconds building rows and change sets in the process). A build may be async; it should not
 * wait on the database, or it waits for the statement it was meant to overlap.
 */
export async function writeOverlapped<T>(
  count: number,
  build: (index: number) => T | Promise<T>,
  write: (batch: T) => Promise<void>,
): Promise<void> {
  let next = count > 0 ? build(0) : undefined;
  for (let index = 0; index < count; index++) {
    const pending = write(await (next as T | Promise<T>));
    // Handled below; without this a statement that fails while the next batch is built would be an
    // unhandled rejection for a moment.
    pending.catch(() => {});
    // Let the statement reach the database (the driver sends it a few promise steps later) before the
    // next batch takes the process.
    await new Promise<void>((resolve) => setImmediate(resolve));
    next = index + 1 < count ? build(index + 1) : undefined;
    // Likewise: an async build that fails while the statement runs is awaited in the next round.
    if (next instanceof Promise) next.catch(() => {});
    await pending;
  }
}
