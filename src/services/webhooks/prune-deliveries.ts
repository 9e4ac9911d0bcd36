/** Keeps the delivery log bounded: finished deliveries older than the retention period are removed. */
import type { Db } from '../../store/database.ts';

/** How long the log keeps a delivered or failed delivery. */
export const DELIVERY_RETENTION_DAYS = 30;
/** Rows removed per call, so one call stays short; the worker calls it again later. */
const ROWS_PER_PRUNE = 1_000;

/** Removes up to ROWS_PER_PRUNE finished deliveries created before the retention period; returns how many. */
export async function pruneDeliveries(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_RETENTION_DAYS * 86_400_000).toISOString();
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where(
      'id',
      'in',
      db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', 'in', ['delivered', 'failed'])
        .where('created_at', '<', before)
        .limit(ROWS_PER_PRUNE),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
