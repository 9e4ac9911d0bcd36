/**
 * The charts' numbers shaped for drawing and for reading aloud: rows per day or sprint, day labels, and the
 * one-sentence summaries that screen readers (and everyone skimming) get instead of the picture. Pure.
 */
import type {
  BurndownDayT,
  BurndownT,
  CumulativeFlowT,
  ScopeChangeT,
  VelocityChartT,
} from '../api/charts.ts';
import { ITEM_STATUSES, type ItemStatusT, STATUS_LABELS } from '../api/types.ts';
import { formatDayInChart, formatWeekday } from '../components/dates.ts';

/** Points as people write them: 3, 2.5, never 2.4999999. */
export function formatPoints(points: number): string {
  return String(Math.round(points * 10) / 10);
}

/** +3 / −2 (a true minus sign, read as "minus"). */
export function signed(points: number): string {
  if (points > 0) return `+${formatPoints(points)}`;
  if (points < 0) return `−${formatPoints(-points)}`;
  return '±0';
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatPoints(n)} ${n === 1 ? one : many}`;

// ---- burndown and burnup ------------------------------------------------------------------------------

/** One day of the burndown as drawn: removals below the axis so they read as scope going away. */
export interface BurndownRow extends BurndownDayT {
  removedBar: number;
}

export function burndownRows(burndown: BurndownT): BurndownRow[] {
  return burndown.days.map((day) => ({ ...day, removedBar: day.removed === 0 ? 0 : -day.removed }));
}

/** The days past the end date while the sprint stayed open, drawn shaded; null when there are none. */
export function afterEndSpan(days: readonly BurndownDayT[]): { from: string; to: string } | null {
  const first = days.findIndex((day) => day.afterEnd);
  if (first < 0) return null;
  const last = days.at(-1);
  // The shading starts at the last planned day, so that even one day after the end is a visible band.
  const from = days[first - 1]?.date ?? days[first]?.date;
  return from && last ? { from, to: last.date } : null;
}

/** The last day that has happened (days to come have no numbers yet). */
export function latestDay(days: readonly BurndownDayT[]): BurndownDayT | undefined {
  for (let i = days.length - 1; i >= 0; i -= 1) {
    const day = days[i];
    if (day && day.remaining !== null) return day;
  }
  return undefined;
}

const KIND_WORDS: Record<ScopeChangeT['kind'], string> = {
  added: 'added',
  removed: 'removed',
  reestimated: 're-estimated',
  reopened: 'reopened',
};

/** "+3 CHK-12 added Tue": why the line rose (or fell without work being done). */
export function scopeChangeText(change: ScopeChangeT): string {
  return `${signed(change.points)} ${change.key} ${KIND_WORDS[change.kind]} ${formatWeekday(change.date)}`;
}

export function scopeKindWord(kind: ScopeChangeT['kind']): string {
  return KIND_WORDS[kind];
}

/** "12 of 30 points remaining on Tue 14 May (ideal 10). Scope changed 3 times: …". */
export function burndownSummary(burndown: BurndownT): string {
  const day = latestDay(burndown.days);
  if (!day || day.scope === null) {
    return burndown.days.length === 0
      ? 'The sprint has no days to chart yet.'
      : `The sprint has not started: ${plural(burndown.committed, 'point')} planned.`;
  }
  let text = `${formatPoints(day.remaining ?? 0)} of ${plural(day.scope, 'point')} remaining on ${formatDayInChart(day.date)} (ideal ${formatPoints(day.ideal)}).`;
  if (day.afterEnd) text += ' The sprint is past its end date.';
  const changes = burndown.scopeChanges.length;
  if (changes > 0) {
    const net = burndown.scopeChanges.reduce((sum, change) => sum + change.points, 0);
    text += ` Scope changed ${changes === 1 ? 'once' : `${changes} times`} (net ${signed(net)} points).`;
  }
  return text;
}

/** "18 of 30 points done on Tue 14 May." */
export function burnupSummary(burndown: BurndownT): string {
  const day = latestDay(burndown.days);
  if (!day || day.done === null || day.scope === null) return 'Nothing done yet: the sprint has not started.';
  const start = burndown.days.find((d) => d.scope !== null)?.scope ?? day.scope;
  const grew = day.scope - start;
  const scope =
    grew === 0 ? '' : ` Scope ${grew > 0 ? 'grew' : 'shrank'} by ${plural(Math.abs(grew), 'point')}.`;
  return `${formatPoints(day.done)} of ${plural(day.scope, 'point')} done on ${formatDayInChart(day.date)}.${scope}`;
}

// ---- velocity ------------------------------------------------------------------------------------------

/** How many sprints the mean is taken over: the last 3, or fewer when there are fewer. */
export function meanSpan(chart: VelocityChartT): number {
  return Math.min(3, chart.sprints.length);
}

export function velocitySummary(chart: VelocityChartT): string {
  const count = chart.sprints.length;
  if (count === 0) return 'No closed sprints yet: velocity appears once a sprint is closed.';
  const last = chart.sprints.at(-1);
  let text = `${count === 1 ? 'One closed sprint' : `${count} closed sprints`}.`;
  if (last) {
    text += ` ${last.name}: ${formatPoints(last.completed)} of ${plural(last.committed, 'point')} completed.`;
  }
  if (chart.mean !== null) {
    const range =
      chart.min !== null && chart.max !== null
        ? ` (range ${formatPoints(chart.min)}–${formatPoints(chart.max)})`
        : '';
    text += ` Mean of the last ${meanSpan(chart)}: ${plural(chart.mean, 'point')}${range}.`;
  }
  return text;
}

// ---- cumulative flow -----------------------------------------------------------------------------------

/** The statuses the chart shows, in workflow order (the server's order, else the canonical one). */
export function flowStatuses(flow: CumulativeFlowT): ItemStatusT[] {
  const given = new Set(flow.statuses);
  return ITEM_STATUSES.filter((status) => given.has(status));
}

export type FlowRow = { date: string } & Partial<Record<ItemStatusT, number>>;

export function flowRows(flow: CumulativeFlowT): FlowRow[] {
  const statuses = flowStatuses(flow);
  return flow.days.map((day) => {
    const row: FlowRow = { date: day.date };
    for (const status of statuses) row[status] = day.counts[status] ?? 0;
    return row;
  });
}

/** "On Tue 14 May: 20 in Backlog, 4 in In progress, 12 in Done (36 items)." */
export function flowSummary(flow: CumulativeFlowT): string {
  const last = flow.days.at(-1);
  if (!last) return 'No days in this range.';
  const statuses = flowStatuses(flow);
  const total = statuses.reduce((sum, status) => sum + (last.counts[status] ?? 0), 0);
  if (total === 0) return `No items on ${formatDayInChart(last.date)}.`;
  const parts = statuses
    .filter((status) => (last.counts[status] ?? 0) > 0)
    .map((status) => `${last.counts[status]} ${STATUS_LABELS[status]}`);
  return `On ${formatDayInChart(last.date)}: ${parts.join(', ')} (${plural(total, 'item')}).`;
}

// ---- files ---------------------------------------------------------------------------------------------

/** A file name part from free text: "Sprint 4 / Payments" → "sprint-4-payments". */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'chart'
  );
}
