/**
 * The app's one query cache (TanStack Query): every read of the API a screen makes goes through it, and so
 * does the product's planning store (store-registry.ts). Logging out clears it all (`queryClient.clear()`).
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

/** Network failures (status 0) and server errors are tried again this many times; a 4xx never. */
const MAX_RETRIES = 1;

/** Whether a failed read is worth another try: the server refusing it (4xx) will refuse it again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (error instanceof ApiError) return error.status === 0 || error.status >= 500;
  return false;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The live stream invalidates what changed (live-invalidation.ts), so a held answer stays good for
        // a while; coming back to a screen shows it at once and refreshes it once it is this old.
        staleTime: 30_000,
        gcTime: 10 * 60_000,
        retry: shouldRetry,
        retryDelay: 500,
        // The live stream already tells us about changes; a focus refetch would add load for nothing.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** The one client, shared by React (QueryClientProvider in app.tsx) and the live stream's bridge. */
export const queryClient = createQueryClient();

/**
 * Forgets every held answer no screen shows right now (the product stores excepted). "Reload this screen"
 * after a screen failed to render calls it: the answer it could not draw is read again, not shown again.
 */
export function dropUnobserved(client: QueryClient): void {
  client.removeQueries({ type: 'inactive', predicate: (query) => query.queryKey[2] !== 'planning' });
}
