/**
 * Applying the sequencing suggestion: one request with the suggestion's ETag, so a backlog that changed
 * since it was read is not reordered blindly (412: nothing moved, the fresh suggestion is read instead).
 */
import { useCallback, useState } from 'react';
import { analysisApi, isStaleSequence } from '../../api/analysis.ts';
import { ApiError } from '../../api/client.ts';
import { useRefreshReports } from '../../state/use-analysis.ts';

export type ApplyOutcome =
  | { kind: 'applied'; moves: number }
  | { kind: 'stale' }
  | { kind: 'failed'; message: string };

export function useApplySequence(productId: string) {
  const refresh = useRefreshReports(productId);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ApplyOutcome | null>(null);

  const apply = useCallback(
    async (etag: string) => {
      setBusy(true);
      setOutcome(null);
      try {
        const applied = await analysisApi.applySequence(productId, etag);
        setOutcome({ kind: 'applied', moves: applied.applied });
      } catch (error) {
        if (isStaleSequence(error)) setOutcome({ kind: 'stale' });
        else {
          const message = error instanceof ApiError ? error.fieldMessage : (error as Error).message;
          setOutcome({ kind: 'failed', message });
        }
      } finally {
        setBusy(false);
        // The map and the suggestion both change with the backlog: read them again either way.
        refresh();
      }
    },
    [productId, refresh],
  );

  return { apply, busy, outcome, clear: useCallback(() => setOutcome(null), []) };
}
