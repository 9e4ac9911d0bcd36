/**
 * Reads one chart's numbers through the query cache and keeps the last ones on screen while a newer read is
 * on its way (a refresh never blanks the chart). The live bridge (state/live-invalidation.ts) says when a
 * chart is stale: a sprint's burndown when its items change, the velocity when a sprint closes.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ChartSource, fetchChart } from '../api/charts.ts';
import { ApiError } from '../api/client.ts';
import { queryKeys } from '../state/query-keys.ts';
import { useStoreOnce } from '../state/use-store.ts';

export interface ChartRead<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
}

export function useChart<T>(source: ChartSource<T> | null): ChartRead<T> {
  const productId = useStoreOnce().product.id;
  const { data, isFetching, error } = useQuery({
    queryKey: source ? queryKeys.chart(productId, source) : ['product', productId, 'chart', null],
    queryFn: ({ signal }) => fetchChart(source as ChartSource<T>, signal),
    enabled: source !== null,
    // Another range or team shows the previous chart until its own numbers arrive.
    placeholderData: keepPreviousData,
  });
  const message = error ? (error instanceof ApiError ? error.fieldMessage : error.message) : null;
  return { data: data ?? null, loading: source === null || isFetching, error: message };
}
