/**
 * One sprint's detail (GET /sprints/{id}: points, velocity, not-ready reasons), refetched — debounced — when
 * the live stream says the sprint or one of its items changed. `refreshKey` counts the answers, so charts
 * drawn from the same events (the burndown) refetch with it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/client.ts';
import { type SprintDetailT, sprintsApi } from '../../api/execution.ts';
import type { EventT } from '../../api/types.ts';
import type { ProductStore } from '../../state/product-store.ts';

const DEBOUNCE_MS = 300;
/** Readiness depends on dependencies too: a blocker finishing makes an item ready. */
const DEPENDENCY_EVENTS = new Set(['dependency', 'external_dependency']);

export interface SprintDetailState {
  detail: SprintDetailT | null;
  error: ApiError | Error | null;
  reload: () => void;
  refreshKey: number;
}

/** True when the event may change what GET /sprints/{id} says. */
function touchesSprint(
  event: EventT,
  entity: unknown,
  sprintId: string,
  itemIds: ReadonlySet<string>,
): boolean {
  if (event.entityType === 'sprint') return event.entityId === sprintId;
  if (DEPENDENCY_EVENTS.has(event.entityType)) return itemIds.size > 0;
  if (event.entityType !== 'item') return false;
  if (itemIds.has(event.entityId)) return true;
  if ((entity as { sprintId?: string | null } | null)?.sprintId === sprintId) return true;
  return event.changes.sprintId?.includes(sprintId) ?? false;
}

export function useSprintDetail(store: ProductStore, sprintId: string): SprintDetailState {
  const [detail, setDetail] = useState<SprintDetailT | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const itemIds = useRef<Set<string>>(new Set());
  const inFlight = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    sprintsApi.detail(sprintId, controller.signal).then(
      (next) => {
        if (controller.signal.aborted) return;
        itemIds.current = new Set(next.items.map((item) => item.id));
        setDetail(next);
        setError(null);
        setRefreshKey((key) => key + 1);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure as Error);
      },
    );
  }, [sprintId]);

  useEffect(() => {
    setDetail(null);
    setError(null);
    itemIds.current = new Set();
    reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = store.onEvent((event, entity) => {
      if (!touchesSprint(event, entity, sprintId, itemIds.current)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, DEBOUNCE_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
      inFlight.current?.abort();
    };
  }, [store, sprintId, reload]);

  // Until the new sprint's answer arrives, the previous sprint's must not show under the new address.
  return { detail: detail?.sprint.id === sprintId ? detail : null, error, reload, refreshKey };
}
