/**
 * Shared mechanics for the product-scoped planning objects that carry the common columns
 * (id, product_id, version, created_at, updated_at, deleted_at): objectives, themes and initiatives.
 * Kysely cannot type a query over a union of tables, so these functions name one table type
 * (`objectives`) for the common columns only; every column they touch exists in all three tables.
 */
import type { Updateable } from 'kysely';
import type { Db } from '../../store/database.ts';
import type { InitiativeRow, ObjectiveRow, ObjectivesTable, ThemeRow } from '../../store/tables.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { updateVersioned, type VersionedChange } from '../write/update-versioned.ts';

export type ScopedTable = 'objectives' | 'themes' | 'initiatives';
type EntityType = 'objective' | 'theme' | 'initiative';

/** The row type of each table. */
export interface ScopedRows {
  objectives: ObjectiveRow;
  themes: ThemeRow;
  initiatives: InitiativeRow;
}

export const entityTypeOf: Record<ScopedTable, EntityType> = {
  objectives: 'objective',
  themes: 'theme',
  initiatives: 'initiative',
};

/** Loads one object by id, scoped to the products `actor` can see (`not_found` otherwise). */
export async function loadScoped<K extends ScopedTable>(
  db: Db,
  actor: Actor,
  table: K,
  id: string,
): Promise<ScopedRows[K]> {
  const row = await db
    .selectFrom(table as 'objectives')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  const what = entityTypeOf[table];
  if (!row) throw notFound(what);
  try {
    await loadVisibleProduct(db, actor, row.product_id);
  } catch {
    throw notFound(what);
  }
  // selectAll on `table` returns that table's row; the cast only undoes the `objectives` stand-in above.
  return row as unknown as ScopedRows[K];
}

export interface WriteScopedContext<K extends ScopedTable, T> extends ServiceContext {
  table: K;
  id: string;
  /** The version the caller edited (HTTP If-Match). */
  expectedVersion?: number | undefined;
  present(db: Db, row: ScopedRows[K]): Promise<T> | T;
  /** Names the object in a conflict message. */
  describe(row: ScopedRows[K]): string;
}

/** Changes one object through the one write path (services/write/update-versioned.ts). */
export function writeScoped<K extends ScopedTable, T>(
  ctx: WriteScopedContext<K, T>,
  change: (trx: Db, current: ScopedRows[K], at: string) => Promise<VersionedChange<ScopedRows[K]> | null>,
): Promise<T> {
  return updateVersioned({
    ...ctx,
    entityType: entityTypeOf[ctx.table],
    load: (db) => loadScoped(db, ctx.actor, ctx.table, ctx.id),
    change,
  });
}

/** Writes `columns` to the object where it still has `version`; the new row, or undefined if it moved on. */
export async function updateScopedRow<K extends ScopedTable>(
  trx: Db,
  table: K,
  current: { id: string; version: number },
  columns: object,
): Promise<ScopedRows[K] | undefined> {
  const row = await trx
    .updateTable(table as 'objectives')
    // The columns are `table`'s own; `objectives` only stands in for the table type (see above).
    .set(columns as Updateable<ObjectivesTable>)
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .returningAll()
    .executeTakeFirst();
  return row as unknown as ScopedRows[K] | undefined;
}

/**
 * Moves an object to the trash (`trashed: true`) or restores it. `beforeRestore` checks what a restore
 * must not break (a theme's name taken meanwhile).
 */
export function setTrashed<K extends ScopedTable, T>(
  ctx: WriteScopedContext<K, T> & {
    trashed: boolean;
    beforeRestore?: (trx: Db, current: ScopedRows[K]) => Promise<void>;
  },
): Promise<T> {
  return writeScoped(ctx, async (trx, current, at) => {
    if ((current.deleted_at !== null) === ctx.trashed) return null;
    if (!ctx.trashed) await ctx.beforeRestore?.(trx, current);
    const deletedAt = ctx.trashed ? at : null;
    return {
      action: ctx.trashed ? 'deleted' : 'restored',
      changes: { deletedAt: [current.deleted_at, deletedAt] },
      write: (stamp) => updateScopedRow(trx, ctx.table, current, { deleted_at: deletedAt, ...stamp }),
    };
  });
}
