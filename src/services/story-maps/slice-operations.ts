/**
 * Operations on a map's release slices: add, rename or re-tie, move and remove. A slice is tied to one
 * release or one sprint of the map's product, and no two slices of a map share one.
 */
import type { StoryMapOperation } from '../../schemas/story-map.ts';
import { invalidField } from '../errors.ts';
import { newId } from '../ids.ts';
import { assertInProduct } from '../planning/references.ts';
import { loadSlices, type SliceRow } from './load-contents.ts';
import {
  atLimit,
  LIMITS,
  notOnMap,
  type OperationContext,
  type PlannedOperation,
} from './operation-context.ts';
import { type RankWrites, rankAt } from './positions.ts';

type SliceOp = Extract<StoryMapOperation, { op: 'addSlice' | 'updateSlice' | 'moveSlice' | 'removeSlice' }>;

interface Tie {
  release_id: string | null;
  sprint_id: string | null;
}

/** The tie a slice input names (exactly one of releaseId and sprintId), checked against the product. */
async function tieOf(
  o: OperationContext,
  input: { releaseId?: string | undefined; sprintId?: string | undefined },
  slices: readonly SliceRow[],
  self?: string,
): Promise<Tie> {
  if (input.releaseId && input.sprintId)
    throw invalidField('sprintId', 'must be absent when releaseId is given');
  if (input.releaseId) {
    await assertInProduct(o.trx, 'releases', input.releaseId, o.map.product_id, 'releaseId');
  } else if (input.sprintId) {
    const sprint = await o.trx
      .selectFrom('sprints')
      .select('id')
      .where('id', '=', input.sprintId)
      .where('product_id', '=', o.map.product_id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!sprint) throw invalidField('sprintId', 'does not name a sprint of this product');
  } else {
    throw invalidField(
      'releaseId',
      'must be given (or a sprintId): a slice is tied to a release or a sprint',
    );
  }
  const tie: Tie = {
    release_id: input.releaseId ?? null,
    sprint_id: input.releaseId ? null : (input.sprintId ?? null),
  };
  const taken = slices.find(
    (s) =>
      s.id !== self &&
      ((tie.release_id !== null && s.release_id === tie.release_id) ||
        (tie.sprint_id !== null && s.sprint_id === tie.sprint_id)),
  );
  if (taken) {
    const path = tie.release_id ? 'releaseId' : 'sprintId';
    throw invalidField(path, `is already the line of slice "${taken.name}" on this map`);
  }
  return tie;
}

async function writeSliceRanks(o: OperationContext, writes: RankWrites): Promise<void> {
  for (const w of writes) {
    await o.trx.updateTable('story_map_slices').set({ rank: w.rank }).where('id', '=', w.id).execute();
  }
}

const described = (s: Pick<SliceRow, 'id' | 'name' | 'release_id' | 'sprint_id'>) => ({
  id: s.id,
  name: s.name,
  releaseId: s.release_id,
  sprintId: s.sprint_id,
});

export async function planSliceOperation(
  o: OperationContext,
  input: SliceOp,
): Promise<PlannedOperation | null> {
  const slices = await loadSlices(o.trx, o.map.id);
  if (input.op === 'addSlice') {
    if (slices.length >= LIMITS.storyMapSlices) throw atLimit('slices', LIMITS.storyMapSlices);
    const tie = await tieOf(o, input, slices);
    const id = newId();
    const writes = rankAt(slices, id, input.position) ?? [];
    const rank = writes.find((w) => w.id === id)?.rank ?? 'a0';
    return {
      changes: { slices: [null, described({ id, name: input.name, ...tie })] },
      apply: async () => {
        await o.trx
          .insertInto('story_map_slices')
          .values({ id, map_id: o.map.id, name: input.name, rank, ...tie })
          .execute();
        if (writes.length > 1) await writeSliceRanks(o, writes);
      },
    };
  }
  const slice = slices.find((s) => s.id === input.sliceId);
  if (!slice) throw notOnMap('sliceId', 'a slice');
  switch (input.op) {
    case 'updateSlice': {
      const retie = input.releaseId !== undefined || input.sprintId !== undefined;
      const tie = retie ? await tieOf(o, input, slices, slice.id) : slice;
      const next = {
        ...slice,
        name: input.name ?? slice.name,
        release_id: tie.release_id,
        sprint_id: tie.sprint_id,
      };
      if (JSON.stringify(described(next)) === JSON.stringify(described(slice))) return null;
      return {
        changes: { slices: [described(slice), described(next)] },
        apply: async () => {
          await o.trx
            .updateTable('story_map_slices')
            .set({ name: next.name, release_id: next.release_id, sprint_id: next.sprint_id })
            .where('id', '=', slice.id)
            .execute();
        },
      };
    }
    case 'moveSlice': {
      const writes = rankAt(slices, slice.id, input.position);
      if (!writes) return null;
      return {
        changes: {
          slicePosition: [
            { id: slice.id, position: slices.indexOf(slice) },
            { id: slice.id, position: input.position ?? null },
          ],
        },
        apply: () => writeSliceRanks(o, writes),
      };
    }
    case 'removeSlice':
      return {
        changes: { slices: [described(slice), null] },
        apply: async () => {
          await o.trx.deleteFrom('story_map_slices').where('id', '=', slice.id).execute();
        },
      };
  }
}
