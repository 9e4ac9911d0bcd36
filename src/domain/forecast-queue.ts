/**
 * The open work a forecast must get through: each stream's queue in work order, and what each target
 * holds of it. The caller orders the queue (dependencies first); an item queued twice keeps its first
 * place, and an item a target lists twice counts once.
 */

import { estimateOf } from './forecast-history.ts';

/** An open item, in its stream's work order. */
export interface QueuedItem {
  itemId: string;
  streamId: string;
  points: number | null;
}

/** The open items, numbered in queue order (duplicates dropped): each one's stream, place and points. */
export interface OpenQueue {
  index: Map<string, number>;
  stream: Int32Array;
  /** 0-based place in its stream's queue. */
  position: Int32Array;
  /** The estimate, NaN without one. */
  points: Float64Array;
  /** Per stream, its items in work order (numbers into the arrays above). */
  streams: number[][];
}

/** Numbers the open items; an item queued twice keeps its first place. Fills `streamIds`. */
export function readQueue(queue: readonly QueuedItem[], streamIds: string[]): OpenQueue {
  const open: OpenQueue = {
    index: new Map(),
    stream: new Int32Array(queue.length),
    position: new Int32Array(queue.length),
    points: new Float64Array(queue.length),
    streams: [],
  };
  const streamIndex = new Map<string, number>();
  for (const item of queue) {
    if (open.index.has(item.itemId)) continue;
    let stream = streamIndex.get(item.streamId);
    if (stream === undefined) {
      stream = streamIds.length;
      streamIndex.set(item.streamId, stream);
      streamIds.push(item.streamId);
      open.streams.push([]);
    }
    const number = open.index.size;
    const items = open.streams[stream]!;
    open.index.set(item.itemId, number);
    open.stream[number] = stream;
    open.position[number] = items.length;
    open.points[number] = estimateOf(item.points) ?? Number.NaN;
    items.push(number);
  }
  return open;
}

/** Points through each item of a stream's queue; an unestimated item counts `meanPoints`. */
export function cumulativePoints(
  items: readonly number[],
  points: Float64Array,
  meanPoints: number,
): Float64Array {
  const through = new Float64Array(items.length);
  let sum = 0;
  items.forEach((item, position) => {
    const estimate = points[item]!;
    sum += Number.isNaN(estimate) ? meanPoints : estimate;
    through[position] = sum;
  });
  return through;
}

/** What a target holds of the open work. */
export interface OpenWork {
  remainingItems: number;
  /** Estimated points (unestimated items count 0 here). */
  remainingPoints: number;
  unestimatedItems: number;
  /** Per stream it touches (by index), the 0-based place of its last open item there. */
  last: Map<number, number>;
}

/**
 * The open work among `itemIds`. `seen` marks the items already counted for target `targetIndex` (an
 * item listed twice counts once), so no set is built per target.
 */
export function openWork(
  itemIds: readonly string[],
  targetIndex: number,
  open: OpenQueue,
  seen: Int32Array,
): OpenWork {
  const work: OpenWork = { remainingItems: 0, remainingPoints: 0, unestimatedItems: 0, last: new Map() };
  for (const itemId of itemIds) {
    const item = open.index.get(itemId);
    if (item === undefined || seen[item] === targetIndex) continue;
    seen[item] = targetIndex;
    const points = open.points[item]!;
    work.remainingItems += 1;
    if (Number.isNaN(points)) work.unestimatedItems += 1;
    else work.remainingPoints += points;
    const stream = open.stream[item]!;
    work.last.set(stream, Math.max(open.position[item]!, work.last.get(stream) ?? 0));
  }
  return work;
}
