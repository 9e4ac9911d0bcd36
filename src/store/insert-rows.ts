/**
 * Multi-row INSERTs of many plain rows with the SQL text written once per shape. Kysely turns every value
 * of a multi-row INSERT into syntax-tree nodes and compiles them anew for each statement; at 100,000 items
 * (some two million values) that, and the garbage it leaves, cost more than SQLite's own work.
 */
import { CompiledQuery } from 'kysely';
import { rowsPerStatement } from './batches.ts';
import { type Db, dialectOf } from './database.ts';
import type { Tables } from './tables.ts';

/** SQL texts by table, columns, row count and dialect: a bulk write uses two shapes per table. */
const texts = new Map<string, string>();
const TEXTS_KEPT = 64;

function insertText(postgres: boolean, table: string, columns: readonly string[], rows: number): string {
  const cacheKey = `${postgres ? 'pg' : 'sqlite'}\u0000${table}\u0000${columns.join('\u0000')}\u0000${rows}`;
  let text = texts.get(cacheKey);
  if (text === undefined) {
    const width = columns.length;
    const tuples: string[] = [];
    for (let row = 0; row < rows; row++) {
      const marks: string[] = [];
      for (let column = 0; column < width; column++) {
        marks.push(postgres ? `$${row * width + column + 1}` : '?');
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    const names = columns.map((column) => `"${column}"`).join(', ');
    text = `insert into "${table}" (${names}) values ${tuples.join(', ')}`;
    if (texts.size >= TEXTS_KEPT) texts.delete(texts.keys().next().value as string);
    texts.set(cacheKey, text);
  }
  return text;
}

/** PostgreSQL type names of the columns of tables written by insertRows, read from the catalog once. */
const columnTypes = new Map<string, Map<string, string>>();

async function typesOf(db: Db, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (types === undefined) {
    const { rows } = await db.executeQuery<{ name: string; type: string }>(
      CompiledQuery.raw(
        'select attname as name, format_type(atttypid, null) as type from pg_attribute ' +
          'where attrelid = $1::regclass and attnum > 0 and not attisdropped',
        [table],
      ),
    );
    types = new Map(rows.map((row) => [row.name, row.type]));
    columnTypes.set(table, types);
  }
  return types;
}

/** Element type OIDs (pg_type) of the column types sent as binary arrays. */
const ELEMENT_OIDS: Readonly<Record<string, number>> = { text: 25, integer: 23, 'double precision': 701 };

/** The UTF-8 length of `text`: its length when it is all ASCII, as nearly every value is. */
function utf8Length(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) return Buffer.byteLength(text, 'utf8');
  }
  return text.length;
}

/** Whether `value` fits an integer column (others go as text, for the server to refuse as before). */
const isInt32 = (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31;

/**
 * One column's values in PostgreSQL's binary array format (what array_send writes: dimensions, flags,
 * element type, then each element's length and bytes, -1 for NULL), or null when a value is not of the
 * column's plain JavaScript type (strings for text, numbers for the numeric types), which then goes as
 * the driver's text array. Binary elements skip the server's array_in parsing of every quoted value and
 * the driver's escaping of each one.
 */
function binaryArray(values: readonly unknown[], type: string): Buffer | null {
  const oid = ELEMENT_OIDS[type];
  if (oid === undefined) return null;
  const text = oid === 25;
  const width = oid === 23 ? 4 : 8;
  let size = 20;
  let nulls = 0;
  const lengths = text ? new Int32Array(values.length) : null;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) {
      nulls = 1;
      size += 4;
    } else if (text && typeof value === 'string') {
      const length = utf8Length(value);
      (lengths as Int32Array)[i] = length;
      size += 4 + length;
    } else if (!text && typeof value === 'number' && (oid !== 23 || isInt32(value))) {
      size += 4 + width;
    } else return null;
  }
  const buffer = Buffer.allocUnsafe(size);
  buffer.writeInt32BE(1, 0); // one dimension
  buffer.writeInt32BE(nulls, 4);
  buffer.writeUInt32BE(oid, 8);
  buffer.writeInt32BE(values.length, 12);
  buffer.writeInt32BE(1, 16); // lower bound
  let at = 20;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) {
      at = buffer.writeInt32BE(-1, at);
    } else if (text) {
      const length = (lengths as Int32Array)[i] as number;
      at = buffer.writeInt32BE(length, at);
      at += buffer.write(value as string, at, length, 'utf8');
    } else if (oid === 23) {
      at = buffer.writeInt32BE(4, at);
      at = buffer.writeInt32BE(value as number, at);
    } else {
      at = buffer.writeInt32BE(8, at);
      at = buffer.writeDoubleBE(value as number, at);
    }
  }
  return buffer;
}

