/**
 * What the charts keep of each item event besides the log itself, so a first read after a server start
 * does not have to go through the whole history (see store/migrations/003-chart-projections.ts):
 *
 * - the replayed fields of the event (what item-replay.ts reads), in narrow rows kept together per item,
 *   for burndowns and sprint reports;
 * - how the event moved the item between a product's flow columns, counted per 15-minute slot, for the
 *   cumulative flow. Every time zone in use today is a whole number of 15-minute steps from UTC, so each
 *   slot falls inside one local day of any of them; a day boundary that does not fall on a slot edge
 *   (local mean time before 1900, say) is counted from the log instead.
 *
 * Both are written with the events, in the same transaction, and can be rebuilt from the log.
 */
import type { Changes } from './changes.ts';
import { emptyCounts, FLOW_STATUSES, type LocalDays } from './cumulative-flow.ts';
import type { Status } from './item-replay.ts';

export const SLOT_MS = 15 * 60_000;

/** The 15-minute slot an event time (an ISO string) falls in. */
export function slotOf(at: string): number {
  return Math.floor(Date.parse(at) / SLOT_MS);
}

/** Whether every local day of `days` begins and ends on a slot edge, so slots can be dated exactly. */
export function slotsAlign(days: LocalDays): boolean {
  if (days.start % SLOT_MS !== 0) return false;
  return days.rules.every(
    (rule) => rule.until % SLOT_MS === 0 && ('date' in rule || (rule.offsetSeconds * 1000) % SLOT_MS === 0),
  );
}

export interface FlowMove {
  /** The column the item left; null when it was not a live item (created, restored). */
  from: Status | null;
  /** The column it entered; null when it stopped being a live item (trashed). */
  to: Status | null;
}

const isFlowStatus = (value: unknown): value is Status => FLOW_STATUSES.includes(value as Status);

/**
 * How an item event moves the item between flow columns, or null when it does not. `changes` holds
 * [before, after] of the fields it changes (a creation has no status before); `currentStatus` is the
 * item's status when the event changes the trash but not the status (a trashed item cannot change
 * status, so otherwise the item is live before and after).
 */
export function flowMove(changes: Changes, currentStatus: Status | null): FlowMove | null {
  const status = changes.status;
  const trash = changes.deletedAt;
  if (!status && !trash) return null;
  const before = status ? status[0] : currentStatus;
  const after = status ? status[1] : currentStatus;
  const liveBefore = trash ? trash[0] === null : true;
  const liveAfter = trash ? trash[1] === null : true;
  const from = liveBefore && isFlowStatus(before) ? before : null;
  const to = liveAfter && isFlowStatus(after) ? after : null;
  return from === to ? null : { from, to };
}

/** The net change of each flow column in one slot. */
export type SlotCounts = Record<Status, number>;

/** Adds a move to the counts of its product and slot (`product|slot` → counts). */
export function countMove(
  slots: Map<string, { productId: string; slot: number; counts: SlotCounts }>,
  productId: string,
  at: string,
  move: FlowMove,
): void {
  const slot = slotOf(at);
  const key = `${productId}|${slot}`;
  let entry = slots.get(key);
  if (!entry) {
    entry = { productId, slot, counts: emptyCounts() };
    slots.set(key, entry);
  }
  if (move.from) entry.counts[move.from] -= 1;
  if (move.to) entry.counts[move.to] += 1;
}
