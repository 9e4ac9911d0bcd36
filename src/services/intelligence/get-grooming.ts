/**
 * The grooming report of a product (domain/grooming.ts), with when the backlog was last refined: the
 * newest edit of an open item's estimate, acceptance criteria or story.
 */
import { type GroomingReport, groomingReport } from '../../domain/grooming.ts';
import { assessReadiness } from '../../domain/readiness-report.ts';
import { TokenMemo } from '../../domain/text-tokens.ts';
import type { Db } from '../../store/database.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { definitionOfReadyOf } from './definition-of-ready.ts';
import { loadPlanningModel } from './load-planning-model.ts';
import { perDatabase, touch } from './per-database.ts';
import { cachedReport } from './report-cache.ts';

/** The fields whose edits are refinement. */
const REFINING = ['"estimate":', '"acceptanceCriteria":', '"story":'];

/**
 * How far back "last refined" looks, in the product's events: the scan of the log (a text match on each
 * event's changes) stays bounded however long the history; older refinement reads as none.
 */
const REFINED_LOOKBACK_EVENTS = 20_000;

/** Products whose items' words are kept per database (see TokenMemo), the least recently used going. */
const MEMO_PRODUCTS = 4;
const memos = perDatabase(() => new Map<string, TokenMemo>());

function memoOf(db: Db, productId: string): TokenMemo | undefined {
  if (db.isTransaction) return undefined;
  const products = memos.of(db);
  const memo = products.get(productId) ?? new TokenMemo();
  touch(products, productId, memo, MEMO_PRODUCTS);
  return memo;
}

async function lastRefined(db: Db, productId: string, asOf: number): Promise<string | null> {
  const row = await db
    .selectFrom('events')
    .select('at')
    .where('product_id', '=', productId)
    .where('id', '>', asOf - REFINED_LOOKBACK_EVENTS)
    .where('entity_type', '=', 'item')
    .where('action', '=', 'updated')
    .where((eb) => eb.or(REFINING.map((field) => eb('changes', 'like', `%${field}%`))))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function getGrooming(
  ctx: ServiceContext & { productId: string; staleDays?: number | undefined },
): Promise<GroomingReport & { asOf: number; lastRefinedAt: string | null }> {
  // Staleness is counted in days: the report of one hour holds for the hour.
  const hour = timestamp(ctx).slice(0, 13);
  const params = { staleDays: ctx.staleDays };
  return cachedReport(ctx.db, ctx.actor, ctx.productId, { name: 'grooming', params, day: hour }, () =>
    groomingNow(ctx),
  );
}

async function groomingNow(
  ctx: ServiceContext & { productId: string; staleDays?: number | undefined },
): Promise<GroomingReport & { asOf: number; lastRefinedAt: string | null }> {
  const model = await loadPlanningModel(ctx.db, ctx.actor, ctx.productId);
  const definition = await definitionOfReadyOf(ctx.db, model.productId);
  const readiness = assessReadiness(model, definition);
  const report = groomingReport(model, readiness, definition, {
    now: timestamp(ctx),
    staleDays: ctx.staleDays,
    memo: memoOf(ctx.db, model.productId),
  });
  return {
    asOf: model.asOf,
    lastRefinedAt: await lastRefined(ctx.db, model.productId, model.asOf),
    ...report,
  };
}
