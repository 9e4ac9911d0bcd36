/** Tells the server a grooming session ended (its counts), so the backlog grooming cadence counts it. */
import { cadencesApi } from '../../api/cadences.ts';
import { notify } from '../../state/notices.ts';

export async function recordGroomingSession(
  productId: string,
  log: { seen: number; touched: readonly unknown[] },
): Promise<void> {
  try {
    await cadencesApi.recordGroomingSession(productId, { seen: log.seen, changed: log.touched.length });
  } catch (error) {
    notify({ kind: 'error', message: `The session was not recorded: ${(error as Error).message}` });
  }
}
