/**
 * Theme names and objective titles are unique per product, compared trimmed and case-insensitively: each
 * row gains `name_key` (its name or title in that form, indexed per product) for the services to check
 * against. Duplicates already stored stay — a unique index would fail on them — and are reported, so an
 * operator can rename them.
 */
import { type Kysely, sql } from 'kysely';

type AnyDb = Kysely<unknown>;

/** The comparison form as it was when this migration was written (domain/name-key.ts today). */
const nameKey = (name: string) => name.trim().toLowerCase();

/** Rows read per query while filling the keys. */
const PAGE = 1000;

const TABLES = [
  { table: 'themes', field: 'name', noun: 'themes named' },
  { table: 'objectives', field: 'title', noun: 'objectives titled' },
] as const;

interface NamedRow {
  id: string;
  product_key: string;
  name: string;
  key: string;
  live: boolean;
}

async function fillKeys(db: AnyDb, table: string, field: string): Promise<NamedRow[]> {
  const rows: NamedRow[] = [];
  let after = '';
  for (;;) {
    const { rows: page } = await sql<{
      id: string;
      product_key: string;
      name: string;
      deleted_at: string | null;
    }>`
      select t.id, p.key as product_key, t.${sql.ref(field)} as name, t.deleted_at
      from ${sql.table(table)} t join products p on p.id = t.product_id
      where t.id > ${after} order by t.id limit ${PAGE}`.execute(db);
    for (const row of page) {
      const key = nameKey(row.name);
      await sql`update ${sql.table(table)} set name_key = ${key} where id = ${row.id}`.execute(db);
      rows.push({
        id: row.id,
        product_key: row.product_key,
        name: row.name,
        key,
        live: row.deleted_at === null,
      });
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) return rows;
    after = last.id;
  }
}

/** One line per product and name that more than one live row shares. */
function duplicates(rows: NamedRow[], noun: string): string[] {
  const groups = new Map<string, NamedRow[]>();
  for (const row of rows.filter((r) => r.live)) {
    const group = `${row.product_key}\u0000${row.key}`;
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const names = group.map((r) => JSON.stringify(r.name)).join(', ');
      return `Warning: product ${group[0]?.product_key} has ${group.length} ${noun} alike: ${names} (kept; rename all but one)`;
    })
    .sort();
}

export async function up(db: AnyDb, warn: (line: string) => void = () => {}): Promise<void> {
  for (const { table, field, noun } of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('name_key', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    const rows = await fillKeys(db, table, field);
    // Not unique: stored duplicates stay. The services check under the product's write lock.
    await db.schema
      .createIndex(`${table}_product_name_key`)
      .on(table)
      .columns(['product_id', 'name_key'])
      .execute();
    for (const line of duplicates(rows, noun)) warn(line);
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const { table } of TABLES) {
    await db.schema.dropIndex(`${table}_product_name_key`).execute();
    await db.schema.alterTable(table).dropColumn('name_key').execute();
  }
}
