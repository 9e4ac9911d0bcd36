/**
 * Whether the backlog still serves the roadmap: how much open work is linked to an initiative (overall,
 * per theme, per objective), the work that serves none, the initiatives in "now" or "next" with no work
 * behind them, and the drift between the two plans. Pure: the caller passes the model, today's date and
 * the roadmap changes recorded since the last strategic review.
 */
import { isOpen, type ModelInitiative, type ModelItem, type PlanningModel } from './planning-model.ts';

/** Items a list names at most; its total is always given. */
export const MAX_LISTED = 500;

export interface Share {
  items: number;
  points: number;
  /** Of all open work: items, and points of estimated items. */
  itemShare: number;
  pointShare: number;
}

export interface ItemRef {
  itemId: string;
  key: string;
  title: string;
}

export type DriftKind =
  | 'now_without_progress'
  | 'sprint_work_for_later'
  | 'sprint_work_for_closed_initiative'
  | 'past_target_with_open_work'
  | 'roadmap_changed';

export interface Drift {
  kind: DriftKind;
  initiativeId?: string;
  itemId?: string;
  message: string;
}

/** An initiative change recorded since the last review (from events): what moved on the roadmap. */
export interface RoadmapChange {
  initiativeId: string;
  at: string;
  actorId: string | null;
  field: 'horizon' | 'startDate' | 'targetDate' | 'status' | 'created' | 'deleted';
  /** The value before and after (a horizon, a status, a date), null for none or for a creation. */
  before: string | null;
  after: string | null;
}

const asValue = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export interface Alignment {
  coverage: {
    total: { items: number; points: number };
    linked: Share;
    byTheme: ({ themeId: string | null; name: string } & Share)[];
    byObjective: ({ objectiveId: string; title: string } & Share)[];
  };
  orphanItems: ItemRef[];
  orphanTotal: number;
  initiativesWithoutWork: { initiativeId: string; title: string; horizon: 'now' | 'next' }[];
  drift: Drift[];
}

const openInitiative = (initiative: ModelInitiative) =>
  initiative.status !== 'done' && initiative.status !== 'dropped';

