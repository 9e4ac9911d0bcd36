/** The grooming report's figures in words: backlog depth, when the backlog was last refined, list counts. */
import type { GroomingReportT } from '../../api/analysis.ts';
import { formatInstantDay } from '../../components/dates.ts';
import { formatPoints } from '../sprints/sprint-numbers.ts';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatPoints(count)} ${count === 1 ? one : many}`;
}

/** "3.5 sprints of ready work at 20 points a sprint", or what there is without a velocity. */
export function depthText(depth: GroomingReportT['depth']): string {
  if (depth.readyItems === 0) return 'No ready work beyond the active sprint';
  if (depth.sprints === null || depth.velocity === null) {
    return `${plural(depth.readyPoints, 'point')} of ready work; no velocity yet to count it in sprints`;
  }
  return `${plural(depth.sprints, 'sprint')} of ready work at ${plural(depth.velocity, 'point')} a sprint`;
}

/** "7 items, 70 points" of the ready work. */
export function depthDetail(depth: GroomingReportT['depth']): string {
  return `${plural(depth.readyItems, 'item')}, ${plural(depth.readyPoints, 'point')}`;
}

/** "Last refined: 14 May 2025" (the newest edit of an estimate, criteria or a story), or never. */
export function lastRefinedText(lastRefinedAt: string | null): string {
  return `Last refined: ${lastRefinedAt === null ? 'never' : formatInstantDay(lastRefinedAt)}`;
}

/** A list's count; "200 of 340" when the report names only the first ones. */
export function countText(shown: number, total: number): string {
  return shown < total ? `${shown.toLocaleString('en')} of ${total.toLocaleString('en')}` : String(total);
}

/** "3 pts", "1 pt", or "no estimate". */
export function estimateText(estimate: number | null): string {
  if (estimate === null) return 'no estimate';
  return `${formatPoints(estimate)} ${estimate === 1 ? 'pt' : 'pts'}`;
}

/** A duplicate pair's similarity as a percentage. */
export function scoreText(score: number): string {
  return `${Math.round(score * 100)} % alike`;
}
