/**
 * The workspace's tables as the database itself describes them (read at run time, so a table a new
 * migration adds is backed up without a code change): names, stored columns, primary keys, foreign keys,
 * in an order where every table comes after the tables it references.
 */
import { sql } from 'kysely';
import { type Db, dialectOf } from '../../store/database.ts';

export interface CatalogColumn {
  name: string;
  /** Text columns order by bytes on PostgreSQL too (collate "C"), so row order matches SQLite's. */
  text: boolean;
}

export interface CatalogTable {
  name: string;
  /** Stored columns in the table's own order; generated ones (PostgreSQL's search vector) left out. */
  columns: CatalogColumn[];
  primaryKey: string[];
  /** Tables this one references by foreign key. */
  references: string[];
  /** PostgreSQL: columns filled from a sequence (bigserial), whose sequence a restore moves past. */
  serial: string[];
}

/** The migrator's own bookkeeping: never data, always recreated by migrating. */
const INTERNAL_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
/** A workspace has a few dozen tables; anything near this is not a Cairn database. */
const MAX_TABLES = 500;

/** The data tables, each after every table it references (ties by name). */
export async function readCatalog(db: Db): Promise<CatalogTable[]> {
  const tables = dialectOf(db) === 'postgres' ? await postgresTables(db) : await sqliteTables(db);
  if (tables.length > MAX_TABLES)
    throw new Error(`the database has ${tables.length} tables; expected Cairn's`);
  return dependencyOrder(tables);
}

/** The name of the last migration applied, or null for a database never migrated. */
export async function schemaVersionOf(db: Db): Promise<string | null> {
  const names = await tableNames(db);
  if (!names.includes('kysely_migration')) return null;
  const { rows } = await sql<{
    name: string;
  }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return rows[0]?.name ?? null;
}

/** Every table in the database's schema, the migrator's included (not SQLite's own or FTS shadow tables). */
export async function tableNames(db: Db): Promise<string[]> {
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
    return rows.map((row) => row.name);
  }
  const { rows } = await sql<{ name: string }>`select name from pragma_table_list
    where schema = 'main' and type = 'table' and name not like 'sqlite%' order by name`.execute(db);
  return rows.map((row) => row.name);
}

async function sqliteTables(db: Db): Promise<CatalogTable[]> {
  const tables: CatalogTable[] = [];
  for (const name of await tableNames(db)) {
    if (INTERNAL_TABLES.has(name)) continue;
    const { rows: columns } = await sql<{ name: string; type: string; pk: number; hidden: number }>`
      select name, type, pk, hidden from pragma_table_xinfo(${name})`.execute(db);
    const { rows: keys } = await sql<{ table: string }>`
      select "table" from pragma_foreign_key_list(${name})`.execute(db);
    const stored = columns.filter((column) => column.hidden === 0);
    tables.push({
      name,
      columns: stored.map((column) => ({ name: column.name, text: /text|char|clob/i.test(column.type) })),
      primaryKey: stored
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
      references: [...new Set(keys.map((key) => key.table))],
      serial: [],
    });
  }
  return tables;
}

async function postgresTables(db: Db): Promise<CatalogTable[]> {
  const { rows: columns } = await sql<{
    table: string;
    name: string;
    type: string;
    generated: string;
    default: string | null;
  }>`select table_name as "table", column_name as name, data_type as type, is_generated as generated,
      column_default as "default"
    from information_schema.columns where table_schema = current_schema()
    order by table_name, ordinal_position`.execute(db);
  const { rows: keys } = await sql<{ table: string; name: string }>`
    select c.relname as "table", a.attname as name
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_attribute a on a.attrelid = i.indrelid and array_position(i.indkey::int2[], a.attnum) is not null
    where i.indisprimary and c.relnamespace = current_schema()::regnamespace
    order by c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const { rows: references } = await sql<{ table: string; target: string }>`
    select c.relname as "table", t.relname as target
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class t on t.oid = k.confrelid
    where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`.execute(db);
  const tables: CatalogTable[] = [];
  for (const name of await tableNames(db)) {
    if (INTERNAL_TABLES.has(name)) continue;
    const own = columns.filter((column) => column.table === name && column.generated !== 'ALWAYS');
    tables.push({
      name,
      columns: own.map((column) => ({ name: column.name, text: /text|char/i.test(column.type) })),
      primaryKey: keys.filter((key) => key.table === name).map((key) => key.name),
      references: [...new Set(references.filter((r) => r.table === name).map((r) => r.target))],
      serial: own.filter((column) => column.default?.startsWith('nextval(')).map((column) => column.name),
    });
  }
  return tables;
}

/** Kahn's algorithm over the foreign keys; a table referencing itself does not wait for itself. */
function dependencyOrder(tables: CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const placed = new Set<string>();
  const ordered: CatalogTable[] = [];
  const remaining = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // At most one pass per table: each pass places at least one, or the rest form a cycle.
  for (let pass = 0; pass < tables.length && remaining.length > 0; pass++) {
    const ready = remaining.filter((table) =>
      table.references.every((target) => target === table.name || placed.has(target) || !byName.has(target)),
    );
    if (ready.length === 0) break;
    for (const table of ready) {
      placed.add(table.name);
      ordered.push(table);
      remaining.splice(remaining.indexOf(table), 1);
    }
  }
  // A cycle of foreign keys (none in Cairn's schema today) keeps its tables at the end, by name.
  return [...ordered, ...remaining];
}