function shareOf(items: number, points: number, total: { items: number; points: number }): Share {
  return {
    items,
    points,
    itemShare: total.items === 0 ? 0 : round(items / total.items),
    pointShare: total.points === 0 ? 0 : round(points / total.points),
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** `title` undefined: the initiative is no longer on the roadmap (in the trash). */
function describeChange(change: RoadmapChange, title: string | undefined): string {
  const quoted = title === undefined ? 'an initiative now in the trash' : JSON.stringify(title);
  switch (change.field) {
    case 'created':
      return `${quoted} was added to the roadmap`;
    case 'deleted':
      return `${quoted} was removed from the roadmap`;
    case 'status':
      return `${quoted} went from ${change.before ?? 'none'} to ${change.after ?? 'none'}`;
    case 'horizon':
      return `${quoted} moved from ${change.before ?? 'none'} to ${change.after ?? 'none'}`;
    default: {
      const what = change.field === 'targetDate' ? 'target date' : 'start date';
      return `${quoted}'s ${what} changed from ${change.before ?? 'none'} to ${change.after ?? 'none'}`;
    }
  }
}

export function alignmentOf(
  model: PlanningModel,
  today: string,
  changesSinceReview: readonly RoadmapChange[],
): Alignment {
  const open = model.items.filter(isOpen);
  const initiatives = new Map(model.initiatives.map((i) => [i.id, i]));
  const points = (item: ModelItem) => item.estimate ?? 0;
  const total = { items: open.length, points: open.reduce((sum, item) => sum + points(item), 0) };

  let linkedItems = 0;
  let linkedPoints = 0;
  const byTheme = new Map<string | null, { items: number; points: number }>();
  const byObjective = new Map<string, { items: number; points: number }>();
  const openByInitiative = new Map<string, ModelItem[]>();
  const themeIds = new Set(model.themes.map((theme) => theme.id));
  const orphans: ModelItem[] = [];
  for (const item of open) {
    const initiative = item.initiativeId === null ? undefined : initiatives.get(item.initiativeId);
    if (!initiative) {
      orphans.push(item);
      continue;
    }
    linkedItems += 1;
    linkedPoints += points(item);
    const list = openByInitiative.get(initiative.id);
    if (list) list.push(item);
    else openByInitiative.set(initiative.id, [item]);
    // A theme in the trash no longer groups anything: its initiatives' work counts as without a theme.
    const themeId =
      initiative.themeId !== null && themeIds.has(initiative.themeId) ? initiative.themeId : null;
    const theme = byTheme.get(themeId) ?? { items: 0, points: 0 };
    theme.items += 1;
    theme.points += points(item);
    byTheme.set(themeId, theme);
    for (const objectiveId of initiative.objectiveIds) {
      const objective = byObjective.get(objectiveId) ?? { items: 0, points: 0 };
      objective.items += 1;
      objective.points += points(item);
      byObjective.set(objectiveId, objective);
    }
  }

  const themes = [...model.themes.map((t) => ({ themeId: t.id as string | null, name: t.name }))];
  if (byTheme.has(null)) themes.push({ themeId: null, name: 'No theme' });

  const activeSprints = new Set(model.sprints.filter((s) => s.state === 'active').map((s) => s.id));
  const drift: Drift[] = [];
  for (const initiative of model.initiatives) {
    if (!openInitiative(initiative)) continue;
    const work = openByInitiative.get(initiative.id) ?? [];
    const title = JSON.stringify(initiative.title);
    if (
      initiative.horizon === 'now' &&
      !work.some(
        (item) =>
          item.status === 'in_progress' ||
          item.status === 'in_review' ||
          (item.sprintId !== null && activeSprints.has(item.sprintId)),
      )
    ) {
      drift.push({
        kind: 'now_without_progress',
        initiativeId: initiative.id,
        message: `${title} is in "now" but nothing of it is in progress or in the active sprint`,
      });
    }
    if (initiative.targetDate !== null && initiative.targetDate < today && work.length > 0) {
      drift.push({
        kind: 'past_target_with_open_work',
        initiativeId: initiative.id,
        message: `${title} was due ${initiative.targetDate} and still has ${work.length} open item${work.length === 1 ? '' : 's'}`,
      });
    }
  }
  for (const item of open) {
    if (item.sprintId === null || !activeSprints.has(item.sprintId) || item.initiativeId === null) continue;
    const initiative = initiatives.get(item.initiativeId);
    if (!initiative) continue;
    const title = JSON.stringify(initiative.title);
    if (!openInitiative(initiative)) {
      drift.push({
        kind: 'sprint_work_for_closed_initiative',
        initiativeId: initiative.id,
        itemId: item.id,
        message: `${item.key} is in the active sprint but serves ${title}, which is ${initiative.status}`,
      });
    } else if (initiative.horizon === 'later') {
      drift.push({
        kind: 'sprint_work_for_later',
        initiativeId: initiative.id,
        itemId: item.id,
        message: `${item.key} is in the active sprint but serves ${title}, which is planned for later`,
      });
    }
  }
  for (const change of changesSinceReview) {
    const title = initiatives.get(change.initiativeId)?.title;
    drift.push({
      kind: 'roadmap_changed',
      initiativeId: change.initiativeId,
      message: `Since the last review: ${describeChange(change, title)}`,
    });
  }

  return {
    coverage: {
      total,
      linked: shareOf(linkedItems, linkedPoints, total),
      byTheme: themes.map((theme) => {
        const counts = byTheme.get(theme.themeId) ?? { items: 0, points: 0 };
        return { ...theme, ...shareOf(counts.items, counts.points, total) };
      }),
      byObjective: model.objectives.map((objective) => {
        const counts = byObjective.get(objective.id) ?? { items: 0, points: 0 };
        return {
          objectiveId: objective.id,
          title: objective.title,
          ...shareOf(counts.items, counts.points, total),
        };
      }),
    },
    orphanItems: orphans
      .slice(0, MAX_LISTED)
      .map((item) => ({ itemId: item.id, key: item.key, title: item.title })),
    orphanTotal: orphans.length,
    initiativesWithoutWork: model.initiatives.flatMap((initiative) =>
      openInitiative(initiative) &&
      (initiative.horizon === 'now' || initiative.horizon === 'next') &&
      !openByInitiative.has(initiative.id)
        ? [{ initiativeId: initiative.id, title: initiative.title, horizon: initiative.horizon }]
        : [],
    ),
    drift,
  };
}

/** The roadmap changes in initiative events (changes map field → [before, after]). */
export function roadmapChanges(
  events: readonly {
    entityId: string;
    at: string;
    actorId: string | null;
    action: string;
    changes: Record<string, unknown>;
  }[],
): RoadmapChange[] {
  const result: RoadmapChange[] = [];
  for (const event of events) {
    const base = { initiativeId: event.entityId, at: event.at, actorId: event.actorId };
    if (event.action === 'created' || event.action === 'restored') {
      result.push({ ...base, field: 'created', before: null, after: null });
      continue;
    }
    if (event.action === 'deleted') {
      result.push({ ...base, field: 'deleted', before: null, after: null });
      continue;
    }
    for (const field of ['horizon', 'startDate', 'targetDate', 'status'] as const) {
      const change = event.changes[field];
      if (Array.isArray(change) && change.length === 2) {
        result.push({ ...base, field, before: asValue(change[0]), after: asValue(change[1]) });
      }
    }
  }
  return result;
}
