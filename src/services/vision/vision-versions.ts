/**
 * Published versions of a product's vision: publish the draft as the next numbered version, list them,
 * read one, and compare any two (or a version and the draft). Versions are history: never changed.
 */
import { diffVision, sameVision, type VisionText } from '../../domain/vision-diff.ts';
import { LIMITS } from '../../schemas/limits.ts';
import type { VisionDiffT, VisionVersionT } from '../../schemas/vision.ts';
import type { Db } from '../../store/database.ts';
import type { VisionVersionRow } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { draftText, loadDraftRow, textOf } from './vision-draft.ts';

export function presentVersion(row: VisionVersionRow): VisionVersionT {
  return {
    productId: row.product_id,
    number: row.number,
    ...textOf(row),
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  };
}

async function latestVersion(db: Db, productId: string): Promise<VisionVersionRow | undefined> {
  return db
    .selectFrom('vision_versions')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Makes the draft the next version; refused when it is empty, in the trash, or the same as the latest. */
export async function publishVision(ctx: ServiceContext & { productId: string }): Promise<VisionVersionT> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const product = await loadVisibleProduct(trx, ctx.actor, ctx.productId);
    await lockProductForWrite(trx, ctx.actor, product.id);
    const draft = await loadDraftRow(trx, product.id);
    const text = draftText(draft);
    if (text.statement === '') {
      throw new AppError('invalid_state', 'the vision draft has no statement: write one before publishing', {
        issues: [{ path: 'statement', message: 'must not be empty to publish' }],
      });
    }
    const latest = await latestVersion(trx, product.id);
    if (latest && sameVision(textOf(latest), text)) {
      throw new AppError(
        'invalid_state',
        `the draft is the same as version ${latest.number}: change it before publishing again`,
      );
    }
    const number = (latest?.number ?? 0) + 1;
    if (number > LIMITS.visionVersions) {
      throw new AppError('invalid_state', `a product keeps at most ${LIMITS.visionVersions} vision versions`);
    }
    const row: VisionVersionRow = {
      id: newId(),
      product_id: product.id,
      number,
      statement: draft.statement,
      target_customers: draft.target_customers,
      problems: draft.problems,
      differentiators: draft.differentiators,
      period_start: draft.period_start,
      period_end: draft.period_end,
      published_by: ctx.actor.id,
      published_at: at,
    };
    await trx.insertInto('vision_versions').values(row).execute();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'vision',
      entityId: product.id,
      action: 'published',
      changes: { number: [latest?.number ?? null, number] },
    });
    return presentVersion(row);
  });
}

export async function listVisionVersions(
  ctx: ServiceContext & { productId: string },
): Promise<VisionVersionT[]> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('vision_versions')
    .selectAll()
    .where('product_id', '=', product.id)
    .orderBy('number', 'desc')
    .limit(LIMITS.visionVersions)
    .execute();
  return rows.map(presentVersion);
}

async function loadVersion(db: Db, productId: string, number: number): Promise<VisionVersionRow> {
  const row = await db
    .selectFrom('vision_versions')
    .selectAll()
    .where('product_id', '=', productId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row) throw notFound(`vision version ${number}`);
  return row;
}

export async function getVisionVersion(
  ctx: ServiceContext & { productId: string; number: number },
): Promise<VisionVersionT> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  return presentVersion(await loadVersion(ctx.db, product.id, ctx.number));
}

/** The diff from one text to another: each a version number or `draft`. */
export async function diffVisionVersions(
  ctx: ServiceContext & { productId: string; from: string; to: string },
): Promise<VisionDiffT> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const read = async (ref: string): Promise<VisionText> =>
    ref === 'draft'
      ? draftText(await loadDraftRow(ctx.db, product.id))
      : textOf(await loadVersion(ctx.db, product.id, Number(ref)));
  const [before, after] = [await read(ctx.from), await read(ctx.to)];
  return { from: ctx.from, to: ctx.to, fields: diffVision(before, after) };
}
