/**
 * The backlog's filters, kept in the URL. Choosing a filter is a navigation (back undoes it); typing in the
 * text filter filters at once and replaces the URL shortly after, so a word typed is not a history entry.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type BacklogFilters, NO_FILTERS, readFilters, writeFilters } from './backlog-filters.ts';

/** How long typing pauses before the URL follows (the list itself never waits). */
const URL_DELAY_MS = 150;

export interface FilterControls {
  filters: BacklogFilters;
  /** Sets some filters (a navigation; the text filter is left as typed). */
  set: (changes: Partial<Omit<BacklogFilters, 'q'>>) => void;
  /** Sets the text filter: the list follows now, the URL in a moment. */
  setQuery: (q: string) => void;
  clear: () => void;
  /** Sets every filter at once, the text and the sort included; with a view's id, that view applied. */
  apply: (filters: BacklogFilters, viewId?: string | null) => void;
  /** The saved view last applied (`?view=`), or null. */
  viewId: string | null;
}

export function useBacklogFilters(): FilterControls {
  const [params, setParams] = useSearchParams();
  const fromUrl = useMemo(() => readFilters(params), [params]);
  const [q, setQ] = useState(fromUrl.q);
  // The text last written to (or read from) the URL: a different one in the URL came from back/forward.
  const urlQuery = useRef(fromUrl.q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const setParamsRef = useRef(setParams);
  setParamsRef.current = setParams;

  useEffect(() => {
    if (fromUrl.q === urlQuery.current) return;
    urlQuery.current = fromUrl.q;
    clearTimeout(timer.current);
    setQ(fromUrl.q);
  }, [fromUrl.q]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const setQuery = useCallback((next: string) => {
    setQ(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      urlQuery.current = next;
      setParamsRef.current((current) => writeFilters(current, { q: next }), { replace: true });
    }, URL_DELAY_MS);
  }, []);

  const set = useCallback((changes: Partial<Omit<BacklogFilters, 'q'>>) => {
    setParamsRef.current((current) => writeFilters(current, changes));
  }, []);

  const apply = useCallback((next: BacklogFilters, viewId: string | null = null) => {
    clearTimeout(timer.current);
    urlQuery.current = next.q;
    setQ(next.q);
    setParamsRef.current((current) => {
      const written = writeFilters(current, next);
      if (viewId) written.set('view', viewId);
      else written.delete('view');
      return written;
    });
  }, []);
  const clear = useCallback(() => apply(NO_FILTERS), [apply]);

  const filters = useMemo(() => ({ ...fromUrl, q }), [fromUrl, q]);
  return { filters, set, setQuery, clear, apply, viewId: params.get('view') || null };
}
