/**
 * Objectives and themes: the same use cases over two tables, differing only in the field that names them
 * (an objective's `title`, a theme's `name`) and in their other fields. The naming field is unique among
 * a product's live objects, compared trimmed and case-insensitively (domain/name-key.ts); the check runs
 * under the product's write lock, so two writers cannot both take a name. Duplicates stored before the
 * rule stay (migration 004 reports them) and are refused only when a write would add another.
 */
import type { Insertable } from 'kysely';
import { creationChanges, diffFields } from '../../domain/changes.ts';
import { nameKey } from '../../domain/name-key.ts';
import type { Db } from '../../store/database.ts';
import type { ObjectivesTable } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { loadScoped, type ScopedRows, setTrashed, updateScopedRow, writeScoped } from './scoped-entity.ts';

type NamedTable = 'objectives' | 'themes';

export interface NamedKind<K extends NamedTable, Field extends 'title' | 'name', Out> {
  table: K;
  entityType: 'objective' | 'theme';
  /** The field that names an object: unique in its product. */
  field: Field;
  present(row: ScopedRows[K]): Out;
}

/** The services of one kind; `Create` and `Update` are its validated inputs. */
export function namedEntityServices<
  K extends NamedTable,
  Field extends 'title' | 'name',
  Out,
  Create extends Record<Field, string>,
  Update extends Partial<Record<Field, string>>,
>(kind: NamedKind<K, Field, Out>) {
  const { table, field, entityType } = kind;
  const describe = (row: ScopedRows[K]) => `${entityType} "${(row as Record<Field, string>)[field]}"`;

  /** Refuses a name another live object of the product already has. */
  async function assertNameFree(db: Db, productId: string, name: string, self?: string): Promise<void> {
    let query = db
      .selectFrom(table as 'objectives')
      .select('id')
      .where('product_id', '=', productId)
      .where('name_key', '=', nameKey(name))
      .where('deleted_at', 'is', null);
    if (self) query = query.where('id', '!=', self);
    const taken = await query.executeTakeFirst();
    if (!taken) return;
    const message = `is already used by another ${entityType} of this product`;
    throw new AppError('duplicate_name', `${entityType} ${field} "${name}" ${message}`, {
      issues: [{ path: field, message }],
      existingId: taken.id,
    });
  }

  async function create(ctx: ServiceContext & { productId: string; input: Create }): Promise<Out> {
    const at = timestamp(ctx);
    return withTransaction(ctx.db, async (trx) => {
      await lockProductForWrite(trx, ctx.actor, ctx.productId);
      await assertNameFree(trx, ctx.productId, ctx.input[field]);
      const row = {
        id: newId(),
        product_id: ctx.productId,
        ...ctx.input,
        name_key: nameKey(ctx.input[field]),
        version: 1,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      // The input's columns are `table`'s own; `objectives` only stands in for the table type.
      await trx
        .insertInto(table as 'objectives')
        .values(row as unknown as Insertable<ObjectivesTable>)
        .execute();
      await recordEvent(trx, {
        productId: ctx.productId,
        actorId: ctx.actor.id,
        at,
        entityType,
        entityId: row.id,
        action: 'created',
        changes: creationChanges(ctx.input),
      });
      return kind.present(row as unknown as ScopedRows[K]);
    });
  }

  async function list(ctx: ServiceContext & { productId: string }): Promise<Out[]> {
    await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
    const rows = await ctx.db
      .selectFrom(table as 'objectives')
      .selectAll()
      .where('product_id', '=', ctx.productId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => kind.present(row as unknown as ScopedRows[K]));
  }

  async function get(ctx: ServiceContext & { id: string }): Promise<Out> {
    return kind.present(await loadScoped(ctx.db, ctx.actor, table, ctx.id));
  }

  async function update(
    ctx: ServiceContext & { id: string; input: Update; expectedVersion?: number | undefined },
  ): Promise<Out> {
    return writeScoped(
      { ...ctx, table, present: (_db, row) => kind.present(row), describe },
      async (trx, current) => {
        const before = kind.present(current) as Record<string, unknown>;
        const changes = diffFields(before, ctx.input);
        if (Object.keys(changes).length === 0) return null;
        const name = ctx.input[field];
        if (name !== undefined) await assertNameFree(trx, current.product_id, name, current.id);
        const columns = { ...ctx.input, ...(name !== undefined && { name_key: nameKey(name) }) };
        return {
          action: 'updated',
          changes,
          write: (stamp) => updateScopedRow(trx, table, current, { ...columns, ...stamp }),
        };
      },
    );
  }

  async function setTrashedOf(ctx: ServiceContext & { id: string; trashed: boolean }): Promise<Out> {
    return setTrashed({
      ...ctx,
      table,
      present: (_db, row) => kind.present(row),
      describe,
      beforeRestore: (trx, current) =>
        assertNameFree(trx, current.product_id, (current as Record<Field, string>)[field], current.id),
    });
  }

  return { create, list, get, update, setTrashed: setTrashedOf };
}
