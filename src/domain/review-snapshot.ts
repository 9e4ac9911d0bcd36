/**
 * The figures a monthly strategic review is held over, kept with its decisions so later reviews can be
 * compared with it: alignment, forecasts, blockers and the roadmap changes since the previous review.
 * Pure: built from reports the caller computed.
 */
import type { Alignment, RoadmapChange } from './alignment.ts';
import { isOpen, type PlanningModel } from './planning-model.ts';
import type { ProductForecast } from './product-forecast.ts';

/** Changes a snapshot keeps at most (the newest). */
export const MAX_SNAPSHOT_CHANGES = 200;

export interface ReviewSnapshot {
  alignment: {
    openItems: number;
    openPoints: number;
    linkedItemShare: number;
    linkedPointShare: number;
    orphanItems: number;
    initiativesWithoutWork: number;
    drift: Record<string, number>;
  };
  forecast: {
    initiativeId: string;
    title: string;
    targetDate: string | null;
    status: string;
    p50: string | null;
    p85: string | null;
    probabilityOnTime: number | null;
    atRisk: boolean;
  }[];
  blockers: { blockedItems: number; overdueExternals: number; unmetExternals: number };
  changes: RoadmapChange[];
  changesTotal: number;
}

export function reviewSnapshot(
  model: PlanningModel,
  alignment: Alignment,
  forecast: ProductForecast,
  changes: readonly RoadmapChange[],
  today: string,
): ReviewSnapshot {
  const drift: Record<string, number> = {};
  for (const entry of alignment.drift) drift[entry.kind] = (drift[entry.kind] ?? 0) + 1;
  const open = new Map(model.items.filter(isOpen).map((item) => [item.id, item]));
  const blocked = new Set<string>();
  for (const edge of model.dependencies) {
    if (open.has(edge.from) && open.has(edge.to)) blocked.add(edge.to);
  }
  let overdue = 0;
  let unmet = 0;
  for (const external of model.externals) {
    if (external.met || !open.has(external.itemId)) continue;
    unmet += 1;
    blocked.add(external.itemId);
    if (external.expectedDate !== null && external.expectedDate < today) overdue += 1;
  }
  return {
    alignment: {
      openItems: alignment.coverage.total.items,
      openPoints: alignment.coverage.total.points,
      linkedItemShare: alignment.coverage.linked.itemShare,
      linkedPointShare: alignment.coverage.linked.pointShare,
      orphanItems: alignment.orphanTotal,
      initiativesWithoutWork: alignment.initiativesWithoutWork.length,
      drift,
    },
    forecast: forecast.initiatives.map((i) => ({
      initiativeId: i.id,
      title: i.title,
      targetDate: i.targetDate,
      status: i.status,
      p50: i.p50,
      p85: i.p85,
      probabilityOnTime: i.probabilityOnTime,
      atRisk: i.atRisk,
    })),
    blockers: { blockedItems: blocked.size, overdueExternals: overdue, unmetExternals: unmet },
    changes: changes.slice(-MAX_SNAPSHOT_CHANGES),
    changesTotal: changes.length,
  };
}
