/**
 * The gaps of a story map: steps with no story in the first slice (the walking skeleton is incomplete),
 * stories whose item went to the trash (their placement stays, flagged), and items of the map's
 * initiative that are on no map of the product.
 */
import { type SliceLine, sliceOf } from './story-map-slices.ts';

export interface GapPlacement {
  itemId: string;
  stepId: string;
  releaseId: string | null;
  sprintId: string | null;
  trashed: boolean;
}

export interface GapItem {
  id: string;
  key: string;
  title: string;
}

export interface StoryMapGapInput {
  /** The map's steps, in order. */
  steps: readonly { id: string }[];
  slices: readonly SliceLine[];
  placements: readonly GapPlacement[];
  /** Live items of the map's initiative (none when the map has no initiative). */
  initiativeItems: readonly GapItem[];
  /** Which of those items some live map of the product holds. */
  mappedItemIds: ReadonlySet<string>;
}

export interface StoryMapGaps {
  /** Steps with no live story in the first slice; empty while the map has no slice. */
  skeletonSteps: string[];
  /** Items placed on the map that are in the trash. */
  trashedItems: string[];
  /** Items of the initiative on no map, in the order given. */
  unmappedItems: GapItem[];
}

export function storyMapGaps(input: StoryMapGapInput): StoryMapGaps {
  const first = input.slices[0];
  const covered = new Set<string>();
  const trashedItems: string[] = [];
  for (const placement of input.placements) {
    if (placement.trashed) {
      trashedItems.push(placement.itemId);
      continue;
    }
    if (first && sliceOf(input.slices, placement) === first.id) covered.add(placement.stepId);
  }
  const skeletonSteps = first ? input.steps.filter((step) => !covered.has(step.id)).map((s) => s.id) : [];
  const unmappedItems = input.initiativeItems.filter((item) => !input.mappedItemIds.has(item.id));
  return { skeletonSteps, trashedItems, unmappedItems };
}
