/**
 * Story maps as objects: create (optionally tied to an initiative of the product), list, rename or re-tie,
 * trash and restore. Names are unique among a product's live maps. Every change is a `story_map` event.
 * The map's contents change through apply-story-map-operation.ts.
 */
import { creationChanges, diffFields } from '../../domain/changes.ts';
import { nameKey } from '../../domain/name-key.ts';
import { LIMITS } from '../../schemas/limits.ts';
import type {
  CreateStoryMapInput,
  StoryMap,
  StoryMapSummary,
  UpdateStoryMapInput,
} from '../../schemas/story-map.ts';
import type { StoryMapRow } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { trashChange } from '../write/trash-change.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { presentStoryMap } from './present-story-map.ts';
import {
  assertInitiative,
  assertMapNameFree,
  loadStoryMap,
  presentStoryMapSummary,
} from './story-map-access.ts';

export async function createStoryMap(
  ctx: ServiceContext & { productId: string; input: CreateStoryMapInput },
): Promise<StoryMap> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const product = await loadVisibleProduct(trx, ctx.actor, ctx.productId);
    await lockProductForWrite(trx, ctx.actor, product.id);
    await assertMapNameFree(trx, product.id, ctx.input.name);
    await assertInitiative(trx, product.id, ctx.input.initiativeId);
    const count = await trx
      .selectFrom('story_maps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('product_id', '=', product.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= LIMITS.storyMaps) {
      throw new AppError(
        'invalid_state',
        `a product holds at most ${LIMITS.storyMaps} story maps; delete one first`,
      );
    }
    const row: StoryMapRow = {
      id: newId(),
      product_id: product.id,
      initiative_id: ctx.input.initiativeId ?? null,
      name: ctx.input.name,
      name_key: nameKey(ctx.input.name),
      created_by: ctx.actor.id,
      version: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await trx.insertInto('story_maps').values(row).execute();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'story_map',
      entityId: row.id,
      action: 'created',
      changes: creationChanges({ name: row.name, initiativeId: row.initiative_id }),
    });
    return presentStoryMap(trx, row);
  });
}

/** The product's live maps, by name (bounded by LIMITS.storyMaps). */
export async function listStoryMaps(ctx: ServiceContext & { productId: string }): Promise<StoryMapSummary[]> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('story_maps')
    .selectAll()
    .where('product_id', '=', product.id)
    .where('deleted_at', 'is', null)
    .orderBy('name_key')
    .orderBy('id')
    .limit(LIMITS.storyMaps)
    .execute();
  return rows.map(presentStoryMapSummary);
}

export async function getStoryMap(ctx: ServiceContext & { id: string }): Promise<StoryMap> {
  return presentStoryMap(ctx.db, await loadStoryMap(ctx.db, ctx, ctx.id));
}

export async function updateStoryMap(
  ctx: ServiceContext & { id: string; input: UpdateStoryMapInput; expectedVersion?: number | undefined },
): Promise<StoryMap> {
  return updateVersioned<StoryMapRow, StoryMap>({
    ...ctx,
    entityType: 'story_map',
    load: (db) => loadStoryMap(db, ctx, ctx.id),
    present: presentStoryMap,
    describe: (row) => `story map "${row.name}"`,
    change: async (trx, current) => {
      const changes = diffFields(presentStoryMapSummary(current), ctx.input);
      if (Object.keys(changes).length === 0) return null;
      if (ctx.input.name !== undefined)
        await assertMapNameFree(trx, current.product_id, ctx.input.name, current.id);
      await assertInitiative(trx, current.product_id, ctx.input.initiativeId);
      return {
        action: 'updated',
        changes,
        write: (stamp) =>
          trx
            .updateTable('story_maps')
            .set({
              ...(ctx.input.name !== undefined && {
                name: ctx.input.name,
                name_key: nameKey(ctx.input.name),
              }),
              ...(ctx.input.initiativeId !== undefined && { initiative_id: ctx.input.initiativeId }),
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

/** Moves a map to the trash, or brings it back (its name must still be free). Its contents stay. */
export async function setStoryMapTrashed(
  ctx: ServiceContext & { id: string; trashed: boolean },
): Promise<StoryMap> {
  return updateVersioned<StoryMapRow, StoryMap>({
    ...ctx,
    entityType: 'story_map',
    load: (db) => loadStoryMap(db, ctx, ctx.id, false),
    present: presentStoryMap,
    describe: (row) => `story map "${row.name}"`,
    change: async (trx, current, at) => {
      return trashChange(trx, 'story_maps', current, {
        trashed: ctx.trashed,
        at,
        beforeRestore: () => assertMapNameFree(trx, current.product_id, current.name, current.id),
      });
    },
  });
}
