/**
 * A story map as the screen needs it in one response: the backbone, the cards with their item fields, the
 * slices with their figures (domain/story-map-slices.ts) and the gaps (domain/story-map-gaps.ts).
 */
import { storyMapGaps } from '../../domain/story-map-gaps.ts';
import { type SliceLine, sliceFigures, sliceOf } from '../../domain/story-map-slices.ts';
import type { StoryMap } from '../../schemas/story-map.ts';
import type { Db } from '../../store/database.ts';
import type { StoryMapRow } from '../../store/tables.ts';
import { loadActivities, loadPlacements, loadSlices, loadSteps } from './load-contents.ts';
import { presentStoryMapSummary } from './story-map-access.ts';

/** Initiative items the gaps check for a place on some map: the first ones by rank. */
export const GAP_ITEMS_CHECKED = 1_000;

async function initiativeGapInput(db: Db, map: StoryMapRow) {
  if (!map.initiative_id) return { items: [], mapped: new Set<string>(), truncated: false };
  const items = await db
    .selectFrom('items')
    .select(['id', 'key', 'title'])
    .where('product_id', '=', map.product_id)
    .where('initiative_id', '=', map.initiative_id)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'wont_do')
    .orderBy('rank')
    .limit(GAP_ITEMS_CHECKED + 1)
    .execute();
  const truncated = items.length > GAP_ITEMS_CHECKED;
  const checked = items.slice(0, GAP_ITEMS_CHECKED);
  const mapped = new Set<string>();
  if (checked.length > 0) {
    const rows = await db
      .selectFrom('story_map_placements as p')
      .innerJoin('story_maps as m', 'm.id', 'p.map_id')
      .select('p.item_id')
      .distinct()
      .where('m.product_id', '=', map.product_id)
      .where('m.deleted_at', 'is', null)
      .where(
        'p.item_id',
        'in',
        checked.map((item) => item.id),
      )
      .execute();
    for (const row of rows) mapped.add(row.item_id);
  }
  return { items: checked, mapped, truncated };
}

/** The names of the releases and sprints the map's slices are tied to (trashed ones left out). */
async function targetNames(db: Db, map: StoryMapRow): Promise<Map<string, string>> {
  const releases = await db
    .selectFrom('story_map_slices as s')
    .innerJoin('releases as r', 'r.id', 's.release_id')
    .select(['r.id', 'r.name'])
    .where('s.map_id', '=', map.id)
    .where('r.deleted_at', 'is', null)
    .execute();
  const sprints = await db
    .selectFrom('story_map_slices as s')
    .innerJoin('sprints as r', 'r.id', 's.sprint_id')
    .select(['r.id', 'r.name'])
    .where('s.map_id', '=', map.id)
    .where('r.deleted_at', 'is', null)
    .execute();
  return new Map([...releases, ...sprints].map((row) => [row.id, row.name]));
}

export async function presentStoryMap(db: Db, map: StoryMapRow): Promise<StoryMap> {
  const activities = await loadActivities(db, map.id);
  const steps = await loadSteps(db, map.id, activities);
  const placements = await loadPlacements(db, map.id, steps);
  const slices = await loadSlices(db, map.id);
  const names = await targetNames(db, map);
  const initiative = await initiativeGapInput(db, map);

  const lines: SliceLine[] = slices.map((s) => ({
    id: s.id,
    releaseId: s.release_id,
    sprintId: s.sprint_id,
  }));
  const cards = placements.map((p) => ({
    itemId: p.item_id,
    stepId: p.step_id,
    sliceId: sliceOf(lines, { releaseId: p.release_id, sprintId: p.sprint_id }),
    key: p.key,
    title: p.title,
    type: p.type,
    status: p.status,
    estimate: p.estimate,
    releaseId: p.release_id,
    sprintId: p.sprint_id,
    itemVersion: p.item_version,
    trashed: p.deleted_at !== null,
  }));
  const figures = sliceFigures(lines, cards);
  const figuresOf = (sliceId: string | null) => {
    const found = figures.find((f) => f.sliceId === sliceId);
    return {
      points: found?.points ?? 0,
      items: found?.items ?? 0,
      doneItems: found?.doneItems ?? 0,
      doneShare: found?.doneShare ?? null,
    };
  };
  const gaps = storyMapGaps({
    steps,
    slices: lines,
    placements: cards,
    initiativeItems: initiative.items,
    mappedItemIds: initiative.mapped,
  });
  return {
    ...presentStoryMapSummary(map),
    activities: activities.map((a) => ({ id: a.id, title: a.title })),
    steps: steps.map((s) => ({ id: s.id, activityId: s.activity_id, title: s.title })),
    cards,
    slices: slices.map((s) => ({
      id: s.id,
      name: s.name,
      releaseId: s.release_id,
      sprintId: s.sprint_id,
      targetName: names.get(s.release_id ?? s.sprint_id ?? '') ?? null,
      figures: figuresOf(s.id),
    })),
    unplanned: figuresOf(null),
    gaps: { ...gaps, unmappedTruncated: initiative.truncated },
  };
}
