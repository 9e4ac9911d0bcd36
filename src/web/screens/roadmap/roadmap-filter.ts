/**
 * Which initiatives the roadmap views show, kept in the URL (?status=…&confidence=…) so a reload or a shared
 * link shows the same roadmap. Done and dropped initiatives are hidden unless asked for.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_ROADMAP_STATUSES } from '../../../presenters/plan-labels.ts';
import type { ConfidenceT, InitiativeStatusT, InitiativeT } from '../../api/types.ts';
import { CONFIDENCES } from '../../api/types.ts';
import { INITIATIVE_STATUSES } from './initiative-text.ts';

export interface RoadmapFilter {
  statuses: ReadonlySet<InitiativeStatusT>;
  confidences: ReadonlySet<ConfidenceT>;
}

const DEFAULT_STATUSES: readonly InitiativeStatusT[] = DEFAULT_ROADMAP_STATUSES;

function parseList<T extends string>(
  raw: string | null,
  allowed: readonly T[],
  fallback: readonly T[],
): Set<T> {
  if (raw === null) return new Set(fallback);
  return new Set(allowed.filter((value) => raw.split(',').includes(value)));
}

/** The "everything" and "default" choices are left out of the URL, so the plain address stays plain. */
function writeList<T extends string>(values: ReadonlySet<T>, allowed: readonly T[], fallback: readonly T[]) {
  const list = allowed.filter((value) => values.has(value));
  const same = list.length === fallback.length && fallback.every((value) => values.has(value));
  return same ? null : list.join(',');
}

export function matchesFilter(initiative: InitiativeT, filter: RoadmapFilter): boolean {
  return filter.statuses.has(initiative.status) && filter.confidences.has(initiative.confidence);
}

/** The filter from the URL, and a setter that replaces the URL (no history entry per checkbox). */
export function useRoadmapFilter(): [RoadmapFilter, (next: RoadmapFilter) => void] {
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const confidenceParam = params.get('confidence');
  const filter = useMemo(
    () => ({
      statuses: parseList(statusParam, INITIATIVE_STATUSES, DEFAULT_STATUSES),
      confidences: parseList(confidenceParam, CONFIDENCES, CONFIDENCES),
    }),
    [statusParam, confidenceParam],
  );
  const setFilter = useCallback(
    (next: RoadmapFilter) => {
      setParams(
        (current) => {
          const result = new URLSearchParams(current);
          const status = writeList(next.statuses, INITIATIVE_STATUSES, DEFAULT_STATUSES);
          const confidence = writeList(next.confidences, CONFIDENCES, CONFIDENCES);
          if (status === null) result.delete('status');
          else result.set('status', status);
          if (confidence === null) result.delete('confidence');
          else result.set('confidence', confidence);
          return result;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [filter, setFilter];
}
