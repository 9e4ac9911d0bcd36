/**
 * The one write path of a versioned object (item, team, sprint, release, initiative, objective, theme,
 * product): scope it, take its product's write lock, read it again under the lock, check the version the
 * caller edited (HTTP If-Match), write the change with the next version, and record the event — all in
 * one transaction. Every service that changes an existing object goes through here, so If-Match and
 * history cannot be forgotten on a new kind of object.
 */
import type { Changes } from '../../domain/changes.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { type EventInput, recordEvent } from '../events/record-event.ts';
import { authorize } from '../policy.ts';
import { lockProductForWrite } from '../products/product-access.ts';

/** The columns every versioned object has. */
export interface VersionedRow {
  id: string;
  product_id: string;
  version: number;
}

/** What a write sets besides its own columns: the next version and the time. */
export interface VersionStamp {
  version: number;
  updated_at: string;
}

/** A change worked out from the current row: its event, and how to write it. */
export interface VersionedChange<R> {
  action: string;
  changes: Changes;
  /** The instant of the change when the change decides it (a sprint's close); the write's time otherwise. */
  at?: string;
  /**
   * Writes the change with `stamp`, only where the row still has `current.version` (so two writers racing
   * on one version cannot both win); returns the new row, or undefined when the version had moved on
   * (and then nothing may have been written). A write may check more than the version (a move, that
   * the ranks it goes between are where they were read with the lock); when it misses from a row that
   * may be stale, the change is worked out again from the row read under the lock.
   */
  write(stamp: VersionStamp, event: EventInput): Promise<R | undefined>;
  /** True when `write` records `event` itself (in the statement that writes the row: one round trip). */
  recordsEvent?: boolean;
  /** Work that follows the event (a rank rebalance that records events of its own); returns the final row. */
  after?(row: R): Promise<R>;
}

export interface UpdateVersionedContext<R extends VersionedRow, T> extends ServiceContext {
  entityType: EventInput['entityType'];
  /** The version the caller edited (HTTP If-Match); absent means any. */
  expectedVersion?: number | undefined;
  /** Finds the row scoped to the actor (not_found / in_trash otherwise); called before the lock and under it. */
  load(db: Db): Promise<R>;
  /** The object as callers see it (also the `current` of a version conflict). */
  present(db: Db, row: R): Promise<T> | T;
  /** Names the object in a conflict message: `CAI-42`, `team "Core"`. */
  describe(row: R): string;
  /** Works out the change from the current row; null when nothing would change (nothing is written). */
  change(trx: Db, current: R, at: string): Promise<VersionedChange<R> | null>;
  /** Takes the product's write lock; defaults to lockProductForWrite (products check their own policy). */
  lock?(trx: Db, productId: string): Promise<unknown>;
  /**
   * Takes the product's write lock straight from the object's reference and reads the row, scoped as
   * `load` scopes it, in one statement (two round trips fewer than find, lock, read again). On PostgreSQL
   * a row read by a statement that waited for the lock may predate the writer it waited for: a write
   * whose version check then fails, an If-Match that does not match and a change that would change
   * nothing are each worked out once more from the row read again under the lock.
   */
  lockByReference?(trx: Db): Promise<R>;
}

async function conflict<R extends VersionedRow, T>(
  ctx: UpdateVersionedContext<R, T>,
  db: Db,
  current: R,
): Promise<AppError> {
  return new AppError(
    'version_conflict',
    `${ctx.describe(current)} was changed by someone else (now version ${current.version})`,
    { currentVersion: current.version, current: await ctx.present(db, current) },
  );
}

export async function updateVersioned<R extends VersionedRow, T>(
  ctx: UpdateVersionedContext<R, T>,
): Promise<T> {
  const at = timestamp(ctx);
  const lock = ctx.lock ?? ((trx: Db, productId: string) => lockProductForWrite(trx, ctx.actor, productId));
  return withTransaction(ctx.db, async (trx) => {
    let current: R;
    // Whether `current` may predate a writer the lock waited for (read in the statement that took it).
    let mayBeStale = false;
    if (ctx.lockByReference) {
      current = await ctx.lockByReference(trx);
      // Checked after the scoped read, as lockProductForWrite does: an invisible object is not_found.
      authorize(ctx.actor, 'write');
      mayBeStale = dialectOf(trx) === 'postgres';
    } else {
      await lock(trx, (await ctx.load(trx)).product_id);
      // Read again under the product lock: on PostgreSQL another server may have written meanwhile, and
      // the version and before-values must come from the row this write replaces.
      current = await ctx.load(trx);
    }
    // At most two rounds: the second works from the row read under the lock, which no writer can change
    // (each `continue` below clears mayBeStale, so the second round never continues).
    for (let round = 0; round < 2; round++) {
      const stale = ctx.expectedVersion !== undefined && ctx.expectedVersion !== current.version;
      const change = stale ? null : await ctx.change(trx, current, at);
      if (change === null || stale) {
        if (mayBeStale) {
          current = await ctx.load(trx);
          mayBeStale = false;
          continue;
        }
        if (stale) throw await conflict(ctx, trx, current);
        return ctx.present(trx, current);
      }
      const changedAt = change.at ?? at;
      const event: EventInput = {
        productId: current.product_id,
        actorId: ctx.actor.id,
        at: changedAt,
        entityType: ctx.entityType,
        entityId: current.id,
        action: change.action,
        changes: change.changes,
      };
      const written = await change.write({ version: current.version + 1, updated_at: changedAt }, event);
      if (!written) {
        const now = await ctx.load(trx);
        // From a row that may be stale, the write may also have missed for what the change read with it
        // (a move's placement): worked out once more, from the row read under the lock.
        if (!mayBeStale) throw await conflict(ctx, trx, now);
        current = now;
        mayBeStale = false;
        continue;
      }
      if (!change.recordsEvent) await recordEvent(trx, event);
      return ctx.present(trx, change.after ? await change.after(written) : written);
    }
    throw new Error('updateVersioned: a second round asked for a third');
  });
}
