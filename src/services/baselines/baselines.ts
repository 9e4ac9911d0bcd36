/**
 * Roadmap baselines: a named snapshot of a product's live initiatives ("Q3 plan") at the product's newest
 * event. Names are unique among a product's live baselines (trimmed, case-insensitive), checked under the
 * product's write lock. Every change is an event (`roadmap_baseline`: the cadences read "roadmap last
 * reviewed" from its `created`); a baseline goes to the trash and can come back.
 */
import { diffFields } from '../../domain/changes.ts';
import { nameKey } from '../../domain/name-key.ts';
import type { CreateBaselineInput, UpdateBaselineInput } from '../../schemas/baseline.ts';
import type { Db } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { lastEventId } from '../events/event-cursor.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { trashChange } from '../write/trash-change.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import {
  type BaselineRow,
  liveInitiatives,
  MAX_BASELINE_INITIATIVES,
  MAX_BASELINES,
  snapshotOf,
} from './baseline-rows.ts';

export function presentBaselineSummary(row: BaselineRow) {
  return {
    id: row.id,
    productId: row.product_id,
    name: row.name,
    asOf: Number(row.as_of),
    initiativeCount: row.initiative_count,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
export type BaselineSummary = ReturnType<typeof presentBaselineSummary>;

export function presentBaseline(row: BaselineRow) {
  return { ...presentBaselineSummary(row), initiatives: snapshotOf(row) };
}
export type Baseline = ReturnType<typeof presentBaseline>;

async function assertNameFree(db: Db, productId: string, name: string, self?: string): Promise<void> {
  let query = db
    .selectFrom('roadmap_baselines')
    .select('id')
    .where('product_id', '=', productId)
    .where('name_key', '=', nameKey(name))
    .where('deleted_at', 'is', null);
  if (self) query = query.where('id', '!=', self);
  if (!(await query.executeTakeFirst())) return;
  const message = 'is already the name of another baseline of this product';
  throw new AppError('duplicate_name', `baseline "${name}" ${message}`, {
    issues: [{ path: 'name', message }],
  });
}

/** A baseline the actor may see (`live`: not in the trash), else not_found. */
export async function loadBaseline(
  db: Db,
  ctx: ServiceContext,
  id: string,
  live = true,
): Promise<BaselineRow> {
  const row = await db.selectFrom('roadmap_baselines').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (live && row.deleted_at !== null)) throw notFound('baseline');
  await loadVisibleProduct(db, ctx.actor, row.product_id).catch(() => {
    throw notFound('baseline');
  });
  return row;
}

export async function createBaseline(
  ctx: ServiceContext & { productId: string; input: CreateBaselineInput },
): Promise<Baseline> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const product = await loadVisibleProduct(trx, ctx.actor, ctx.productId);
    await lockProductForWrite(trx, ctx.actor, product.id);
    await assertNameFree(trx, product.id, ctx.input.name);
    const count = await trx
      .selectFrom('roadmap_baselines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('product_id', '=', product.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_BASELINES) {
      throw new AppError(
        'invalid_state',
        `a product holds at most ${MAX_BASELINES} baselines; delete one first`,
      );
    }
    // Read under the write lock: no initiative changes between the snapshot and the event it is as of.
    const initiatives = await liveInitiatives(trx, product.id);
    if (initiatives.length > MAX_BASELINE_INITIATIVES) {
      throw new AppError(
        'invalid_state',
        `a baseline holds at most ${MAX_BASELINE_INITIATIVES} initiatives; this product has more`,
      );
    }
    const asOf = await lastEventId(trx, product.id);
    const row: BaselineRow = {
      id: newId(),
      product_id: product.id,
      name: ctx.input.name,
      name_key: nameKey(ctx.input.name),
      as_of: asOf,
      snapshot: JSON.stringify(initiatives),
      initiative_count: initiatives.length,
      created_by: ctx.actor.id,
      version: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await trx.insertInto('roadmap_baselines').values(row).execute();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'roadmap_baseline',
      entityId: row.id,
      action: 'created',
      changes: { name: [null, row.name], asOf: [null, asOf], initiativeCount: [null, initiatives.length] },
    });
    return presentBaseline(row);
  });
}

/** The product's live baselines, newest first (at most MAX_BASELINES). */
export async function listBaselines(ctx: ServiceContext & { productId: string }): Promise<BaselineSummary[]> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('roadmap_baselines')
    .select([
      'id',
      'product_id',
      'name',
      'name_key',
      'as_of',
      'initiative_count',
      'created_by',
      'version',
      'created_at',
      'updated_at',
      'deleted_at',
    ])
    .where('product_id', '=', product.id)
    .where('deleted_at', 'is', null)
    .orderBy('as_of', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_BASELINES)
    .execute();
  return rows.map((row) => presentBaselineSummary({ ...row, snapshot: '[]' }));
}

export async function getBaseline(ctx: ServiceContext & { id: string }): Promise<Baseline> {
  return presentBaseline(await loadBaseline(ctx.db, ctx, ctx.id));
}

export async function updateBaseline(
  ctx: ServiceContext & { id: string; input: UpdateBaselineInput; expectedVersion?: number | undefined },
): Promise<Baseline> {
  return updateVersioned<BaselineRow, Baseline>({
    ...ctx,
    entityType: 'roadmap_baseline',
    load: (db) => loadBaseline(db, ctx, ctx.id),
    present: (_db, row) => presentBaseline(row),
    describe: (row) => `baseline "${row.name}"`,
    change: async (trx, current) => {
      const changes = diffFields(presentBaselineSummary(current), ctx.input);
      if (Object.keys(changes).length === 0 || ctx.input.name === undefined) return null;
      await assertNameFree(trx, current.product_id, ctx.input.name, current.id);
      const name = ctx.input.name;
      return {
        action: 'updated',
        changes,
        write: (stamp) =>
          trx
            .updateTable('roadmap_baselines')
            .set({ name, name_key: nameKey(name), ...stamp })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst(),
      };
    },
  });
}

/** Moves a baseline to the trash, or brings it back (its name must still be free). */
export async function setBaselineTrashed(
  ctx: ServiceContext & { id: string; trashed: boolean },
): Promise<Baseline> {
  return updateVersioned<BaselineRow, Baseline>({
    ...ctx,
    entityType: 'roadmap_baseline',
    load: (db) => loadBaseline(db, ctx, ctx.id, false),
    present: (_db, row) => presentBaseline(row),
    describe: (row) => `baseline "${row.name}"`,
    change: async (trx, current, at) => {
      return trashChange(trx, 'roadmap_baselines', current, {
        trashed: ctx.trashed,
        at,
        beforeRestore: () => assertNameFree(trx, current.product_id, current.name, current.id),
      });
    },
  });
}
