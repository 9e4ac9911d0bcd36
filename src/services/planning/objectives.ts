/** Company objectives that a product's initiatives support. */

import { creationChanges, diffFields } from '../../domain/changes.ts';
import { type Objective, presentObjective } from '../../presenters/planning.ts';
import type { CreateObjectiveInput, UpdateObjectiveInput } from '../../schemas/product.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { loadScoped, setTrashed, writeScoped } from './scoped-entity.ts';

export async function createObjective(
  ctx: ServiceContext & { productId: string; input: CreateObjectiveInput },
): Promise<Objective> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    await lockProductForWrite(trx, ctx.actor, ctx.productId);
    const row = {
      id: newId(),
      product_id: ctx.productId,
      ...ctx.input,
      version: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await trx.insertInto('objectives').values(row).execute();
    await recordEvent(trx, {
      productId: ctx.productId,
      actorId: ctx.actor.id,
      at,
      entityType: 'objective',
      entityId: row.id,
      action: 'created',
      changes: creationChanges(ctx.input),
    });
    return presentObjective(row);
  });
}

export async function listObjectives(ctx: ServiceContext & { productId: string }): Promise<Objective[]> {
  await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('objectives')
    .selectAll()
    .where('product_id', '=', ctx.productId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentObjective);
}

export async function getObjective(ctx: ServiceContext & { id: string }): Promise<Objective> {
  await loadScoped(ctx.db, ctx.actor, 'objectives', ctx.id);
  return presentObjective(
    await ctx.db.selectFrom('objectives').selectAll().where('id', '=', ctx.id).executeTakeFirstOrThrow(),
  );
}

export async function updateObjective(
  ctx: ServiceContext & { id: string; input: UpdateObjectiveInput },
): Promise<Objective> {
  return writeScoped({ ...ctx, table: 'objectives' }, async (trx, current, at) => {
    const before = presentObjective(
      await trx.selectFrom('objectives').selectAll().where('id', '=', ctx.id).executeTakeFirstOrThrow(),
    );
    const changes = diffFields(before, ctx.input);
    if (Object.keys(changes).length === 0) return { result: before, event: null };
    const row = await trx
      .updateTable('objectives')
      .set({ ...ctx.input, version: current.version + 1, updated_at: at })
      .where('id', '=', ctx.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: presentObjective(row), event: { action: 'updated', changes } };
  });
}

export async function setObjectiveTrashed(
  ctx: ServiceContext & { id: string; trashed: boolean },
): Promise<Objective> {
  await setTrashed({ ...ctx, table: 'objectives' });
  return presentObjective(
    await ctx.db.selectFrom('objectives').selectAll().where('id', '=', ctx.id).executeTakeFirstOrThrow(),
  );
}
