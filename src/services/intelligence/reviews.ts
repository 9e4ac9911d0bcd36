/**
 * Monthly strategic reviews: the figures of the moment (alignment, forecasts, blockers, roadmap changes
 * since the last review) and recording a review's decisions with a snapshot of them. Reviews are kept as
 * they were recorded: a later review is compared with them, never rewritten.
 */
import { alignmentOf } from '../../domain/alignment.ts';
import { DEFAULT_TRIALS } from '../../domain/forecast.ts';
import { type ReviewSnapshot, reviewSnapshot } from '../../domain/review-snapshot.ts';
import type { Db } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { forecastOf, getForecast } from './get-forecast.ts';
import { loadPlanningModel } from './load-planning-model.ts';
import { cachedReport } from './report-cache.ts';
import { roadmapChangesSinceReview } from './roadmap-changes.ts';

export interface ReviewFigures {
  asOf: number;
  since: string;
  /** The review these figures follow (null before the first). */
  previousReviewId: string | null;
  snapshot: ReviewSnapshot;
}

export interface Review {
  id: string;
  productId: string;
  decisions: string;
  asOf: number;
  createdBy: string | null;
  createdAt: string;
  snapshot: ReviewSnapshot;
}

/** Reviews a list answers at most (newest first). */
const MAX_LISTED_REVIEWS = 100;

async function figures(db: Db, actor: Actor, productId: string, now: string): Promise<ReviewFigures> {
  const model = await loadPlanningModel(db, actor, productId);
  const today = now.slice(0, 10);
  const { since, changes } = await roadmapChangesSinceReview(db, model.productId, now);
  const alignment = alignmentOf(model, today, changes);
  const options = { unit: 'items', trials: DEFAULT_TRIALS } as const;
  // Outside a review's transaction, the forecast report of the same plan and day is shared: the health
  // screen asks for both at once, and a 10,000-trial forecast is most of this report's time.
  const forecast = db.isTransaction
    ? await forecastOf(db, model, { today, ...options })
    : await getForecast({ db, actor, productId: model.productId, now, ...options });
  const previous = await db
    .selectFrom('reviews')
    .select('id')
    .where('product_id', '=', model.productId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    asOf: model.asOf,
    since,
    previousReviewId: previous?.id ?? null,
    snapshot: reviewSnapshot(model, alignment, forecast, changes, today),
  };
}

/** What a review recorded now would hold. */
export async function getReviewFigures(ctx: ServiceContext & { productId: string }): Promise<ReviewFigures> {
  const now = timestamp(ctx);
  return cachedReport(
    ctx.db,
    ctx.actor,
    ctx.productId,
    { name: 'review-figures', day: now.slice(0, 10) },
    () => figures(ctx.db, ctx.actor, ctx.productId, now),
  );
}

function presentReview(row: {
  id: string;
  product_id: string;
  decisions: string;
  as_of: number | string;
  created_by: string | null;
  created_at: string;
  snapshot: string;
}): Review {
  return {
    id: row.id,
    productId: row.product_id,
    decisions: row.decisions,
    asOf: Number(row.as_of),
    createdBy: row.created_by,
    createdAt: row.created_at,
    snapshot: JSON.parse(row.snapshot) as ReviewSnapshot,
  };
}

export async function createReview(
  ctx: ServiceContext & { productId: string; input: { decisions: string } },
): Promise<Review> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const product = await loadVisibleProduct(trx, ctx.actor, ctx.productId);
    await lockProductForWrite(trx, ctx.actor, product.id);
    // Under the lock: no change can fall between the figures and the review that records them.
    const now = await figures(trx, ctx.actor, product.id, at);
    const row = {
      id: newId(),
      product_id: product.id,
      decisions: ctx.input.decisions,
      snapshot: JSON.stringify(now.snapshot),
      as_of: now.asOf,
      created_by: ctx.actor.id,
      created_at: at,
    };
    await trx.insertInto('reviews').values(row).execute();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'review',
      entityId: row.id,
      action: 'created',
      changes: { decisions: [null, row.decisions] },
    });
    return presentReview(row);
  });
}

export async function listReviews(ctx: ServiceContext & { productId: string }): Promise<Review[]> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('reviews')
    .selectAll()
    .where('product_id', '=', product.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_LISTED_REVIEWS)
    .execute();
  return rows.map(presentReview);
}
