/**
 * The write path of a release's own fields, through the one write path (services/write/update-versioned.ts):
 * `change` works out the columns and the event from the live release, under the product's lock.
 */
import type { Updateable } from 'kysely';
import type { Changes } from '../../domain/changes.ts';
import type { Release } from '../../schemas/release.ts';
import type { Db } from '../../store/database.ts';
import type { ReleaseRow, ReleasesTable } from '../../store/tables.ts';
import type { ServiceContext } from '../context.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadLiveRelease, presentWithCounts } from './load-release.ts';

export interface ReleaseChange {
  /** The columns to change (the version and updated_at are added). */
  columns: Updateable<ReleasesTable>;
  action: string;
  changes: Changes;
}

export interface WriteReleaseContext extends ServiceContext {
  id: string;
  /** The version the caller edited (HTTP If-Match); a different current version is refused. */
  expectedVersion?: number | undefined;
}

/** Runs `change` on the live release; it returns null when nothing would change (nothing is written). */
export async function writeRelease(
  ctx: WriteReleaseContext,
  change: (trx: Db, current: ReleaseRow, at: string) => Promise<ReleaseChange | null>,
): Promise<Release> {
  return updateVersioned({
    ...ctx,
    entityType: 'release',
    load: (db) => loadLiveRelease(db, ctx.actor, ctx.id),
    present: presentWithCounts,
    describe: (row) => `release ${row.name}`,
    change: async (trx, current, at) => {
      const result = await change(trx, current, at);
      if (result === null) return null;
      return {
        action: result.action,
        changes: result.changes,
        write: (stamp) =>
          trx
            .updateTable('releases')
            .set({ ...result.columns, ...stamp })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst(),
      };
    },
  });
}
