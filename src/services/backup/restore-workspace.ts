/**
 * `cairn restore`: a backup into an empty database (or, with `force`, one whose contents it replaces), of
 * either kind whichever kind wrote it. The schema is rebuilt by migrating to the backup's own schema
 * version, the rows go in inside ONE transaction (a failure leaves the tables empty), PostgreSQL's
 * sequences are moved past the restored ids, and then the remaining migrations run: that is how a backup
 * taken before an upgrade restores after it. Run it while no server uses the target database.
 */
import { sql } from 'kysely';
import { type Db, dialectOf } from '../../store/database.ts';
import { insertStatements, runStatements } from '../../store/insert-rows.ts';
import { migrateTo, migrateToLatest } from '../../store/migrate.ts';
import type { Tables } from '../../store/tables.ts';
import { AppError } from '../errors.ts';
import type { BackupHeader, BackupValue } from './backup-format.ts';
import { type CatalogTable, readCatalog } from './catalog.ts';
import { openBackup } from './read-backup.ts';
import { clearDatabase, firstNonEmptyTable } from './target-database.ts';

export interface RestoreSummary {
  header: BackupHeader;
  tables: number;
  rows: number;
  /** Migrations applied after the rows went in (a backup from an older Cairn). */
  migrated: string[];
}

export interface RestoreOptions {
  db: Db;
  file: string;
  /** Replace whatever the database holds; without it a database with rows is refused. */
  force?: boolean;
  /** Names the database in messages (e.g. `sqlite /data/cairn.db`). */
  describe?: string;
}

/** Rows per insert batch: the statements themselves split by the database's parameter limit. */
const ROWS_PER_BATCH = 5_000;

export async function restoreWorkspace(options: RestoreOptions): Promise<RestoreSummary> {
  const { db } = options;
  const backup = await openBackup(options.file);
  try {
    if (!options.force) {
      const occupied = await firstNonEmptyTable(db);
      if (occupied !== null) {
        throw new AppError(
          'invalid_state',
          `database ${options.describe ?? dialectOf(db)} is not empty (table ${occupied} has rows): ` +
            'restore into an empty database, or pass --force to replace what it holds',
          { table: occupied },
        );
      }
    }
    await clearDatabase(db);
    try {
      await migrateTo(db, backup.header.schemaVersion);
    } catch (error) {
      throw new AppError(
        'invalid_import',
        `the backup's schema version ${backup.header.schemaVersion} is not one this Cairn knows ` +
          `(${(error as Error).message})`,
      );
    }
    const catalog = new Map((await readCatalog(db)).map((table) => [table.name, table]));
    const counts = await db.transaction().execute(async (trx) => {
      // Each table comes after those it references, but the check is left to the commit anyway.
      if (dialectOf(trx) === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
      const written = await insertAll(trx, catalog, backup.records);
      if (dialectOf(trx) === 'postgres') await moveSequences(trx, [...catalog.values()]);
      return written;
    });
    const { applied } = await migrateToLatest(db, () => {});
    return { header: backup.header, ...counts, migrated: applied };
  } finally {
    backup.close();
  }
}

async function insertAll(
  trx: Db,
  catalog: ReadonlyMap<string, CatalogTable>,
  records: Awaited<ReturnType<typeof openBackup>>['records'],
): Promise<{ tables: number; rows: number }> {
  let tables = 0;
  let rows = 0;
  let current: { table: string; columns: string[]; insert: (rows: object[]) => Promise<void> } | null = null;
  let batch: Record<string, BackupValue>[] = [];
  // One batch is written while the next is read and parsed (the statements still run in order on the
  // transaction's one connection): on PostgreSQL the server's work and the parsing overlap.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (!current || batch.length === 0) return;
    const rows = batch;
    const insert = current.insert;
    batch = [];
    await inFlight;
    inFlight = insert(rows);
    // Awaited at the next flush or at the end; until then a failure must not count as unhandled.
    inFlight.catch(() => {});
  };
  for await (const record of records) {
    if (record.kind === 'row' && current) {
      const row: Record<string, BackupValue> = {};
      for (let i = 0; i < current.columns.length; i++)
        row[current.columns[i] as string] = record.values[i] ?? null;
      batch.push(row);
      rows += 1;
      if (batch.length >= ROWS_PER_BATCH) await flush();
    } else if (record.kind === 'table') {
      const table = catalog.get(record.table);
      if (!table)
        throw new AppError('invalid_import', `the backup has a table ${record.table} the schema lacks`);
      const known = new Set(table.columns.map((column) => column.name));
      const unknown = record.columns.find((column) => !known.has(column));
      if (unknown)
        throw new AppError(
          'invalid_import',
          `the backup has a column ${record.table}.${unknown} the schema lacks`,
        );
      const name = record.table as keyof Tables & string;
      const build = await insertStatements(trx, name, record.columns as never[]);
      current = {
        table: record.table,
        columns: record.columns,
        insert: (batchRows) => runStatements(trx, build(batchRows as never[])),
      };
      tables += 1;
    } else if (record.kind === 'end-table') {
      await flush();
      current = null;
    }
  }
  await inFlight;
  return { tables, rows };
}

/** PostgreSQL: each bigserial's sequence continues after the largest id restored. */
async function moveSequences(trx: Db, tables: readonly CatalogTable[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.serial) {
      await sql`select setval(pg_get_serial_sequence(${table.name}, ${column}),
        coalesce(max(${sql.ref(column)}), 0) + 1, false) from ${sql.table(table.name)}`.execute(trx);
    }
  }
}
