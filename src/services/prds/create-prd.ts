/** Writes a new PRD in draft, under a product (while exploring) or under one of its initiatives. */
import { creationChanges } from '../../domain/changes.ts';
import { LIMITS } from '../../schemas/limits.ts';
import type { CreatePrdInput, Prd } from '../../schemas/prd.ts';
import type { PrdRow } from '../../store/tables-prds.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { absorbInitiativeMetrics } from './absorb-initiative-metrics.ts';
import {
  assertItemsInProduct,
  assertReviewers,
  normalizeMetrics,
  normalizeRequirements,
} from './prd-input.ts';
import { readPrd } from './prd-store.ts';

/** The product of an initiative the actor may see (`not_found` for a missing, trashed or hidden one). */
async function productOfInitiative(ctx: ServiceContext, initiativeId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('initiatives')
    .select(['product_id', 'deleted_at'])
    .where('id', '=', initiativeId)
    .executeTakeFirst();
  if (!row || row.deleted_at !== null) throw notFound('initiative');
  await loadVisibleProduct(ctx.db, ctx.actor, row.product_id).catch(() => {
    throw notFound('initiative');
  });
  return row.product_id;
}

export async function createPrd(
  ctx: ServiceContext & { input: CreatePrdInput } & (
      | { productId: string; initiativeId?: undefined }
      | { initiativeId: string; productId?: undefined }
    ),
): Promise<Prd> {
  const at = timestamp(ctx);
  const productRef = ctx.initiativeId ? await productOfInitiative(ctx, ctx.initiativeId) : ctx.productId;
  return withTransaction(ctx.db, async (trx) => {
    const product = await loadVisibleProduct(trx, ctx.actor, productRef ?? '');
    await lockProductForWrite(trx, ctx.actor, product.id);
    const count = await trx
      .selectFrom('prds')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('product_id', '=', product.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= LIMITS.prds) {
      throw new AppError('invalid_state', `a product holds at most ${LIMITS.prds} PRDs; delete one first`);
    }
    const requirements = normalizeRequirements(ctx.input.requirements);
    await assertItemsInProduct(trx, product.id, requirements);
    await assertReviewers(trx, product.id, ctx.input.reviewerIds);
    let metrics = normalizeMetrics(ctx.input.successMetrics);
    const initiativeId = ctx.initiativeId ?? null;
    if (initiativeId) {
      metrics = await absorbInitiativeMetrics(trx, {
        productId: product.id,
        initiativeId,
        actorId: ctx.actor.id,
        at,
        metrics,
      });
    }
    const reviewers = [...new Set(ctx.input.reviewerIds)].map((userId) => ({
      userId,
      decision: 'pending' as const,
      decidedAt: null,
    }));
    const row: PrdRow = {
      id: newId(),
      product_id: product.id,
      initiative_id: initiativeId,
      title: ctx.input.title,
      problem: ctx.input.problem,
      success_metrics: JSON.stringify(metrics),
      requirements: JSON.stringify(requirements),
      technical_considerations: ctx.input.technicalConsiderations,
      open_questions: ctx.input.openQuestions,
      status: 'draft',
      reviewers: JSON.stringify(reviewers),
      created_by: ctx.actor.id,
      version: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await trx.insertInto('prds').values(row).execute();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'prd',
      entityId: row.id,
      action: 'created',
      changes: creationChanges({
        title: row.title,
        initiativeId,
        problem: row.problem,
        successMetrics: metrics,
        requirements,
        technicalConsiderations: row.technical_considerations,
        openQuestions: row.open_questions,
        status: row.status,
        reviewers,
      }),
    });
    return readPrd(trx, row);
  });
}
