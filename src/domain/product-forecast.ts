/**
 * A product's forecast: each open initiative and planned release, from the product's plan and the days its
 * items were completed. Builds what domain/forecast.ts reads:
 * - streams: an item in a sprint of a team is that team's work; everything else is the product's. The
 *   product's history holds every completion (a team's too), so work without a team is forecast at the
 *   product's whole pace, and a team's at its own;
 * - the work order: the open items in the dependency-respecting sequence (domain/sequence.ts), so an item
 *   waits for its blockers;
 * - at risk: the 85 % date falls after the target date.
 */
import {
  type Completion,
  type ForecastResult,
  type ForecastUnit,
  forecast,
  type QueuedItem,
  type TargetForecast,
} from './forecast.ts';
import { isOpen, type PlanningModel } from './planning-model.ts';
import { teamsOfItems } from './readiness-report.ts';
import { sequenceBacklog } from './sequence.ts';

/** The stream of work without a team. */
export const PRODUCT_STREAM = 'product';

/** When an item that is done now was last completed (from its events), and the team it was done in. */
export interface CompletedItem {
  itemId: string;
  day: string;
}

export interface TargetOutlook extends TargetForecast {
  title: string;
  targetDate: string | null;
  /** The 85 % date is after the target date (or not within 3 years while there is one). */
  atRisk: boolean;
}

export interface ProductForecast extends Omit<ForecastResult, 'targets'> {
  initiatives: TargetOutlook[];
  releases: TargetOutlook[];
}

function outlook(result: TargetForecast, title: string, targetDate: string | null): TargetOutlook {
  const late =
    targetDate !== null &&
    result.status === 'forecast' &&
    (result.p85 === null ? result.beyondHorizon : result.p85 > targetDate);
  return { ...result, title, targetDate, atRisk: late };
}

export function productForecast(
  model: PlanningModel,
  completed: readonly CompletedItem[],
  options: { today: string; unit?: ForecastUnit; trials?: number },
): ProductForecast {
  const teamOf = teamsOfItems(model);
  const items = new Map(model.items.map((item) => [item.id, item]));
  const completions: Completion[] = [];
  for (const done of completed) {
    const item = items.get(done.itemId);
    if (item?.status !== 'done') continue;
    const points = item.estimate;
    completions.push({ day: done.day, points, streamId: PRODUCT_STREAM });
    const team = teamOf(item);
    if (team !== null) completions.push({ day: done.day, points, streamId: team });
  }

  const open = model.items.filter(isOpen);
  const ids = new Set(open.map((item) => item.id));
  const { order } = sequenceBacklog(
    open.map((item) => ({ id: item.id, rank: item.rank })),
    model.dependencies.filter((edge) => ids.has(edge.from) && ids.has(edge.to)),
  );
  const queue: QueuedItem[] = order.map((id) => {
    const item = items.get(id);
    return { itemId: id, streamId: (item && teamOf(item)) ?? PRODUCT_STREAM, points: item?.estimate ?? null };
  });

  const byInitiative = new Map<string, string[]>();
  const byRelease = new Map<string, string[]>();
  for (const item of model.items) {
    const push = (map: Map<string, string[]>, key: string | null) => {
      if (key === null) return;
      const list = map.get(key);
      if (list) list.push(item.id);
      else map.set(key, [item.id]);
    };
    push(byInitiative, item.initiativeId);
    push(byRelease, item.releaseId);
  }
  const initiatives = model.initiatives.filter((i) => i.status !== 'done' && i.status !== 'dropped');
  const releases = model.releases.filter((r) => r.state === 'planned');
  const targets = [
    ...initiatives.map((i) => ({
      id: i.id,
      targetDate: i.targetDate,
      itemIds: byInitiative.get(i.id) ?? [],
    })),
    ...releases.map((r) => ({ id: r.id, targetDate: r.targetDate, itemIds: byRelease.get(r.id) ?? [] })),
  ];
  const { targets: results, ...rest } = forecast(completions, queue, targets, options);
  return {
    ...rest,
    initiatives: initiatives.map((i, index) =>
      outlook(results[index] as TargetForecast, i.title, i.targetDate),
    ),
    releases: releases.map((r, index) =>
      outlook(results[initiatives.length + index] as TargetForecast, r.name, r.targetDate),
    ),
  };
}
