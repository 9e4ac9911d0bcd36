/**
 * The one write path of a release's own fields: scope it, take the product's write lock, read it again
 * under the lock, check the version the caller edited (If-Match), apply the change and record its event.
 * The version check also sits in the UPDATE's WHERE, so two writers racing on one version cannot both win.
 */
import type { Updateable } from 'kysely';
import type { Changes } from '../../domain/changes.ts';
import type { Release } from '../../schemas/release.ts';
import type { Db } from '../../store/database.ts';
import type { ReleaseRow, ReleasesTable } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { loadLiveRelease, loadRelease, presentWithCounts } from './load-release.ts';

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

async function conflict(db: Db, current: ReleaseRow): Promise<AppError> {
  return new AppError(
    'version_conflict',
    `release ${current.name} was changed by someone else (now version ${current.version})`,
    { currentVersion: current.version, current: await presentWithCounts(db, current) },
  );
}

/** Runs `change` on the live release; it returns null when nothing would change (nothing is written). */
export async function writeRelease(
  ctx: WriteReleaseContext,
  change: (trx: Db, current: ReleaseRow, at: string) => Promise<ReleaseChange | null>,
): Promise<Release> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const found = await loadRelease(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, found.product_id);
    // Read again under the product lock: on PostgreSQL another server may have written meanwhile.
    const current = await loadLiveRelease(trx, ctx.actor, ctx.id);
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== current.version) {
      throw await conflict(trx, current);
    }
    const result = await change(trx, current, at);
    if (result === null) return presentWithCounts(trx, current);
    const row = await trx
      .updateTable('releases')
      .set({ ...result.columns, version: current.version + 1, updated_at: at })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw await conflict(trx, await loadRelease(trx, ctx.actor, current.id));
    await recordEvent(trx, {
      productId: row.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'release',
      entityId: row.id,
      action: result.action,
      changes: result.changes,
    });
    return presentWithCounts(trx, row);
  });
}
