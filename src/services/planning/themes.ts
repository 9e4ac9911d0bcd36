/** Themes: the strategic groupings (with a colour) that organise a roadmap. */

import { creationChanges, diffFields } from '../../domain/changes.ts';
import { presentTheme, type Theme } from '../../presenters/planning.ts';
import type { CreateThemeInput, UpdateThemeInput } from '../../schemas/product.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { loadScoped, setTrashed, writeScoped } from './scoped-entity.ts';

export async function createTheme(
  ctx: ServiceContext & { productId: string; input: CreateThemeInput },
): Promise<Theme> {
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
    await trx.insertInto('themes').values(row).execute();
    await recordEvent(trx, {
      productId: ctx.productId,
      actorId: ctx.actor.id,
      at,
      entityType: 'theme',
      entityId: row.id,
      action: 'created',
      changes: creationChanges(ctx.input),
    });
    return presentTheme(row);
  });
}

export async function listThemes(ctx: ServiceContext & { productId: string }): Promise<Theme[]> {
  await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('themes')
    .selectAll()
    .where('product_id', '=', ctx.productId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentTheme);
}

export async function getTheme(ctx: ServiceContext & { id: string }): Promise<Theme> {
  await loadScoped(ctx.db, ctx.actor, 'themes', ctx.id);
  return presentTheme(
    await ctx.db.selectFrom('themes').selectAll().where('id', '=', ctx.id).executeTakeFirstOrThrow(),
  );
}

export async function updateTheme(
  ctx: ServiceContext & { id: string; input: UpdateThemeInput },
): Promise<Theme> {
  return writeScoped({ ...ctx, table: 'themes' }, async (trx, current, at) => {
    const before = presentTheme(
      await trx.selectFrom('themes').selectAll().where('id', '=', ctx.id).executeTakeFirstOrThrow(),
    );
    const changes = diffFields(before, ctx.input);
    if (Object.keys(changes).length === 0) return { result: before, event: null };
    const row = await trx
      .updateTable('themes')
      .set({ ...ctx.input, version: current.version + 1, updated_at: at })
      .where('id', '=', ctx.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: presentTheme(row), event: { action: 'updated', changes } };
  });
}

export async function setThemeTrashed(
  ctx: ServiceContext & { id: string; trashed: boolean },
): Promise<Theme> {
  await setTrashed({ ...ctx, table: 'themes' });
  return presentTheme(
    await ctx.db.selectFrom('themes').selectAll().where('id', '=', ctx.id).executeTakeFirstOrThrow(),
  );
}
