/**
 * Saved backlog views: a named set of filters and a sort, shared by the product's members. Names are unique
 * among a product's live views (trimmed, case-insensitive), checked under the product's write lock. Every
 * change is an event; a view goes to the trash and can come back.
 */
import { creationChanges, diffFields } from '../../domain/changes.ts';
import { nameKey } from '../../domain/name-key.ts';
import type { BacklogFilterSet, CreateViewInput, UpdateViewInput } from '../../schemas/view.ts';
import type { Db } from '../../store/database.ts';
import type { SavedViewRow } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { trashChange } from '../write/trash-change.ts';
import { updateVersioned } from '../write/update-versioned.ts';

/** Views a product may hold: a list a person can still scan. */
const MAX_VIEWS = 200;

export function presentView(row: SavedViewRow) {
  return {
    id: row.id,
    productId: row.product_id,
    name: row.name,
    filters: JSON.parse(row.filters) as BacklogFilterSet,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
export type SavedView = ReturnType<typeof presentView>;

async function assertNameFree(db: Db, productId: string, name: string, self?: string): Promise<void> {
  let query = db
    .selectFrom('saved_views')
    .select('id')
    .where('product_id', '=', productId)
    .where('name_key', '=', nameKey(name))
    .where('deleted_at', 'is', null);
  if (self) query = query.where('id', '!=', self);
  if (!(await query.executeTakeFirst())) return;
  const message = 'is already the name of another view of this product';
  throw new AppError('duplicate_name', `view "${name}" ${message}`, { issues: [{ path: 'name', message }] });
}

async function loadView(db: Db, ctx: ServiceContext, id: string, live = true): Promise<SavedViewRow> {
  const row = await db.selectFrom('saved_views').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (live && row.deleted_at !== null)) throw notFound('view');
  await loadVisibleProduct(db, ctx.actor, row.product_id).catch(() => {
    throw notFound('view');
  });
  return row;
}

export async function createView(ctx: ServiceContext & { productId: string; input: CreateViewInput }) {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const product = await loadVisibleProduct(trx, ctx.actor, ctx.productId);
    await lockProductForWrite(trx, ctx.actor, product.id);
    await assertNameFree(trx, product.id, ctx.input.name);
    const count = await trx
      .selectFrom('saved_views')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('product_id', '=', product.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_VIEWS) {
      throw new AppError('invalid_state', `a product holds at most ${MAX_VIEWS} views; delete one first`);
    }
    const row: SavedViewRow = {
      id: newId(),
      product_id: product.id,
      name: ctx.input.name,
      name_key: nameKey(ctx.input.name),
      filters: JSON.stringify(ctx.input.filters),
      created_by: ctx.actor.id,
      version: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await trx.insertInto('saved_views').values(row).execute();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'view',
      entityId: row.id,
      action: 'created',
      changes: creationChanges(ctx.input),
    });
    return presentView(row);
  });
}

export async function listViews(ctx: ServiceContext & { productId: string }): Promise<SavedView[]> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('saved_views')
    .selectAll()
    .where('product_id', '=', product.id)
    .where('deleted_at', 'is', null)
    .orderBy('name_key')
    .orderBy('id')
    .execute();
  return rows.map(presentView);
}

export async function getView(ctx: ServiceContext & { id: string }): Promise<SavedView> {
  return presentView(await loadView(ctx.db, ctx, ctx.id));
}

export async function updateView(
  ctx: ServiceContext & { id: string; input: UpdateViewInput; expectedVersion?: number | undefined },
): Promise<SavedView> {
  return updateVersioned<SavedViewRow, SavedView>({
    ...ctx,
    entityType: 'view',
    load: (db) => loadView(db, ctx, ctx.id),
    present: (_db, row) => presentView(row),
    describe: (row) => `view "${row.name}"`,
    change: async (trx, current) => {
      const changes = diffFields(presentView(current), ctx.input);
      if (Object.keys(changes).length === 0) return null;
      if (ctx.input.name !== undefined)
        await assertNameFree(trx, current.product_id, ctx.input.name, current.id);
      return {
        action: 'updated',
        changes,
        write: (stamp) =>
          trx
            .updateTable('saved_views')
            .set({
              ...(ctx.input.name !== undefined && {
                name: ctx.input.name,
                name_key: nameKey(ctx.input.name),
              }),
              ...(ctx.input.filters !== undefined && { filters: JSON.stringify(ctx.input.filters) }),
              ...stamp,
            })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst(),
      };
    },
  });
}

/** Moves a view to the trash, or brings it back (its name must still be free). */
export async function setViewTrashed(
  ctx: ServiceContext & { id: string; trashed: boolean },
): Promise<SavedView> {
  return updateVersioned<SavedViewRow, SavedView>({
    ...ctx,
    entityType: 'view',
    load: (db) => loadView(db, ctx, ctx.id, false),
    present: (_db, row) => presentView(row),
    describe: (row) => `view "${row.name}"`,
    change: async (trx, current, at) => {
      return trashChange(trx, 'saved_views', current, {
        trashed: ctx.trashed,
        at,
        beforeRestore: () => assertNameFree(trx, current.product_id, current.name, current.id),
      });
    },
  });
}
