/** Runs `work` in a transaction, or inside the caller's when `db` already is one (so use cases compose:
 *  an importer or the demo loader can wrap many of them in one atomic write). */
import type { Db } from './database.ts';

export function withTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