/**
 * PostgreSQL: one array per column, unnested into rows. Binding one parameter per value costs the server
 * more than the rows' own insertion work: 20,000 items took ≈ 25% more of its CPU time than the same rows
 * sent as arrays (or by COPY).
 */
function arraysStatement(
  types: ReadonlyMap<string, string>,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): CompiledQuery {
  const names = columns.map((column) => `"${column}"`).join(', ');
  const casts: string[] = [];
  const arrays = columns.map((column, i) => {
    const type = types.get(column);
    if (type === undefined) throw new Error(`insertRows: ${table} has no column ${column}`);
    casts.push(`$${i + 1}::${type}[]`);
    const values = rows.map((row) => row[column] ?? null);
    return binaryArray(values, type) ?? values;
  });
  return CompiledQuery.raw(
    `insert into "${table}" (${names}) select * from unnest(${casts.join(', ')})`,
    arrays,
  );
}

/** Rows of one table's given columns, each with exactly those columns (undefined is written as NULL). */
type RowsOf<Table extends keyof Tables> = readonly { [Column in keyof Tables[Table]]?: unknown }[];

/**
 * A function that turns rows into the INSERT statements writing them, in as few statements as the
 * database's parameter limit allows, without waiting on the database (PostgreSQL's column types are read
 * from the catalog here, once per table): a bulk writer builds the next statements while the database
 * runs the ones before. Column and table names come from the code, never from input.
 */
export async function insertStatements<Table extends keyof Tables & string>(
  db: Db,
  table: Table,
  columns: readonly (keyof Tables[Table] & string)[],
): Promise<(rows: RowsOf<Table>) => CompiledQuery[]> {
  const postgres = dialectOf(db) === 'postgres';
  const perStatement = rowsPerStatement(db, columns.length);
  const types = postgres ? await typesOf(db, table) : null;
  return (rows) => {
    const statements: CompiledQuery[] = [];
    for (let start = 0; start < rows.length; start += perStatement) {
      const end = Math.min(rows.length, start + perStatement);
      if (types) {
        const slice = rows.slice(start, end) as Record<string, unknown>[];
        statements.push(arraysStatement(types, table, columns, slice));
        continue;
      }
      const parameters: unknown[] = [];
      for (let i = start; i < end; i++) {
        const row = rows[i] as Record<string, unknown>;
        for (const column of columns) parameters.push(row[column] ?? null);
      }
      statements.push(CompiledQuery.raw(insertText(postgres, table, columns, end - start), parameters));
    }
    return statements;
  };
}

/** Runs statements one after the other. */
export async function runStatements(db: Db, statements: readonly CompiledQuery[]): Promise<void> {
  for (const statement of statements) await db.executeQuery(statement);
}

/** Inserts `rows` (see insertStatements). */
export async function insertRows<Table extends keyof Tables & string>(
  db: Db,
  table: Table,
  columns: readonly (keyof Tables[Table] & string)[],
  rows: RowsOf<Table>,
): Promise<void> {
  if (rows.length === 0) return;
  await runStatements(db, (await insertStatements(db, table, columns))(rows));
}
