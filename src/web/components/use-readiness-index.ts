/**
 * The product's readiness report as an index by item id. Built once per report, however many screens and
 * panels read it at once (the backlog and the item panel over it): a 20,000-item report is indexed once,
 * and a row or a panel looks its item up instead of asking the server.
 */
import type { ReadinessReportT } from '../api/analysis.ts';
import { useReadiness } from '../state/use-analysis.ts';
import { indexReadiness, type Readiness } from './readiness.ts';

const built = new WeakMap<ReadinessReportT, ReadonlyMap<string, Readiness>>();
const NONE: ReadonlyMap<string, Readiness> = new Map();

/** Readiness by item id; empty until the first report arrives. `enabled` false: no report is read. */
export function useReadinessIndex(productId: string, enabled = true): ReadonlyMap<string, Readiness> {
  const { data } = useReadiness(productId, enabled);
  if (!data || !enabled) return NONE;
  let index = built.get(data);
  if (!index) {
    index = indexReadiness(data);
    built.set(data, index);
  }
  return index;
}
