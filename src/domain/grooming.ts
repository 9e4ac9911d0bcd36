/**
 * The grooming report: what to refine before the next sprint planning. Open items not ready near the top
 * of the backlog (within two sprints' worth of velocity), stale items, items too large for a sprint, tiny
 * items of one initiative worth combining, likely duplicates, work serving initiatives that are done or
 * dropped, and how many sprints of ready work the backlog holds. Pure: the caller passes the model, its
 * readiness, the Definition of Ready and the time (and may keep the words of the items' texts between
 * reports: a TokenMemo).
 */
import { type DefinitionOfReady, sprintFitLimit } from './definition-of-ready.ts';
import { type DuplicatePair, findDuplicates } from './duplicates.ts';
import { isOpen, type ModelItem, type PlanningModel } from './planning-model.ts';
import type { NotReadyReason } from './readiness.ts';
import type { ItemReadiness } from './readiness-report.ts';
import type { TokenMemo } from './text-tokens.ts';
import { velocities } from './velocity.ts';

/** Items a list names at most; its total is always given. */
export const MAX_GROOMING_LIST = 200;
export const DEFAULT_STALE_DAYS = 30;
/** How far down "near the top" reaches: this many sprints of velocity. */
export const NEAR_TOP_SPRINTS = 2;
/** Without velocity history, "near the top" is this many items. */
export const NEAR_TOP_ITEMS_WITHOUT_VELOCITY = 20;
/** An item this small or smaller is "tiny"; three or more of one initiative are worth combining. */
export const TINY_POINTS = 1;
export const TINY_GROUP = 3;

export interface GroomingItem {
  itemId: string;
  key: string;
  title: string;
  estimate: number | null;
}

export interface Listed<T> {
  items: T[];
  total: number;
}

export interface GroomingReport {
  velocity: number | null;
  notReadyNearTop: Listed<GroomingItem & { reasons: NotReadyReason[] }> & { reach: number };
  stale: Listed<GroomingItem & { updatedAt: string; days: number }> & { staleDays: number };
  oversized: Listed<GroomingItem & { limit: number }>;
  undersized: { initiativeId: string; title: string; items: GroomingItem[]; points: number }[];
  duplicates: (DuplicatePair & { items: [GroomingItem, GroomingItem] })[];
  servingClosedInitiatives: Listed<
    GroomingItem & { initiativeId: string; initiativeStatus: 'done' | 'dropped' }
  >;
  depth: { readyItems: number; readyPoints: number; velocity: number | null; sprints: number | null };
}

function listed<T>(all: T[]): Listed<T> {
  return { items: all.slice(0, MAX_GROOMING_LIST), total: all.length };
}

const ref = (item: ModelItem): GroomingItem => ({
  itemId: item.id,
  key: item.key,
  title: item.title,
  estimate: item.estimate,
});

/** The flattened story, for text similarity. */
function storyText(item: ModelItem): string | null {
  return item.story === null
    ? null
    : `As ${item.story.asA}, I want ${item.story.iWant}, so that ${item.story.soThat}`;
}

