/**
 * Pivots: a change to a committed initiative (committed before the change) made after the product saved
 * a roadmap baseline, touching when or whether it ships. Such a change should be announced; one made
 * without an announcement is listed as unannounced. Pure: no database, no clock.
 */
import { type Changes, sameValue } from './changes.ts';
import type { BaselineInitiative, InitiativeEvent } from './roadmap-diff.ts';

/** The fields whose change to a committed initiative is a pivot. */
export const PIVOT_FIELDS = ['horizon', 'startDate', 'targetDate', 'confidence', 'status'] as const;

/** Whether `changes`, made to an initiative whose confidence was `confidenceBefore`, is a pivot. */
export function isPivot(confidenceBefore: unknown, changes: Changes): boolean {
  if (confidenceBefore !== 'committed') return false;
  return PIVOT_FIELDS.some((field) => {
    const change = changes[field];
    return change !== undefined && !sameValue(change[0] ?? null, change[1] ?? null);
  });
}

/** The pivot fields of `changes` alone. */
export function pivotChanges(changes: Changes): Changes {
  const out: Changes = {};
  for (const field of PIVOT_FIELDS) {
    const change = changes[field];
    if (change) out[field] = change;
  }
  return out;
}

export interface PivotEvent {
  eventId: number;
  initiativeId: string;
  at: string;
  actorId: string | null;
  changes: Changes;
}

/**
 * The pivots among `events` (those after the baseline, any order) that no announcement explains,
 * oldest first. The confidence each initiative had before an event is followed from the baseline's
 * snapshot through the events; an initiative whose confidence is unknown (not in the baseline, created
 * before the events read) counts as not committed.
 */
export function unannouncedPivots(
  baseline: readonly BaselineInitiative[],
  events: readonly InitiativeEvent[],
  announcedEventIds: ReadonlySet<number>,
): PivotEvent[] {
  const confidence = new Map<string, unknown>(baseline.map((i) => [i.id, i.confidence]));
  const pivots: PivotEvent[] = [];
  for (const event of [...events].sort((a, b) => a.id - b.id)) {
    const change = event.changes.confidence;
    const before = change ? change[0] : confidence.get(event.entityId);
    if (event.action === 'updated' && !announcedEventIds.has(event.id) && isPivot(before, event.changes)) {
      pivots.push({
        eventId: event.id,
        initiativeId: event.entityId,
        at: event.at,
        actorId: event.actorId,
        changes: event.changes,
      });
    }
    if (change) confidence.set(event.entityId, change[1]);
  }
  return pivots;
}
