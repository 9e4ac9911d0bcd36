/**
 * The delivery queue's claims. A worker claims due rows in one transaction (PostgreSQL skips rows another
 * server is claiming: `for update skip locked`), for a lease; only the claimant may record the outcome,
 * and a claim whose worker died runs out and is claimed again. A row is sent by one worker at a time.
 */
import type { ExpressionBuilder } from 'kysely';
import { type Db, dialectOf } from '../../store/database.ts';
import type { Tables } from '../../store/tables.ts';
import type { WebhookDeliveryRow } from '../../store/tables-webhooks.ts';
import { withTransaction } from '../../store/transaction.ts';

type DueExpression = ExpressionBuilder<Tables, 'webhook_deliveries'>;

/** Claims up to `limit` due deliveries for `workerId` until `now + leaseMs`; counts the attempt. */
export async function claimDeliveries(
  db: Db,
  options: { workerId: string; now: Date; leaseMs: number; limit: number },
): Promise<WebhookDeliveryRow[]> {
  if (options.limit <= 0) return [];
  const at = options.now.toISOString();
  const until = new Date(options.now.getTime() + options.leaseMs).toISOString();
  const due = (eb: DueExpression) =>
    eb.or([
      eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
      eb.and([eb('status', '=', 'delivering'), eb('locked_until', '<', at)]),
    ]);
  // Two statements, not `update … where id in (select … limit n for update skip locked)`: PostgreSQL may
  // run such a subquery as a join that does not stop at the limit (the bench saw 100 rows claimed with a
  // limit of 16, so 100 requests at once). The ids are picked and locked first, then claimed.
  return withTransaction(db, async (trx) => {
    let pick = trx
      .selectFrom('webhook_deliveries')
      .select('id')
      .where(due)
      .orderBy('next_attempt_at')
      .limit(options.limit);
    if (dialectOf(trx) === 'postgres') pick = pick.forUpdate().skipLocked();
    const ids = (await pick.execute()).map((row) => row.id);
    if (ids.length === 0) return [];
    return (
      trx
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          status: 'delivering',
          locked_by: options.workerId,
          locked_until: until,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', 'in', ids)
        // Checked again on the row itself: a row claimed and committed meanwhile no longer qualifies.
        .where(due)
        .returningAll()
        .execute()
    );
  });
}

/** What an attempt came to. */
export interface AttemptOutcome {
  status: 'delivered' | 'pending' | 'failed';
  /** When to try again (pending), else when it ended. */
  nextAttemptAt: string;
  statusCode: number | null;
  error: string | null;
  response: string | null;
  at: string;
}

/** Records an attempt's outcome and ends the claim; false when the claim was lost (it ran out). */
export async function finishDelivery(
  db: Db,
  workerId: string,
  id: string,
  outcome: AttemptOutcome,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      next_attempt_at: outcome.nextAttemptAt,
      locked_by: null,
      locked_until: null,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      last_response: outcome.response,
      delivered_at: outcome.status === 'delivered' ? outcome.at : null,
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'delivering')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives a claim back unattempted (the worker is stopping): due again at once, the attempt not counted. */
export async function releaseDelivery(db: Db, workerId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: 'pending',
      next_attempt_at: at,
      locked_by: null,
      locked_until: null,
      attempts: eb('attempts', '-', 1),
    }))
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'delivering')
    .execute();
}
