/**
 * Plans the demo team's sprints over the simulated history: two-week sprints, each planned with the items
 * the team starts in it (those written later join after the start, as real scope changes), started, and
 * closed with unfinished work carried into the next sprint. The current sprint is active; the next one is
 * planned with the top ready items. Pure: the item steps in, sprint steps out.
 */
import type { Step } from './demo-history.ts';

export const SPRINT_DAYS = 14;
/** Sprints start on these days (from today); the last one is running now. */
const FIRST_SPRINT = -105;
const NEXT_POINTS = 40;

export const SPRINT_GOALS = [
  'Ship the one-page checkout behind a flag',
  'Wallet buttons on every device',
  'Retry declined payments automatically',
  'Prices in the shopper’s currency',
  'Address lookup in the Netherlands and Belgium',
  'Fewer abandoned 3-D Secure challenges',
  'VAT-correct invoices for Germany',
  'Faster basket on slow phones',
  'Saved cards, safely',
];

export type SprintStep = { day: number } & (
  | { kind: 'team.create' }
  | { kind: 'sprint.create'; sprint: number; startDay: number }
  | { kind: 'sprint.plan'; sprint: number; item: number }
  | { kind: 'sprint.start'; sprint: number }
  | { kind: 'sprint.close'; sprint: number; next: number }
);

interface ItemDays {
  created?: number;
  start?: number;
  ready?: number;
  done?: number;
  estimate: number | null;
}

function itemDays(steps: Step[]): Map<number, ItemDays> {
  const days = new Map<number, ItemDays>();
  for (const step of steps) {
    if (step.kind === 'item.create') days.set(step.item, { created: step.day, estimate: step.estimate });
    if (step.kind !== 'item.update') continue;
    const item = days.get(step.item);
    if (!item) continue;
    if (step.patch.estimate !== undefined) item.estimate = step.patch.estimate;
    if (step.patch.status === 'ready') item.ready ??= step.day;
    if (step.patch.status === 'in_progress') item.start ??= step.day;
    if (step.patch.status === 'done' || step.patch.status === 'wont_do') item.done ??= step.day;
  }
  return days;
}

/** The sprint steps, given the history's steps (all before today). */
export function planSprints(steps: Step[], historyStart: number): SprintStep[] {
  const out: SprintStep[] = [{ day: historyStart + 0.5, kind: 'team.create' }];
  const starts: number[] = [];
  for (let day = FIRST_SPRINT; day < 0; day += SPRINT_DAYS) starts.push(day);
  const days = itemDays(steps);
  const carried = new Set<number>();

  for (const [sprint, startDay] of starts.entries()) {
    const endDay = startDay + SPRINT_DAYS;
    out.push({ day: startDay - 2 + 0.5, kind: 'sprint.create', sprint, startDay });
    for (const [item, d] of days) {
      if (d.start === undefined || d.start < startDay || d.start >= endDay || carried.has(item)) continue;
      // Written before the sprint began: planned in; written later: added once it is picked up.
      const day = (d.created ?? 0) < startDay ? startDay + 0.01 : d.start - 0.005;
      out.push({ day, kind: 'sprint.plan', sprint, item });
      if (d.done === undefined || d.done >= endDay) carried.add(item);
    }
    out.push({ day: startDay + 0.02, kind: 'sprint.start', sprint });
    if (endDay <= 0) {
      out.push({ day: endDay - 1 + 0.95, kind: 'sprint.close', sprint, next: sprint + 1 });
      // Leftovers moved into the next sprint by the close are not planned into it again.
      for (const item of [...carried]) {
        const d = days.get(item);
        if (d?.done !== undefined && d.done < endDay) carried.delete(item);
      }
    }
  }

  // The next sprint: created and planned yesterday with the top ready items, up to its capacity.
  const next = starts.length;
  const nextStart = (starts.at(-1) ?? FIRST_SPRINT) + SPRINT_DAYS;
  out.push({ day: -1 + 0.3, kind: 'sprint.create', sprint: next, startDay: nextStart });
  let points = 0;
  for (const [item, d] of days) {
    if (d.ready === undefined || d.start !== undefined || d.done !== undefined || carried.has(item)) continue;
    if (points + (d.estimate ?? 0) > NEXT_POINTS) continue;
    points += d.estimate ?? 0;
    out.push({ day: -1 + 0.4, kind: 'sprint.plan', sprint: next, item });
  }
  return out.sort((a, b) => a.day - b.day);
}
