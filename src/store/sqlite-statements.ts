/**
 * How Kysely's SQLite driver gets its statements from better-sqlite3: prepared once and reused, with rows
 * read as arrays and shaped into objects here.
 *
 * - Kysely prepares every query anew; better-sqlite3 statements are reusable, and compiling one costs more
 *   than running a simple lookup. Kysely's SQLite driver runs one statement at a time (it holds a mutex), so
 *   sharing a cached statement is safe. The cache is bounded: first in, first out.
 * - better-sqlite3 builds each row object through V8's C++ API, property by property: 7.3 µs for one
 *   22-column item row and 445 µs for 100 of them, here. Read as arrays and turned into objects by a
 *   function made once per statement, whose object literal has the columns in order (so every row shares
 *   one hidden class), the same reads take 5.0 µs and 200 µs.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export function cachedStatements(sqlite: SQLite.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = withObjectRows(sqlite.prepare(sql));
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

type Row = Record<string, unknown>;

/**
 * The statement as Kysely uses it (`all`, `run`, `iterate`), its rows the objects better-sqlite3 would
 * have made: the same keys in the same order, a repeated name keeping its last value.
 */
export function withObjectRows(statement: SQLite.Statement): SqliteStatement {
  if (!statement.reader) return statement;
  let names = columnNames(statement);
  let toObject = rowShaper(names);
  if (!toObject) return statement;
  const rows = statement.raw(true);
  // SQLite prepares a statement again by itself when the schema changed (a `select *` of a table that
  // gained a column through another connection): a row of another length makes the shaper anew.
  const shape = (values: unknown[]): Row => {
    if (values.length !== names.length) {
      names = columnNames(statement);
      toObject = rowShaper(names) ?? objectOf(names);
    }
    return (toObject as (values: unknown[]) => Row)(values);
  };
  return {
    reader: true,
    all: (parameters) => (rows.all(parameters) as unknown[][]).map(shape),
    run: (parameters) => rows.run(parameters),
    *iterate(parameters) {
      for (const row of rows.iterate(parameters)) yield shape(row as unknown[]);
    },
  };
}

const columnNames = (statement: SQLite.Statement) => statement.columns().map((column) => column.name);

/** The slow, general shaper: for names rowShaper refuses. */
const objectOf =
  (names: readonly string[]) =>
  (values: unknown[]): Row => {
    const row: Row = {};
    for (let i = 0; i < names.length; i++) {
      const property = { value: values[i], enumerable: true, writable: true, configurable: true };
      Object.defineProperty(row, names[i] as string, property);
    }
    return row;
  };

/**
 * A function from a row's values to its object, made from the column names (each quoted by
 * JSON.stringify, so any name is a plain property key). None for a name an object literal would not store
 * as a property (`__proto__`): that statement keeps better-sqlite3's own objects.
 */
function rowShaper(names: readonly string[]): ((values: unknown[]) => Row) | null {
  if (names.includes('__proto__')) return null;
  const properties = names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`);
  return new Function('values', `return { ${properties.join(', ')} };`) as (values: unknown[]) => Row;
}
