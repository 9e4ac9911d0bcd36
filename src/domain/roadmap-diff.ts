/**
 * What changed on a roadmap between two points: two snapshots of the live initiatives and the initiative
 * events recorded between them. Pure: no database, no clock.
 *
 * Semantics:
 * - added: live at `to`, not at `from` (created, or restored from the trash, in between);
 * - removed: live at `from`, not at `to` (moved to the trash in between — an initiative trashed after
 *   the baseline is removed, even though it can still be restored);
 * - changes: an initiative live at both points whose roadmap fields differ, one entry per field;
 * - attribution: the last event between the points that set the field (or the initiative's presence)
 *   to its value at `to`; null when no event in the window did (the window is bounded: the newest
 *   events are read, so a change older than the window is reported without a name).
 */
import { type Changes, sameValue } from './changes.ts';

/** An initiative's roadmap fields, as a baseline keeps them. */
export interface BaselineInitiative {
  id: string;
  title: string;
  themeId: string | null;
  horizon: string;
  startDate: string | null;
  targetDate: string | null;
  confidence: string;
  status: string;
  visibility: string;
}

/** The fields compared, in the order a diff lists them. */
export const DIFF_FIELDS = [
  'horizon',
  'startDate',
  'targetDate',
  'confidence',
  'status',
  'title',
  'themeId',
  'visibility',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

/** How a field's change reads on the roadmap. */
export type ChangeKind = 'moved' | 'dates' | 'confidence' | 'status' | 'title' | 'theme' | 'visibility';

const KIND: Record<DiffField, ChangeKind> = {
  horizon: 'moved',
  startDate: 'dates',
  targetDate: 'dates',
  confidence: 'confidence',
  status: 'status',
  title: 'title',
  themeId: 'theme',
  visibility: 'visibility',
};

/** One initiative event, as read from the log. */
export interface InitiativeEvent {
  id: number;
  entityId: string;
  at: string;
  actorId: string | null;
  action: string;
  changes: Changes;
}

/** Who made a change, and when. */
export interface Attribution {
  eventId: number;
  actorId: string | null;
  at: string;
}

export interface FieldChange {
  initiativeId: string;
  /** The initiative's title at `to`. */
  title: string;
  field: DiffField;
  kind: ChangeKind;
  before: string | null;
  after: string | null;
  by: Attribution | null;
}

export interface RoadmapDiff {
  added: { initiative: BaselineInitiative; by: Attribution | null }[];
  removed: { initiative: BaselineInitiative; by: Attribution | null }[];
  changes: FieldChange[];
}

const attribution = (event: InitiativeEvent): Attribution => ({
  eventId: event.id,
  actorId: event.actorId,
  at: event.at,
});

/** The events of each initiative, newest first. */
function byInitiative(events: readonly InitiativeEvent[]): Map<string, InitiativeEvent[]> {
  const sorted = [...events].sort((a, b) => b.id - a.id);
  const map = new Map<string, InitiativeEvent[]>();
  for (const event of sorted) {
    const list = map.get(event.entityId);
    if (list) list.push(event);
    else map.set(event.entityId, [event]);
  }
  return map;
}

/** The newest of `events` that set `field` to `value`. */
function lastSetting(events: readonly InitiativeEvent[], field: string, value: unknown): Attribution | null {
  for (const event of events) {
    const change = event.changes[field];
    if (change && sameValue(change[1] ?? null, value)) return attribution(event);
  }
  return null;
}

function lastAction(events: readonly InitiativeEvent[], actions: readonly string[]): Attribution | null {
  const event = events.find((e) => actions.includes(e.action));
  return event ? attribution(event) : null;
}

/** The diff from snapshot `from` to snapshot `to`, attributed from `events` (those in between). */
export function roadmapDiff(
  from: readonly BaselineInitiative[],
  to: readonly BaselineInitiative[],
  events: readonly InitiativeEvent[],
): RoadmapDiff {
  const history = byInitiative(events);
  const before = new Map(from.map((i) => [i.id, i]));
  const after = new Map(to.map((i) => [i.id, i]));
  const diff: RoadmapDiff = { added: [], removed: [], changes: [] };
  for (const initiative of to) {
    const prior = before.get(initiative.id);
    const own = history.get(initiative.id) ?? [];
    if (!prior) {
      diff.added.push({ initiative, by: lastAction(own, ['created', 'restored']) });
      continue;
    }
    for (const field of DIFF_FIELDS) {
      const old = prior[field] ?? null;
      const now = initiative[field] ?? null;
      if (old === now) continue;
      diff.changes.push({
        initiativeId: initiative.id,
        title: initiative.title,
        field,
        kind: KIND[field],
        before: old,
        after: now,
        by: lastSetting(own, field, now),
      });
    }
  }
  for (const initiative of from) {
    if (after.has(initiative.id)) continue;
    diff.removed.push({ initiative, by: lastAction(history.get(initiative.id) ?? [], ['deleted']) });
  }
  return diff;
}

/** True when the diff holds no change at all. */
export function isEmptyDiff(diff: RoadmapDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changes.length === 0;
}
