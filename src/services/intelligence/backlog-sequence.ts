/**
 * The backlog order that respects every dependency while staying closest to the rank (domain/sequence.ts),
 * and applying it: each move is one item move (one event), all in one transaction under the product's
 * write lock. The sequence's ETag is a digest of what it is computed from (the open items in rank order
 * and the dependencies between them), so an apply with If-Match fails when the backlog changed since.
 */
import { createHash } from 'node:crypto';
import { isOpen, type PlanningModel } from '../../domain/planning-model.ts';
import { type Sequence, sequenceBacklog } from '../../domain/sequence.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError } from '../errors.ts';
import { moveItem } from '../items/move-item.ts';
import { authorize } from '../policy.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { loadPlanningModel } from './load-planning-model.ts';
import { cachedReport } from './report-cache.ts';

export interface BacklogSequence extends Sequence {
  asOf: number;
  etag: string;
}

function sequenceOf(model: PlanningModel): BacklogSequence {
  const open = model.items.filter(isOpen);
  const ids = new Set(open.map((item) => item.id));
  const edges = model.dependencies.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  const digest = createHash('sha256');
  for (const item of open) digest.update(`${item.id} ${item.rank}\n`);
  for (const edge of edges) digest.update(`${edge.from}>${edge.to}\n`);
  return {
    asOf: model.asOf,
    etag: digest.digest('base64url').slice(0, 22),
    ...sequenceBacklog(
      open.map((item) => ({ id: item.id, rank: item.rank })),
      edges,
    ),
  };
}

export async function getSequence(ctx: ServiceContext & { productId: string }): Promise<BacklogSequence> {
  const day = timestamp(ctx).slice(0, 10);
  return cachedReport(ctx.db, ctx.actor, ctx.productId, { name: 'sequence', day }, async () =>
    sequenceOf(await loadPlanningModel(ctx.db, ctx.actor, ctx.productId)),
  );
}

export async function applySequence(
  ctx: ServiceContext & { productId: string; expectedEtag?: string | undefined },
): Promise<BacklogSequence & { applied: number }> {
  authorize(ctx.actor, 'write');
  return withTransaction(ctx.db, async (trx) => {
    const product = await loadVisibleProduct(trx, ctx.actor, ctx.productId);
    await lockProductForWrite(trx, ctx.actor, product.id);
    // Read under the lock: another server may have moved items since the client saw the sequence.
    const locked = await loadPlanningModel(trx, ctx.actor, product.id);
    const current = sequenceOf(locked);
    if (ctx.expectedEtag !== undefined && ctx.expectedEtag !== current.etag) {
      throw new AppError(
        'version_conflict',
        'the backlog changed since this sequence was computed; look at the new one before applying it',
        { current: current.etag },
      );
    }
    // Moves come back to front, each before its successor in the new order, which is already in place;
    // only the first can go to the very end (null), and then nothing has moved yet.
    const open = locked.items.filter(isOpen);
    for (const move of current.moves) {
      let input: { beforeId: string } | { afterId: string };
      if (move.beforeItemId !== null) input = { beforeId: move.beforeItemId };
      else {
        const last = open.findLast((item) => item.id !== move.itemId);
        if (!last) continue;
        input = { afterId: last.id };
      }
      await moveItem({ db: trx, actor: ctx.actor, now: ctx.now, id: move.itemId, input });
    }
    const after = sequenceOf(await loadPlanningModel(trx, ctx.actor, product.id));
    return { ...after, applied: current.moves.length };
  });
}
