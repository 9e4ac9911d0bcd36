/**
 * The computed reports on the plan through the query cache, one hook each. The live bridge marks them all
 * stale on any change to the plan (invalidation-rules.ts), so a screen showing one reads it again within
 * a second of a change; meanwhile it keeps showing the last answer.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { analysisApi } from '../api/analysis.ts';
import { type AnalysisName, queryKeys } from './query-keys.ts';

function useReport<T>(
  productId: string,
  name: AnalysisName,
  params: Record<string, unknown>,
  load: (signal: AbortSignal) => Promise<T>,
  enabled = true,
) {
  return useQuery({
    queryKey: queryKeys.report(productId, name, params),
    queryFn: ({ signal }) => load(signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useReadiness = (productId: string, enabled = true) =>
  useReport(productId, 'readiness', {}, (signal) => analysisApi.readiness(productId, signal), enabled);

export const useDefinitionOfReady = (productId: string) =>
  useReport(productId, 'definition-of-ready', {}, (signal) =>
    analysisApi.definitionOfReady(productId, signal),
  );

export const useGrooming = (productId: string, staleDays?: number) =>
  useReport(productId, 'grooming', { staleDays }, (signal) =>
    analysisApi.grooming(productId, staleDays, signal),
  );

export const useDependencyGraph = (productId: string, initiativeId?: string, enabled = true) =>
  useReport(
    productId,
    'dependency-graph',
    { initiativeId },
    (signal) => analysisApi.dependencyGraph(productId, initiativeId, signal),
    enabled,
  );

export const useSequence = (productId: string, enabled = true) =>
  useReport(productId, 'sequence', {}, (signal) => analysisApi.sequence(productId, signal), enabled);

export const useAlignment = (productId: string, enabled = true) =>
  useReport(productId, 'alignment', {}, (signal) => analysisApi.alignment(productId, signal), enabled);

export const useForecast = (productId: string, unit: 'items' | 'points' = 'items', enabled = true) =>
  useReport(
    productId,
    'forecast',
    { unit },
    (signal) => analysisApi.forecast(productId, unit, signal),
    enabled,
  );

export const useReviewFigures = (productId: string) =>
  useReport(productId, 'review-figures', {}, (signal) => analysisApi.reviewFigures(productId, signal));

export const useReviews = (productId: string) =>
  useReport(productId, 'reviews', {}, (signal) => analysisApi.reviews(productId, signal));

/** Marks every report stale (after a change made here, before the live event arrives). */
export function useRefreshReports(productId: string): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries({ queryKey: queryKeys.analysis(productId) });
  }, [client, productId]);
}
