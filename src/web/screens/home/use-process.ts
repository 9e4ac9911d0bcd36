/** The product's process profile and cadences through the query cache (the nav and the home read them). */
import { useQuery } from '@tanstack/react-query';
import { cadencesApi, type ProcessT } from '../../api/cadences.ts';
import { queryKeys } from '../../state/query-keys.ts';

/** The screens the nav shows, in order, for each leading screen name. */
export type LeadingScreenT = ProcessT['screens'][number];

/** What a product without a setting shows: the full profile's lead (the nav as it always was). */
export const FULL_SCREENS: LeadingScreenT[] = [
  'roadmap',
  'sprints',
  'health',
  'backlog',
  'board',
  'timeline',
  'releases',
  'vision',
];

export function useProcess(productId: string) {
  return useQuery({
    queryKey: queryKeys.process(productId),
    queryFn: () => cadencesApi.process(productId),
    staleTime: 60_000,
  });
}

export function useCadences(productId: string) {
  return useQuery({
    queryKey: queryKeys.cadences(productId),
    queryFn: () => cadencesApi.get(productId),
  });
}
