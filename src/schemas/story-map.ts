/**
 * User story maps: the backbone of activities and steps, the backlog items placed under the steps, and the
 * release slices across the map. A map changes through one operations endpoint whose body is a
 * discriminated union on `op`; each operation is one transaction, one `story_map` event and one version.
 */
import { Id, requiredText, Timestamp, z } from './common.ts';
import { ItemStatus, ItemType } from './item.ts';
import { LIMITS } from './limits.ts';

const Title = requiredText(LIMITS.storyMapName);
/** A 0-based position among the siblings; past the end (or absent) means last. */
const Position = z
  .number()
  .int()
  .min(0)
  .max(LIMITS.storyMapStories)
  .optional()
  .describe('0-based position among the siblings; absent or past the end: last');

export const StoryMapSummary = z
  .object({
    id: Id,
    productId: Id,
    initiativeId: Id.nullable(),
    name: z.string(),
    createdBy: Id.nullable(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
  })
  .openapi('StoryMapSummary');
export type StoryMapSummary = z.infer<typeof StoryMapSummary>;

export const StoryMapActivity = z.object({ id: Id, title: z.string() }).openapi('StoryMapActivity');
export const StoryMapStep = z.object({ id: Id, activityId: Id, title: z.string() }).openapi('StoryMapStep');

/** A story on the map: the item fields its card shows. */
export const StoryMapCard = z
  .object({
    itemId: Id,
    stepId: Id,
    /** The slice the story sits in (from its item's release or sprint); null: unplanned. */
    sliceId: Id.nullable(),
    key: z.string(),
    title: z.string(),
    type: ItemType,
    status: ItemStatus,
    estimate: z.number().nullable(),
    releaseId: Id.nullable(),
    sprintId: Id.nullable(),
    itemVersion: z.number().int(),
    /** The item is in the trash: the placement stays, flagged, until someone removes it. */
    trashed: z.boolean(),
  })
  .openapi('StoryMapCard');

export const SliceFigures = z
  .object({
    points: z.number(),
    items: z.number().int(),
    doneItems: z.number().int(),
    doneShare: z.number().nullable().describe('Done items over items, 0–1; null when empty'),
  })
  .openapi('SliceFigures');

export const StoryMapSlice = z
  .object({
    id: Id,
    name: z.string(),
    releaseId: Id.nullable(),
    sprintId: Id.nullable(),
    /** The release's or sprint's name; null when it is in the trash. */
    targetName: z.string().nullable(),
    figures: SliceFigures,
  })
  .openapi('StoryMapSlice');

export const StoryMapGaps = z
  .object({
    skeletonSteps: z.array(Id).describe('Steps with no live story in the first slice'),
    trashedItems: z.array(Id).describe('Items on the map that are in the trash'),
    unmappedItems: z
      .array(z.object({ id: Id, key: z.string(), title: z.string() }))
      .describe("Items of the map's initiative on no map of the product"),
    unmappedTruncated: z.boolean().describe('More initiative items exist than were checked'),
  })
  .openapi('StoryMapGaps');
export type StoryMapGaps = z.infer<typeof StoryMapGaps>;

export const StoryMap = StoryMapSummary.extend({
  activities: z.array(StoryMapActivity),
  /** Every step, grouped by activity in backbone order, left to right. */
  steps: z.array(StoryMapStep),
  /** Every story, grouped by step, top to bottom. */
  cards: z.array(StoryMapCard),
  slices: z.array(StoryMapSlice),
  unplanned: SliceFigures,
  gaps: StoryMapGaps,
}).openapi('StoryMap');
export type StoryMap = z.infer<typeof StoryMap>;

export const CreateStoryMapInput = z
  .object({ name: Title, initiativeId: Id.nullable().optional() })
  .strict()
  .openapi('CreateStoryMapInput');
export type CreateStoryMapInput = z.infer<typeof CreateStoryMapInput>;

export const UpdateStoryMapInput = z
  .object({ name: Title.optional(), initiativeId: Id.nullable().optional() })
  .strict()
  .openapi('UpdateStoryMapInput');
export type UpdateStoryMapInput = z.infer<typeof UpdateStoryMapInput>;

const op = <N extends string, S extends z.ZodRawShape>(name: N, shape: S) =>
  z.object({ op: z.literal(name), ...shape }).strict();

/** Where a story goes when it moves across a slice line: a slice, or null for the unplanned band. */
const SliceTarget = Id.nullable()
  .optional()
  .describe("Move the story into this slice (null: unplanned) by changing its item's release or sprint");

export const StoryMapOperation = z
  .discriminatedUnion('op', [
    op('addActivity', { title: Title, position: Position }),
    op('renameActivity', { activityId: Id, title: Title }),
    op('moveActivity', { activityId: Id, position: Position }),
    op('removeActivity', { activityId: Id }),
    op('addStep', { activityId: Id, title: Title, position: Position }),
    op('renameStep', { stepId: Id, title: Title }),
    op('moveStep', { stepId: Id, activityId: Id.optional(), position: Position }),
    op('removeStep', { stepId: Id }),
    op('placeStory', { itemId: Id, stepId: Id, position: Position, sliceId: SliceTarget }),
    op('moveStory', {
      itemId: Id,
      stepId: Id,
      position: Position,
      sliceId: SliceTarget,
      itemVersion: z.number().int().min(1).optional().describe("The item's version (its If-Match)"),
    }),
    op('removeStory', { itemId: Id }),
    op('addSlice', { name: Title, releaseId: Id.optional(), sprintId: Id.optional(), position: Position }),
    op('updateSlice', {
      sliceId: Id,
      name: Title.optional(),
      releaseId: Id.optional(),
      sprintId: Id.optional(),
    }),
    op('moveSlice', { sliceId: Id, position: Position }),
    op('removeSlice', { sliceId: Id }),
  ])
  .openapi('StoryMapOperation');
export type StoryMapOperation = z.infer<typeof StoryMapOperation>;
