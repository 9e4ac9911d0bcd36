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

/**
 * PostgreSQL: one array per column, unnested into rows. Binding one parameter per value costs the server
 * more than the rows' own insertion work: 20,000 items took ≈ 25% more of its CPU time than the same rows
 * sent as arrays (or by COPY).
 */
async function insertArrays(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const types = await typesOf(db, table);
  const arrays = columns.map((column) => rows.map((row) => row[column] ?? null));
  const names = columns.map((column) => `"${column}"`).join(', ');
  const casts = columns.map((column, i) => {
    const type = types.get(column);
    if (type === undefined) throw new Error(`insertRows: ${table} has no column ${column}`);
    return `$${i + 1}::${type}[]`;
  });
  await db.executeQuery(
    CompiledQuery.raw(`insert into "${table}" (${names}) select * from unnest(${casts.join(', ')})`, arrays),
  );
}

/**
 * Inserts `rows` (each with exactly `columns`, every one given: undefined is written as NULL) in as few
 * statements as the database's parameter limit allows. Column and table names come from the code, never
 * from input.
 */
export async function insertRows<Table extends keyof Tables & string>(
  db: Db,
  table: Table,
  columns: readonly (keyof Tables[Table] & string)[],
  rows: readonly { [Column in keyof Tables[Table]]?: unknown }[],
): Promise<void> {
  if (rows.length === 0) return;
  const postgres = dialectOf(db) === 'postgres';
  const perStatement = rowsPerStatement(db, columns.length);
  if (postgres) {
    for (let start = 0; start < rows.length; start += perStatement) {
      await insertArrays(
        db,
        table,
        columns,
        rows.slice(start, start + perStatement) as Record<string, unknown>[],
      );
    }
    return;
  }
  for (let start = 0; start < rows.length; start += perStatement) {
    const end = Math.min(rows.length, start + perStatement);
    const parameters: unknown[] = [];
    for (let i = start; i < end; i++) {
      const row = rows[i] as Record<string, unknown>;
      for (const column of columns) parameters.push(row[column] ?? null);
    }
    await db.executeQuery(CompiledQuery.raw(insertText(postgres, table, columns, end - start), parameters));
  }
}
