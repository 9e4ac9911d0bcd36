/**
 * Splits an item too large for a sprint into 2–10 parts: the item becomes the first part (its title,
 * estimate and criteria as given), and each other part is a new item just below the one before, of the
 * same type and story, in the same initiative, sprint and release, with the same labels and assignee.
 * The item's history records what it was split into; each part's says where it came from. One transaction.
 */
import type { Item } from '../../presenters/planning.ts';
import { presentItem } from '../../presenters/planning.ts';
import { CreateItemInput, type SplitItemInput } from '../../schemas/item.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { createItem } from '../items/create-item.ts';
import { loadLiveItem } from '../items/load-item.ts';
import { updateItem } from '../items/update-item.ts';
import { lockProductForWrite } from '../products/product-access.ts';

export async function splitItem(
  ctx: ServiceContext & { id: string; input: SplitItemInput },
): Promise<{ original: Item; created: Item[] }> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const item = await loadLiveItem(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, item.product_id);
    const sub = { db: trx, actor: ctx.actor, now: at };
    const [first, ...rest] = ctx.input.parts;
    if (!first) throw new Error('split: the schema asks for at least two parts');
    await updateItem({
      ...sub,
      id: item.id,
      input: {
        title: first.title,
        ...(first.estimate !== undefined && { estimate: first.estimate }),
        ...(first.acceptanceCriteria !== undefined && { acceptanceCriteria: first.acceptanceCriteria }),
      },
    });
    const created: Item[] = [];
    let after = item.id;
    for (const part of rest) {
      const made = await createItem({
        ...sub,
        productId: item.product_id,
        input: CreateItemInput.parse({
          title: part.title,
          type: item.type,
          story: item.story === null ? null : JSON.parse(item.story),
          description: `Split from ${item.key}.`,
          estimate: part.estimate ?? null,
          acceptanceCriteria: part.acceptanceCriteria ?? [],
          initiativeId: item.initiative_id,
          sprintId: item.sprint_id,
          releaseId: item.release_id,
          labels: JSON.parse(item.labels) as string[],
          assigneeId: item.assignee_id,
          afterId: after,
        }),
      });
      await recordEvent(trx, {
        productId: item.product_id,
        actorId: ctx.actor.id,
        at,
        entityType: 'item',
        entityId: made.id,
        action: 'split',
        changes: { splitFrom: [null, item.id] },
      });
      created.push(made);
      after = made.id;
    }
    await recordEvent(trx, {
      productId: item.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'item',
      entityId: item.id,
      action: 'split',
      changes: { splitInto: [null, created.map((part) => part.id)] },
    });
    return { original: presentItem(await loadLiveItem(trx, ctx.actor, item.id)), created };
  });
}
