/**
 * Reads one chart's numbers and keeps them while a newer read is on its way (a refresh never blanks the
 * chart). `key` names what to read; a change of `refreshKey` reads it again.
 */
import { useEffect, useState } from 'react';
import { type ChartSource, fetchChart } from '../api/charts.ts';
import { ApiError } from '../api/client.ts';

export interface ChartRead<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
}

export function useChart<T>(source: ChartSource<T> | null, refreshKey = 0): ChartRead<T> {
  const [state, setState] = useState<ChartRead<T>>({ data: null, loading: true, error: null });
  const key = source ? source.path + JSON.stringify(source.params) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `source` (a new object each render)
  useEffect(() => {
    if (!source) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    fetchChart(source, controller.signal).then(
      (data) => setState({ data, loading: false, error: null }),
      (error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        const message = error instanceof ApiError ? error.fieldMessage : (error as Error).message;
        setState((previous) => ({ ...previous, loading: false, error: message }));
      },
    );
    return () => controller.abort();
  }, [key, refreshKey]);
  return state;
}
