/**
 * Shared mechanics for the product-scoped planning objects that carry the common columns
 * (id, product_id, version, created_at, updated_at, deleted_at): objectives, themes and initiatives.
 * Kysely cannot type a query over a union of tables, so these functions name one table type
 * (`objectives`) for the common columns only; every column they touch exists in all three tables.
 */
import type { Db } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { timestamp } from '../context.ts';
import { notFound } from '../errors.ts';
import { type EventInput, recordEvent } from '../events/record-event.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';

export type ScopedTable = 'objectives' | 'themes' | 'initiatives';
type EntityType = 'objective' | 'theme' | 'initiative';

export const entityTypeOf: Record<ScopedTable, EntityType> = {
  objectives: 'objective',
  themes: 'theme',
  initiatives: 'initiative',
};

export interface CommonColumns {
  id: string;
  product_id: string;
  version: number;
  deleted_at: string | null;
}

/** Loads one object by id, scoped to the products `actor` can see (`not_found` otherwise). */
export async function loadScoped(
  db: Db,
  actor: Actor,
  table: ScopedTable,
  id: string,
): Promise<CommonColumns> {
  const row = await db
    .selectFrom(table as 'objectives')
    .select(['id', 'product_id', 'version', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  const what = entityTypeOf[table];
  if (!row) throw notFound(what);
  try {
    await loadVisibleProduct(db, actor, row.product_id);
  } catch {
    throw notFound(what);
  }
  return row;
}

/**
 * Opens a write transaction on one object: scopes it, takes the product's write lock, runs `change`, and
 * records the event `change` returns (none when it returns null: nothing changed).
 */
export async function writeScoped<T>(
  ctx: ServiceContext & { table: ScopedTable; id: string },
  change: (
    trx: Db,
    current: CommonColumns,
    at: string,
  ) => Promise<{ result: T; event: Pick<EventInput, 'action' | 'changes'> | null }>,
): Promise<T> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const found = await loadScoped(trx, ctx.actor, ctx.table, ctx.id);
    await lockProductForWrite(trx, ctx.actor, found.product_id);
    // Read again under the product lock: on PostgreSQL another server may have written meanwhile, and the
    // version and before-values must come from the row this write replaces.
    const current = await loadScoped(trx, ctx.actor, ctx.table, ctx.id);
    const { result, event } = await change(trx, current, at);
    if (event) {
      await recordEvent(trx, {
        productId: current.product_id,
        actorId: ctx.actor.id,
        at,
        entityType: entityTypeOf[ctx.table],
        entityId: ctx.id,
        ...event,
      });
    }
    return result;
  });
}

/** Moves an object to the trash (`trashed: true`) or restores it; returns whether anything changed. */
export async function setTrashed(
  ctx: ServiceContext & { table: ScopedTable; id: string; trashed: boolean },
): Promise<void> {
  await writeScoped(ctx, async (trx, current, at) => {
    if ((current.deleted_at !== null) === ctx.trashed) return { result: undefined, event: null };
    const deletedAt = ctx.trashed ? at : null;
    await trx
      .updateTable(ctx.table as 'objectives')
      .set({ deleted_at: deletedAt, version: current.version + 1, updated_at: at })
      .where('id', '=', ctx.id)
      .execute();
    return {
      result: undefined,
      event: {
        action: ctx.trashed ? 'deleted' : 'restored',
        changes: { deletedAt: [current.deleted_at, deletedAt] },
      },
    };
  });
}
