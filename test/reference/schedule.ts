/** When the random histories' sprints start and close, and when their item events happen. */
import type { Random } from './prng.ts';
import { addDays, localDate, localMidnight } from './zoned-days.ts';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** When a sprint starts, relative to the first instant of its start date. */
export function startTime(random: Random, startMidnight: number): number {
  return random.weighted<number>([
    [startMidnight + random.int(7 * HOUR, 11 * HOUR), 4],
    [startMidnight - 1, 1],
    [startMidnight, 1],
    [startMidnight + random.int(12 * HOUR, 20 * HOUR), 1],
    [startMidnight - random.int(2 * HOUR, 20 * HOUR), 1],
  ]);
}

/** When a sprint closes, relative to the first instant after its end date. */
export function closeTime(random: Random, endMidnight: number): number {
  return random.weighted<number>([
    [endMidnight - random.int(2 * HOUR, 8 * HOUR), 3],
    [endMidnight - 1, 1],
    [endMidnight, 1],
    [endMidnight + random.int(8 * HOUR, 30 * HOUR), 2],
    [endMidnight - 24 * HOUR - random.int(0, 6 * HOUR), 1],
  ]);
}

/** Event times in (from, to): mostly uniform, a quarter of them within a minute of a local midnight. */
export function eventTimes(
  random: Random,
  from: number,
  to: number,
  count: number,
  zones: string[],
): number[] {
  const times: number[] = [];
  const firstDate = localDate(from, 'UTC');
  const days = Math.ceil((to - from) / (24 * HOUR)) + 1;
  while (times.length < count) {
    if (random.chance(0.25)) {
      const date = addDays(firstDate, random.int(0, days));
      const midnight = localMidnight(date, random.pick(zones));
      times.push(midnight + random.pick([-MINUTE, -1000, -1, 0, 1, 999, MINUTE]));
    } else times.push(from + Math.floor(random.next() * (to - from)));
  }
  return times.filter((ms) => ms > from && ms < to);
}
