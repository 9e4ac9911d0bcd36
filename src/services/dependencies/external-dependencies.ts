/** External business dependencies on an item: an approval, a partner, a contract — awaited, then met. */

import { creationChanges, diffFields } from '../../domain/changes.ts';
import { type ExternalDependency, presentExternalDependency } from '../../presenters/planning.ts';
import type {
  CreateExternalDependencyInput,
  UpdateExternalDependencyInput,
} from '../../schemas/dependency.ts';
import type { Db } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type Actor, type ServiceContext, timestamp } from '../context.ts';
import { notFound } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadItem, loadLiveItem } from '../items/load-item.ts';
import { lockProductForWrite } from '../products/product-access.ts';

async function loadExternal(db: Db, actor: Actor, id: string) {
  const row = await db
    .selectFrom('external_dependencies')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('external dependency');
  const item = await loadItem(db, actor, row.item_id).catch(() => {
    throw notFound('external dependency');
  });
  return { row, item };
}

export async function addExternalDependency(
  ctx: ServiceContext & { itemId: string; input: CreateExternalDependencyInput },
): Promise<ExternalDependency> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const item = await loadLiveItem(trx, ctx.actor, ctx.itemId);
    await lockProductForWrite(trx, ctx.actor, item.product_id);
    const row = {
      id: newId(),
      item_id: item.id,
      title: ctx.input.title,
      owner: ctx.input.owner,
      expected_date: ctx.input.expectedDate,
      met: ctx.input.met ? 1 : 0,
      note: ctx.input.note,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('external_dependencies').values(row).execute();
    await recordEvent(trx, {
      productId: item.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'external_dependency',
      entityId: row.id,
      action: 'created',
      changes: creationChanges({ itemId: item.id, ...ctx.input }),
    });
    return presentExternalDependency(row);
  });
}

export async function updateExternalDependency(
  ctx: ServiceContext & { id: string; input: UpdateExternalDependencyInput },
): Promise<ExternalDependency> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const { item } = await loadExternal(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, item.product_id);
    // Under the lock: the row as it is now, not as it was before another writer finished.
    const { row: current } = await loadExternal(trx, ctx.actor, ctx.id);
    const before = presentExternalDependency(current);
    const changes = diffFields(before, ctx.input);
    if (Object.keys(changes).length === 0) return before;
    const { input } = ctx;
    const row = await trx
      .updateTable('external_dependencies')
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.owner !== undefined && { owner: input.owner }),
        ...(input.expectedDate !== undefined && { expected_date: input.expectedDate }),
        ...(input.met !== undefined && { met: input.met ? 1 : 0 }),
        ...(input.note !== undefined && { note: input.note }),
        version: current.version + 1,
        updated_at: at,
      })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      productId: item.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'external_dependency',
      entityId: row.id,
      action: 'updated',
      changes,
    });
    return presentExternalDependency(row);
  });
}

export async function removeExternalDependency(ctx: ServiceContext & { id: string }): Promise<void> {
  const at = timestamp(ctx);
  await withTransaction(ctx.db, async (trx) => {
    const { item } = await loadExternal(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, item.product_id);
    // Under the lock: a concurrent delete that got there first leaves nothing to delete here.
    const { row } = await loadExternal(trx, ctx.actor, ctx.id);
    await trx.deleteFrom('external_dependencies').where('id', '=', row.id).execute();
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = presentExternalDependency(row);
    const changes = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, [v, null] as [unknown, unknown]]),
    );
    await recordEvent(trx, {
      productId: item.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'external_dependency',
      entityId: row.id,
      action: 'deleted',
      changes,
    });
  });
}
