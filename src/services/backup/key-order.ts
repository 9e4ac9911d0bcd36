/**
 * Reads a table's rows in primary-key order, a batch at a time (keyset pagination: each batch starts after
 * the last key of the one before, so memory stays bounded and no batch rescans the rows before it). Text
 * keys compare by bytes on both databases, so the order is the same on SQLite and PostgreSQL.
 */
import { type RawBuilder, sql } from 'kysely';
import { type Db, dialectOf } from '../../store/database.ts';
import type { CatalogColumn, CatalogTable } from './catalog.ts';

/** Rows per query: large enough that round trips do not dominate, small enough to hold comfortably. */
export const KEY_ORDER_BATCH = 5_000;

export interface KeyOrderRead {
  table: CatalogTable;
  /** The columns to read (names from the catalog, never from input). */
  columns: readonly string[];
  /** A filter on the table's rows (e.g. one product's), or none. */
  where?: RawBuilder<unknown> | undefined;
  batch?: number | undefined;
}

/** Each batch's rows as arrays of values in `columns` order. */
export async function* readInKeyOrder(db: Db, read: KeyOrderRead): AsyncGenerator<unknown[][]> {
  const { table } = read;
  const postgres = dialectOf(db) === 'postgres';
  const key = table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((column) => column.name);
  const keyColumns = key.map((name) => columnOf(table, name));
  const ordered = keyColumns.map((column) =>
    postgres && column.text ? sql`${sql.ref(column.name)} collate "C"` : sql.ref(column.name),
  );
  const selected = [...read.columns, ...key.map((_, i) => `cairn_key_${i}`)];
  const selection = sql.join([
    ...read.columns.map((name) => sql.ref(name)),
    ...key.map((name, i) => sql`${sql.ref(name)} as ${sql.ref(selected[read.columns.length + i] as string)}`),
  ]);
  const batch = read.batch ?? KEY_ORDER_BATCH;
  const keyed = table.primaryKey.length > 0;
  let after: unknown[] | null = null;
  let offset = 0;
  // Ends when a batch comes back short; the number of batches is the table's rows over the batch size.
  for (;;) {
    const filters: RawBuilder<unknown>[] = [];
    if (read.where) filters.push(read.where);
    if (keyed && after) {
      filters.push(sql`(${sql.join(ordered)}) > (${sql.join(after.map((value) => sql`${value}`))})`);
    }
    const where = filters.length > 0 ? sql` where ${sql.join(filters, sql` and `)}` : sql``;
    // A table without a primary key (none today) pages by offset, inside the caller's snapshot.
    const page = keyed ? sql`` : sql` offset ${offset}`;
    const { rows } = await sql<
      Record<string, unknown>
    >`select ${selection} from ${sql.table(table.name)}${where}
      order by ${sql.join(ordered)} limit ${batch}${page}`.execute(db);
    if (rows.length === 0) return;
    const values: unknown[][] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as Record<string, unknown>;
      const out = new Array(read.columns.length);
      for (let c = 0; c < read.columns.length; c++) out[c] = row[read.columns[c] as string];
      values[i] = out;
    }
    yield values;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1] as Record<string, unknown>;
    after = key.map((_, i) => last[selected[read.columns.length + i] as string]);
    offset += rows.length;
  }
}

function columnOf(table: CatalogTable, name: string): CatalogColumn {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`${table.name} has no column ${name}`);
  return column;
}
