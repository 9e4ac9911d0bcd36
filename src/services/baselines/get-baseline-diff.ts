/**
 * The diff of a baseline against the roadmap now or against another baseline of the same product, with
 * who made each change and when. The two points are taken in the order of the log: against an older
 * baseline, the diff runs from that one to this one. Three bounded reads: the snapshots, the initiative
 * events between the points (the newest MAX_DIFF_EVENTS).
 */
import { type BaselineInitiative, type RoadmapDiff, roadmapDiff } from '../../domain/roadmap-diff.ts';
import type { ServiceContext } from '../context.ts';
import { invalidField } from '../errors.ts';
import { lastEventId } from '../events/event-cursor.ts';
import {
  type BaselineRow,
  initiativeEventsBetween,
  liveInitiatives,
  MAX_DIFF_EVENTS,
  snapshotOf,
} from './baseline-rows.ts';
import { loadBaseline } from './baselines.ts';

interface Point {
  baselineId: string | null;
  name: string | null;
  asOf: number;
}

export interface BaselineDiff extends RoadmapDiff {
  baselineId: string;
  against: string;
  from: Point;
  to: Point;
  truncated: boolean;
}

const pointOf = (row: BaselineRow): Point => ({
  baselineId: row.id,
  name: row.name,
  asOf: Number(row.as_of),
});

export async function getBaselineDiff(
  ctx: ServiceContext & { id: string; against: string },
): Promise<BaselineDiff> {
  const baseline = await loadBaseline(ctx.db, ctx, ctx.id);
  const productId = baseline.product_id;
  let from: Point = pointOf(baseline);
  let to: Point;
  let fromSnapshot = snapshotOf(baseline);
  let toSnapshot: BaselineInitiative[];
  if (ctx.against === 'now') {
    // The initiatives first, then the newest event: an event that lands in between is read (and only
    // names a change), never a change read without its event's window.
    toSnapshot = await liveInitiatives(ctx.db, productId);
    to = { baselineId: null, name: null, asOf: await lastEventId(ctx.db, productId) };
  } else {
    const other = await loadBaseline(ctx.db, ctx, ctx.against);
    if (other.product_id !== productId) throw invalidField('against', 'names a baseline of another product');
    to = pointOf(other);
    toSnapshot = snapshotOf(other);
    if (to.asOf < from.asOf) {
      [from, to] = [to, from];
      [fromSnapshot, toSnapshot] = [toSnapshot, fromSnapshot];
    }
  }
  const events = await initiativeEventsBetween(ctx.db, productId, from.asOf, to.asOf);
  return {
    baselineId: baseline.id,
    against: ctx.against,
    from,
    to,
    truncated: events.length >= MAX_DIFF_EVENTS,
    ...roadmapDiff(fromSnapshot, toSnapshot, events),
  };
}
