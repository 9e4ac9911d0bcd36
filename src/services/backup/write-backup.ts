/**
 * `cairn backup`: every table of the workspace into one gzip'd JSON-lines file (backup-format.ts), read
 * in one read transaction. On SQLite (WAL) that transaction is a snapshot: the server keeps writing
 * meanwhile, and the backup holds the database as it was when its first read ran. On PostgreSQL a
 * REPEATABLE READ transaction gives the same. The file is written beside the target under a temporary
 * name and renamed into place when complete, created readable by its owner only (it holds password hashes).
 */
import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type Db, dialectOf } from '../../store/database.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupEnd,
  type BackupHeader,
  backupValue,
} from './backup-format.ts';
import { readCatalog, schemaVersionOf } from './catalog.ts';
import { readInKeyOrder } from './key-order.ts';

export interface BackupSummary {
  file: string;
  schemaVersion: string;
  tables: number;
  rows: number;
  /** Rows per table, in the order written. */
  counts: Record<string, number>;
}

/** Owner read/write only: the file holds every user's password hash. */
const FILE_MODE = 0o600;

/** Writes the backup of `db` to `file` (replacing it only once the new one is complete). */
export async function backupWorkspace(options: {
  db: Db;
  file: string;
  now?: string;
}): Promise<BackupSummary> {
  const { db, file } = options;
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.partial`);
  // 'wx': a new file, created with the mode given (an existing file would keep its own mode).
  const handle = await open(temporary, 'wx', FILE_MODE);
  try {
    const summary = await writeTo(handle, db, options.now ?? new Date().toISOString());
    await handle.sync();
    await handle.close();
    await rename(temporary, file);
    return { ...summary, file };
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}

async function writeTo(handle: FileHandle, db: Db, createdAt: string): Promise<Omit<BackupSummary, 'file'>> {
  const gzip = createGzip({ level: 4 });
  // Written through the handle itself, which stays open: the caller syncs it before renaming the file.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      handle.write(chunk).then(() => done(), done);
    },
  });
  const finished = pipeline(gzip, sink);
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      gzip.write(text, (error) => (error ? reject(error) : resolve()));
    });
  const snapshot =
    dialectOf(db) === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  // Settled below; until then a failing write must not surface as an unhandled rejection.
  finished.catch(() => {});
  let summary: Omit<BackupSummary, 'file'>;
  try {
    summary = await readSnapshot(snapshot, createdAt, write);
  } catch (error) {
    gzip.destroy();
    throw error;
  }
  gzip.end();
  await finished;
  return summary;
}

/** Writes the header and every table's rows, all read inside the one transaction. */
function readSnapshot(
  snapshot: ReturnType<Db['transaction']>,
  createdAt: string,
  write: (text: string) => Promise<void>,
): Promise<Omit<BackupSummary, 'file'>> {
  return snapshot.execute(async (trx) => {
    const schemaVersion = await schemaVersionOf(trx);
    if (schemaVersion === null) throw new Error('the database has never been migrated: nothing to back up');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion,
      createdAt,
      dialect: dialectOf(trx),
    };
    await write(`${JSON.stringify(header)}\n`);
    const counts: Record<string, number> = {};
    let total = 0;
    const tables = await readCatalog(trx);
    for (const table of tables) {
      const columns = table.columns.map((column) => column.name);
      await write(`${JSON.stringify({ table: table.name, columns })}\n`);
      let rows = 0;
      for await (const batch of readInKeyOrder(trx, { table, columns })) {
        let text = '';
        for (const row of batch) {
          for (let i = 0; i < row.length; i++) row[i] = backupValue(row[i], `${table.name}.${columns[i]}`);
          text += `${JSON.stringify(row)}\n`;
        }
        rows += batch.length;
        await write(text);
      }
      await write(`${JSON.stringify({ end: table.name, rows })}\n`);
      counts[table.name] = rows;
      total += rows;
    }
    const end: BackupEnd = { end: BACKUP_FORMAT, tables: tables.length, rows: total };
    await write(`${JSON.stringify(end)}\n`);
    return { schemaVersion, tables: tables.length, rows: total, counts };
  });
}
