/**
 * Which "blocks" links of an import become dependencies (pure): both ends must be items of the file or
 * items an earlier import linked; a pair Cairn has already is left; a link that would close a cycle is
 * skipped with the cycle named (Cairn's dependencies stay acyclic).
 */
import type { ImportBundle, ImportProblem } from '../../importers/bundle.ts';
import { findAnyCycle } from '../dependencies/import-dependencies.ts';
import type { ExistingState, PlannedItem } from './plan-import.ts';

export interface PlannedDependency {
  /** `blocker>blocked`, the external keys of the two items. */
  externalKey: string;
  blockerKey: string;
  blockedKey: string;
  action: 'create' | 'unchanged';
}

/** Cycles broken one link at a time, at most this many; a further cycle fails the import when written. */
const MAX_CYCLES_BROKEN = 20;

export function planDependencies(
  bundle: ImportBundle,
  items: readonly PlannedItem[],
  state: ExistingState,
  skipped: ImportProblem[],
): PlannedDependency[] {
  const idOf = new Map<string, string | null>();
  for (const item of items) idOf.set(item.externalKey, item.id);
  const planned: PlannedDependency[] = [];
  const seen = new Set<string>();
  for (const link of bundle.dependencies) {
    const externalKey = `${link.blockerKey}>${link.blockedKey}`;
    if (seen.has(externalKey)) continue;
    seen.add(externalKey);
    const missing = [link.blockerKey, link.blockedKey].find((key) => !idOf.has(key));
    if (missing !== undefined) {
      skipped.push({
        line: link.line,
        externalKey,
        reason: `the link names ${missing.slice(0, 100)}, which is not imported`,
      });
      continue;
    }
    if (link.blockerKey === link.blockedKey) {
      skipped.push({ line: link.line, externalKey, reason: 'the item blocks itself' });
      continue;
    }
    const blockerId = idOf.get(link.blockerKey) ?? null;
    const blockedId = idOf.get(link.blockedKey) ?? null;
    const exists =
      blockerId !== null && blockedId !== null && state.dependencies.has(`${blockerId} ${blockedId}`);
    planned.push({
      externalKey,
      blockerKey: link.blockerKey,
      blockedKey: link.blockedKey,
      action: exists ? 'unchanged' : 'create',
    });
  }
  return breakCycles(planned, items, state, skipped);
}

/** Drops the new links that close cycles (with the items' existing dependencies), each reported. */
function breakCycles(
  planned: PlannedDependency[],
  items: readonly PlannedItem[],
  state: ExistingState,
  skipped: ImportProblem[],
): PlannedDependency[] {
  const keyOfId = new Map<string, string>();
  for (const item of items) if (item.id !== null) keyOfId.set(item.id, item.externalKey);
  const existing: { from: string; to: string }[] = [];
  for (const pair of state.dependencies) {
    const [blocker = '', blocked = ''] = pair.split(' ');
    const from = keyOfId.get(blocker);
    const to = keyOfId.get(blocked);
    if (from !== undefined && to !== undefined) existing.push({ from, to });
  }
  let kept = planned;
  for (let round = 0; round < MAX_CYCLES_BROKEN; round++) {
    const created = kept.filter((d) => d.action === 'create');
    const cycle = findAnyCycle([
      ...existing,
      ...created.map((d) => ({ from: d.blockerKey, to: d.blockedKey })),
    ]);
    if (cycle === null) break;
    const closing = new Set<string>();
    for (let i = 0; i + 1 < cycle.length; i++) closing.add(`${cycle[i]}>${cycle[i + 1]}`);
    const dropped = created.findLast((d) => closing.has(d.externalKey));
    if (!dropped) break;
    skipped.push({
      line: null,
      externalKey: dropped.externalKey,
      reason: `the link would close a dependency cycle: ${cycle.slice(0, 20).join(' → ')}`,
    });
    kept = kept.filter((d) => d !== dropped);
  }
  return kept;
}
