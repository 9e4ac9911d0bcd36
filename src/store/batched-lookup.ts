/**
 * Reads of rows by one unique column for concurrent requests on PostgreSQL: the values asked for while
 * the event loop handles one round of I/O are read by one statement once that round is over
 * (setImmediate), and each caller gets its own rows. Under concurrent load that is one round trip, and one
 * wake-up of a database backend, for several requests instead of one each; a request alone waits for
 * nothing but the end of its own turn of the loop. Every read still starts after its request arrived, so
 * it sees every write committed before.
 *
 * Inside a transaction the read runs at once, on the transaction (it must see the transaction's own
 * writes and locks); on SQLite too, where a read is a call into the same process and a batch saves
 * nothing.
 */
import { type Db, dialectOf } from './database.ts';

/** Most values one statement reads; the rest of a round go in further statements. */
export const MAX_BATCH = 100;

interface Waiter<Row> {
  resolve(rows: Row[]): void;
  reject(error: unknown): void;
}

/** The rows whose column is `value` (none, or one for a unique column). */
export type BatchedLookup<Row> = (db: Db, value: string) => Promise<Row[]>;

/**
 * `readOne` reads the rows of one value, `readMany` those of several (`where column = any(values)`), and
 * `columnOf` gives a row's value of the column, to hand each row to the callers that asked for it.
 */
export function batchedLookup<Row extends object>(
  readOne: (db: Db, value: string) => Promise<Row[]>,
  readMany: (db: Db, values: string[]) => Promise<Row[]>,
  columnOf: (row: Row) => string,
): BatchedLookup<Row> {
  /** Per database (tests open several), the values asked for this round and who waits for each. */
  const rounds = new Map<Db, Map<string, Waiter<Row>[]>>();

  const read = (db: Db, values: string[], waiters: Map<string, Waiter<Row>[]>) => {
    const rows = values.length === 1 ? readOne(db, values[0] as string) : readMany(db, values);
    rows.then(
      (found) => {
        const byValue = new Map<string, Row[]>();
        for (const row of found) {
          const value = columnOf(row);
          const same = byValue.get(value);
          if (same) same.push(row);
          else byValue.set(value, [row]);
        }
        for (const value of values) {
          const own = byValue.get(value) ?? [];
          const asking = waiters.get(value) ?? [];
          // Callers may change the row objects they get: each but the first gets copies.
          asking.forEach((waiter, i) => {
            waiter.resolve(i === 0 ? own : own.map((row) => ({ ...row })));
          });
        }
      },
      (error: unknown) => {
        for (const value of values) for (const waiter of waiters.get(value) ?? []) waiter.reject(error);
      },
    );
  };

  const flush = (db: Db) => {
    const waiters = rounds.get(db);
    rounds.delete(db);
    if (!waiters) return;
    const values = [...waiters.keys()];
    for (let start = 0; start < values.length; start += MAX_BATCH) {
      read(db, values.slice(start, start + MAX_BATCH), waiters);
    }
  };

  return (db, value) => {
    if (db.isTransaction || dialectOf(db) === 'sqlite') return readOne(db, value);
    let waiters = rounds.get(db);
    if (!waiters) {
      waiters = new Map();
      rounds.set(db, waiters);
      setImmediate(flush, db);
    }
    const round = waiters;
    return new Promise<Row[]>((resolve, reject) => {
      const asking = round.get(value);
      if (asking) asking.push({ resolve, reject });
      else round.set(value, [{ resolve, reject }]);
    });
  };
}