export function groomingReport(
  model: PlanningModel,
  readiness: readonly ItemReadiness[],
  definition: DefinitionOfReady,
  options: { now: string; staleDays?: number; memo?: TokenMemo },
): GroomingReport {
  const staleDays = options.staleDays ?? DEFAULT_STALE_DAYS;
  const v = velocities(model.sprints).product;
  const readyById = new Map(readiness.map((entry) => [entry.itemId, entry]));
  const closedSprints = new Set(model.sprints.filter((s) => s.state === 'closed').map((s) => s.id));
  // The backlog still to plan: open items not in a sprint that has closed (their leftovers moved on).
  const open = model.items.filter(
    (item) => isOpen(item) && !(item.sprintId && closedSprints.has(item.sprintId)),
  );

  // Near the top: two sprints of velocity, walking down the rank; without velocity, the first items.
  const nearTop: ModelItem[] = [];
  let points = 0;
  for (const item of open) {
    if (v === null ? nearTop.length >= NEAR_TOP_ITEMS_WITHOUT_VELOCITY : points >= NEAR_TOP_SPRINTS * v)
      break;
    nearTop.push(item);
    points += item.estimate ?? 0;
  }
  const notReadyNearTop = nearTop.flatMap((item) => {
    const entry = readyById.get(item.id);
    return entry && !entry.ready ? [{ ...ref(item), reasons: entry.reasons }] : [];
  });

  const now = Date.parse(options.now);
  const staleBefore = new Date(now - staleDays * 86_400_000).toISOString();
  const stale = open
    .filter((item) => item.updatedAt < staleBefore)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0))
    .map((item) => ({
      ...ref(item),
      updatedAt: item.updatedAt,
      days: Math.floor((now - Date.parse(item.updatedAt)) / 86_400_000),
    }));

  const limit = sprintFitLimit(definition.fitsSprint, v);
  const oversized = open
    .filter((item) => item.estimate !== null && item.estimate > limit)
    .map((item) => ({ ...ref(item), limit }));

  const initiatives = new Map(model.initiatives.map((i) => [i.id, i]));
  const tinyByInitiative = new Map<string, ModelItem[]>();
  for (const item of open) {
    if (item.initiativeId === null || item.estimate === null || item.estimate > TINY_POINTS) continue;
    const list = tinyByInitiative.get(item.initiativeId);
    if (list) list.push(item);
    else tinyByInitiative.set(item.initiativeId, [item]);
  }
  const undersized = [...tinyByInitiative]
    .filter(([id, list]) => list.length >= TINY_GROUP && initiatives.has(id))
    .map(([id, list]) => ({
      initiativeId: id,
      title: initiatives.get(id)?.title ?? '',
      items: list.slice(0, MAX_GROOMING_LIST).map(ref),
      points: list.reduce((sum, item) => sum + (item.estimate ?? 0), 0),
    }))
    .sort((a, b) => b.items.length - a.items.length)
    .slice(0, MAX_GROOMING_LIST);

  const byId = new Map(open.map((item) => [item.id, item]));
  const duplicates = findDuplicates(
    open.map((item) => ({
      id: item.id,
      title: item.title,
      story: storyText(item),
      description: item.description,
    })),
    { memo: options.memo },
  ).flatMap((pair) => {
    const a = byId.get(pair.itemIds[0]);
    const b = byId.get(pair.itemIds[1]);
    // Keep the backlog's order inside a pair: the higher-ranked item is the one a merge keeps.
    if (!a || !b) return [];
    const [first, second] = a.rank <= b.rank ? [a, b] : [b, a];
    return [
      {
        itemIds: [first.id, second.id] as [string, string],
        score: pair.score,
        items: [ref(first), ref(second)] as [GroomingItem, GroomingItem],
      },
    ];
  });

  const servingClosed = open.flatMap((item) => {
    const initiative = item.initiativeId === null ? undefined : initiatives.get(item.initiativeId);
    return initiative && (initiative.status === 'done' || initiative.status === 'dropped')
      ? [
          {
            ...ref(item),
            initiativeId: initiative.id,
            initiativeStatus: initiative.status as 'done' | 'dropped',
          },
        ]
      : [];
  });

  const active = new Set(model.sprints.filter((s) => s.state === 'active').map((s) => s.id));
  let readyItems = 0;
  let readyPoints = 0;
  for (const item of open) {
    // Work already in the active sprint is taken; depth is what the next plannings can draw from.
    if (item.sprintId !== null && active.has(item.sprintId)) continue;
    if (!readyById.get(item.id)?.ready) continue;
    readyItems += 1;
    readyPoints += item.estimate ?? 0;
  }

  return {
    velocity: v,
    notReadyNearTop: { ...listed(notReadyNearTop), reach: nearTop.length },
    stale: { ...listed(stale), staleDays },
    oversized: listed(oversized),
    undersized,
    duplicates,
    servingClosedInitiatives: listed(servingClosed),
    depth: {
      readyItems,
      readyPoints,
      velocity: v,
      sprints: v === null || v <= 0 ? null : Math.round((readyPoints / v) * 10) / 10,
    },
  };
}
