/**
 * Applies one operation to a story map: worked out under the product's write lock from the map as it is,
 * written with the map's next version (If-Match honoured), recorded as one `story_map` event naming the
 * operation and what it changed — one transaction, together with any item change a slice move makes.
 */
import type { StoryMap, StoryMapOperation } from '../../schemas/story-map.ts';
import type { StoryMapRow } from '../../store/tables.ts';
import type { ServiceContext } from '../context.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { planBackboneOperation } from './backbone-operations.ts';
import type { OperationContext, PlannedOperation } from './operation-context.ts';
import { presentStoryMap } from './present-story-map.ts';
import { planSliceOperation } from './slice-operations.ts';
import { loadStoryMap } from './story-map-access.ts';
import { planStoryOperation } from './story-operations.ts';

function plan(o: OperationContext, input: StoryMapOperation): Promise<PlannedOperation | null> {
  switch (input.op) {
    case 'placeStory':
    case 'moveStory':
    case 'removeStory':
      return planStoryOperation(o, input);
    case 'addSlice':
    case 'updateSlice':
    case 'moveSlice':
    case 'removeSlice':
      return planSliceOperation(o, input);
    default:
      return planBackboneOperation(o, input);
  }
}

export async function applyStoryMapOperation(
  ctx: ServiceContext & { id: string; input: StoryMapOperation; expectedVersion?: number | undefined },
): Promise<StoryMap> {
  return updateVersioned<StoryMapRow, StoryMap>({
    ...ctx,
    entityType: 'story_map',
    load: (db) => loadStoryMap(db, ctx, ctx.id),
    present: presentStoryMap,
    describe: (row) => `story map "${row.name}"`,
    change: async (trx, current, at) => {
      const planned = await plan({ trx, ctx, map: current, at }, ctx.input);
      if (!planned) return null;
      return {
        action: 'updated',
        changes: { operation: [null, ctx.input.op], ...planned.changes },
        write: async (stamp) => {
          const row = await trx
            .updateTable('story_maps')
            .set(stamp)
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst();
          if (!row) return undefined;
          await planned.apply();
          return row;
        },
      };
    },
  });
}
