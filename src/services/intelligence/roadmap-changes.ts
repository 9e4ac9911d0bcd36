/**
 * The roadmap changes recorded since the product's last strategic review (or, before the first review,
 * in the last 30 days): initiative events, newest last, at most MAX_CHANGE_EVENTS of them.
 */
import { type RoadmapChange, roadmapChanges } from '../../domain/alignment.ts';
import type { Db } from '../../store/database.ts';

/** Events read at most: a review that is long overdue still answers quickly, with the latest changes. */
const MAX_CHANGE_EVENTS = 1_000;
const WITHOUT_REVIEW_DAYS = 30;

export async function lastReview(
  db: Db,
  productId: string,
): Promise<{ id: string; asOf: number; createdAt: string } | null> {
  const row = await db
    .selectFrom('reviews')
    .select(['id', 'as_of', 'created_at'])
    .where('product_id', '=', productId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, asOf: Number(row.as_of), createdAt: row.created_at } : null;
}

export async function roadmapChangesSinceReview(
  db: Db,
  productId: string,
  now: string,
): Promise<{ since: string; changes: RoadmapChange[] }> {
  const review = await lastReview(db, productId);
  let query = db
    .selectFrom('events')
    .select(['entity_id', 'at', 'actor_id', 'action', 'changes'])
    .where('product_id', '=', productId)
    .where('entity_type', '=', 'initiative');
  const since =
    review?.createdAt ?? new Date(Date.parse(now) - WITHOUT_REVIEW_DAYS * 86_400_000).toISOString();
  query = review ? query.where('id', '>', review.asOf) : query.where('at', '>', since);
  const rows = await query.orderBy('id', 'desc').limit(MAX_CHANGE_EVENTS).execute();
  rows.reverse();
  return {
    since,
    changes: roadmapChanges(
      rows.map((row) => ({
        entityId: row.entity_id,
        at: row.at,
        actorId: row.actor_id,
        action: row.action,
        changes: JSON.parse(row.changes) as Record<string, unknown>,
      })),
    ),
  };
}
