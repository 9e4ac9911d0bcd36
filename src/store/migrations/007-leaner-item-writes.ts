/**
 * Fewer pages written per new item (on SQLite a create wrote 26 pages to the WAL, and a bulk load built
 * every one of these structures for each of its rows):
 * - items_sprint and items_release index only the items that are in a sprint or a release. Every query
 *   that uses them asks for one sprint or release (`sprint_id = ?`, the foreign keys' checks too), which
 *   implies the column is not null, so both databases still use them; an item created in neither (most of
 *   them, and every bulk-loaded one) no longer writes two index pages.
 * - SQLite: the full-text index drops its per-row column sizes (FTS5 `columnsize=0`). Only bm25() and the
 *   auxiliary size functions read them, and search uses neither (a MATCH of prefix terms, see
 *   list-items.ts), so a create no longer writes an items_fts_docsize row. The index is rebuilt from the
 *   items table; the triggers that keep it name the table only, so they stay as they are.
 * - SQLite: item_labels is a WITHOUT ROWID table keyed by (item_id, label): the same rows and lookups
 *   without the separate rowid table that each label row also wrote.
 */
import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

type AnyDb = Kysely<unknown>;

const FTS_COLUMNS = sql`key, title, description, content='items', content_rowid='seq'`;

async function indexSprintsAndReleases(db: AnyDb, partial: boolean): Promise<void> {
  for (const [name, column] of [
    ['items_sprint', 'sprint_id'],
    ['items_release', 'release_id'],
  ] as const) {
    await sql`drop index ${sql.ref(name)}`.execute(db);
    await sql`create index ${sql.ref(name)} on items (${sql.ref(column)})${
      partial ? sql` where ${sql.ref(column)} is not null` : sql``
    }`.execute(db);
  }
}

async function rebuildSearchIndex(db: AnyDb, options: RawBuilder<unknown>): Promise<void> {
  await sql`drop table items_fts`.execute(db);
  await sql`create virtual table items_fts using fts5(${options})`.execute(db);
  await sql`insert into items_fts(items_fts) values ('rebuild')`.execute(db);
}

/** Copies item_labels into a new table of the same columns and keys, and puts it in the old one's place. */
async function recreateItemLabels(db: AnyDb, withoutRowid: boolean): Promise<void> {
  await sql`create table item_labels_new (
    item_id text not null references items(id) on delete cascade,
    label text not null,
    constraint item_labels_pk primary key (item_id, label)
  )${withoutRowid ? sql` without rowid` : sql``}`.execute(db);
  await sql`insert into item_labels_new (item_id, label) select item_id, label from item_labels`.execute(db);
  await sql`drop table item_labels`.execute(db);
  await sql`alter table item_labels_new rename to item_labels`.execute(db);
  await sql`create index item_labels_label on item_labels (label, item_id)`.execute(db);
}

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/** One transaction (PostgreSQL's migrator opens it; SQLite's runs migrations without one). */
function atomically(db: AnyDb, work: (trx: AnyDb) => Promise<void>): Promise<void> {
  return isPostgres(db) ? work(db) : db.transaction().execute(work);
}

export function up(db: AnyDb): Promise<void> {
  return atomically(db, async (trx) => {
    await indexSprintsAndReleases(trx, true);
    if (isPostgres(trx)) return;
    await rebuildSearchIndex(trx, sql`${FTS_COLUMNS}, columnsize=0`);
    await recreateItemLabels(trx, true);
  });
}

export function down(db: AnyDb): Promise<void> {
  return atomically(db, async (trx) => {
    await indexSprintsAndReleases(trx, false);
    if (isPostgres(trx)) return;
    await rebuildSearchIndex(trx, FTS_COLUMNS);
    await recreateItemLabels(trx, false);
  });
}
