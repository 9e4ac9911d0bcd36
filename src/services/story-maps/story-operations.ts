/**
 * Operations on the stories of a map: place a backlog item under a step, move it (within a step, to
 * another step, across a slice line) and take it off the map. Moving across a line changes the item's
 * release or sprint through the item's own write path (services/items/update-item.ts: its If-Match, its
 * `item` event, its rules), in the same transaction as the placement.
 */
import { type SliceLine, type SliceMove, sliceMove, sliceOf } from '../../domain/story-map-slices.ts';
import type { StoryMapOperation } from '../../schemas/story-map.ts';
import { invalidField } from '../errors.ts';
import { updateItem } from '../items/update-item.ts';
import { loadSlices } from './load-contents.ts';
import {
  atLimit,
  LIMITS,
  notOnMap,
  type OperationContext,
  type PlannedOperation,
} from './operation-context.ts';
import { type RankWrites, rankAt } from './positions.ts';

type StoryOp = Extract<StoryMapOperation, { op: 'placeStory' | 'moveStory' | 'removeStory' }>;

async function stepExists(o: OperationContext, stepId: string): Promise<void> {
  const step = await o.trx
    .selectFrom('story_map_steps')
    .select('id')
    .where('id', '=', stepId)
    .where('map_id', '=', o.map.id)
    .executeTakeFirst();
  if (!step) throw notOnMap('stepId', 'a step');
}

/** The stories under a step, by rank (bounded by the map's story limit). */
async function storiesUnder(o: OperationContext, stepId: string) {
  const rows = await o.trx
    .selectFrom('story_map_placements')
    .select(['item_id as id', 'rank'])
    .where('map_id', '=', o.map.id)
    .where('step_id', '=', stepId)
    .limit(LIMITS.storyMapStories)
    .execute();
  return rows.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
}

async function writeRanks(o: OperationContext, writes: RankWrites, stepId: string): Promise<void> {
  for (const w of writes) {
    await o.trx
      .updateTable('story_map_placements')
      .set({ rank: w.rank, step_id: stepId })
      .where('map_id', '=', o.map.id)
      .where('item_id', '=', w.id)
      .execute();
  }
}

/** The item fields a slice move changes, and the slice the story leaves and enters; null: no move. */
async function planSliceMove(o: OperationContext, itemId: string, sliceId: string | null | undefined) {
  if (sliceId === undefined) return null;
  const slices = await loadSlices(o.trx, o.map.id);
  const lines: SliceLine[] = slices.map((s) => ({
    id: s.id,
    releaseId: s.release_id,
    sprintId: s.sprint_id,
  }));
  if (sliceId !== null && !lines.some((line) => line.id === sliceId)) throw notOnMap('sliceId', 'a slice');
  const item = await o.trx
    .selectFrom('items')
    .select(['release_id', 'sprint_id'])
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
  const current = { releaseId: item.release_id, sprintId: item.sprint_id };
  const fields = sliceMove(lines, current, sliceId);
  if (Object.keys(fields).length === 0) return null;
  return { fields, from: sliceOf(lines, current), to: sliceId };
}

export async function planStoryOperation(
  o: OperationContext,
  input: StoryOp,
): Promise<PlannedOperation | null> {
  const placement = await o.trx
    .selectFrom('story_map_placements')
    .select(['item_id', 'step_id', 'rank'])
    .where('map_id', '=', o.map.id)
    .where('item_id', '=', input.itemId)
    .executeTakeFirst();
  if (input.op === 'removeStory') {
    if (!placement) throw invalidField('itemId', 'is not on this story map');
    return {
      changes: { stories: [{ itemId: placement.item_id, stepId: placement.step_id }, null] },
      apply: async () => {
        await o.trx
          .deleteFrom('story_map_placements')
          .where('map_id', '=', o.map.id)
          .where('item_id', '=', placement.item_id)
          .execute();
      },
    };
  }
  await stepExists(o, input.stepId);
  const siblings = await storiesUnder(o, input.stepId);
  const setItem = async (fields: SliceMove, expectedVersion?: number) => {
    await updateItem({
      db: o.trx,
      actor: o.ctx.actor,
      now: o.at,
      id: input.itemId,
      input: fields,
      expectedVersion,
    });
  };

  if (input.op === 'placeStory') {
    if (placement) throw invalidField('itemId', 'is already on this story map: move it instead');
    const item = await o.trx
      .selectFrom('items')
      .select('id')
      .where('id', '=', input.itemId)
      .where('product_id', '=', o.map.product_id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!item) throw invalidField('itemId', 'does not name a live item of this product');
    const count = await o.trx
      .selectFrom('story_map_placements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('map_id', '=', o.map.id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= LIMITS.storyMapStories) throw atLimit('stories', LIMITS.storyMapStories);
    const writes = rankAt(siblings, input.itemId, input.position) ?? [];
    const rank = writes.find((w) => w.id === input.itemId)?.rank ?? 'a0';
    const slice = await planSliceMove(o, input.itemId, input.sliceId);
    return {
      changes: {
        stories: [null, { itemId: input.itemId, stepId: input.stepId }],
        ...(slice && { slice: [slice.from, slice.to] }),
      },
      apply: async () => {
        await o.trx
          .insertInto('story_map_placements')
          .values({ map_id: o.map.id, item_id: input.itemId, step_id: input.stepId, rank })
          .execute();
        if (writes.length > 1) await writeRanks(o, writes, input.stepId);
        if (slice) await setItem(slice.fields);
      },
    };
  }

  if (!placement) throw invalidField('itemId', 'is not on this story map: place it first');
  const sameStep = placement.step_id === input.stepId;
  const writes = sameStep
    ? rankAt(siblings, input.itemId, input.position)
    : (rankAt(siblings, input.itemId, input.position) ?? []);
  const slice = await planSliceMove(o, input.itemId, input.sliceId);
  if (!writes && !slice) return null;
  return {
    changes: {
      ...(writes && {
        stories: [
          { itemId: input.itemId, stepId: placement.step_id },
          { itemId: input.itemId, stepId: input.stepId, position: input.position ?? null },
        ],
      }),
      ...(slice && { slice: [slice.from, slice.to] }),
    },
    apply: async () => {
      if (writes) await writeRanks(o, writes, input.stepId);
      if (slice) await setItem(slice.fields, input.itemVersion);
    },
  };
}
