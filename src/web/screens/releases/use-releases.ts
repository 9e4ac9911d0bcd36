/**
 * The releases the screens show, read from the API and read again (debounced) when the live stream says a
 * release changed, or an item joined, left or changed inside one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { getRelease, listReleases, type ReleaseDetailT, type ReleaseT } from '../../api/releases.ts';
import type { EventT } from '../../api/types.ts';
import type { ProductStore } from '../../state/product-store.ts';

const REFRESH_DELAY_MS = 250;

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.fieldMessage : (error as Error).message;
}

/** Whether a live event may change what a release shows (its fields, its items, their counts). */
function touchesReleases(event: EventT, entity: unknown, releaseId?: string): boolean {
  if (event.entityType === 'release') return !releaseId || event.entityId === releaseId;
  if (event.entityType !== 'item') return false;
  const moved = event.changes.releaseId;
  if (moved) return !releaseId || moved[0] === releaseId || moved[1] === releaseId;
  const now = (entity as { releaseId?: string | null } | null)?.releaseId;
  return releaseId ? now === releaseId : Boolean(now);
}

/** Calls `refresh` shortly after each burst of live events that concern the release(s). */
function useLiveRefresh(store: ProductStore, refresh: () => void, releaseId?: string): void {
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = store.onEvent((event, entity) => {
      if (!touchesReleases(event, entity, releaseId)) return;
      clearTimeout(timer);
      timer = setTimeout(() => refreshRef.current(), REFRESH_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [store, releaseId]);
}

export function useReleaseList(store: ProductStore) {
  const [releases, setReleases] = useState<ReleaseT[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const productId = store.product.id;
  const reload = useCallback(() => {
    listReleases(productId).then(
      (list) => {
        setReleases(list);
        setError(null);
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  }, [productId]);
  useEffect(reload, [reload]);
  useLiveRefresh(store, reload);
  return { releases, error, reload };
}

export function useReleaseDetail(store: ProductStore, id: string) {
  const [detail, setDetail] = useState<ReleaseDetailT | null>(null);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const reload = useCallback(() => {
    getRelease(id).then(
      (release) => {
        setDetail(release);
        setError(null);
      },
      (failure: unknown) =>
        setError({ status: failure instanceof ApiError ? failure.status : 0, message: messageOf(failure) }),
    );
  }, [id]);
  useEffect(() => {
    setDetail(null);
    reload();
  }, [reload]);
  useLiveRefresh(store, reload, id);
  /** Takes a release the server answered with (fields only: the items stay until the next read). */
  const accept = useCallback((release: ReleaseT) => {
    setDetail((current) =>
      current && current.id === release.id && current.version <= release.version
        ? { ...current, ...release }
        : current,
    );
  }, []);
  return { detail, error, reload, accept };
}
