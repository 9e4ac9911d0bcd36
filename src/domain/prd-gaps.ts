/**
 * A PRD's gaps: requirements no live backlog item delivers (none linked, or every linked item trashed or
 * gone), and success metrics never measured. Pure: the caller passes which linked items are live.
 */

export interface GapRequirement {
  id: string;
  text: string;
  itemIds: readonly string[];
}

export interface GapMetric {
  name: string;
  measured: string | null;
}

export interface PrdGapReport {
  unlinkedRequirements: { id: string; text: string }[];
  unmeasuredMetrics: { name: string }[];
}

/** A metric counts as measured once its measured value holds something besides spaces. */
export function isMeasured(metric: GapMetric): boolean {
  return metric.measured !== null && metric.measured.trim() !== '';
}

export function prdGaps(
  prd: { requirements: readonly GapRequirement[]; successMetrics: readonly GapMetric[] },
  liveItemIds: ReadonlySet<string>,
): PrdGapReport {
  return {
    unlinkedRequirements: prd.requirements
      .filter((requirement) => !requirement.itemIds.some((id) => liveItemIds.has(id)))
      .map(({ id, text }) => ({ id, text })),
    unmeasuredMetrics: prd.successMetrics.filter((m) => !isMeasured(m)).map(({ name }) => ({ name })),
  };
}
