/**
 * Merges a duplicate into the item kept: the duplicate's acceptance criteria, labels, estimate (when the
 * kept item has none), dependencies and external dependencies move to the kept item, and the duplicate
 * goes to the trash. Both histories are kept: every change is an event on its own object, and the
 * duplicate's log ends with a `merged` event naming the item it went into. One transaction. A link to
 * an item of a product the actor may not see stays with the duplicate.
 */
import type { AcceptanceCriterion, Item } from '../../presenters/planning.ts';
import { presentItem } from '../../presenters/planning.ts';
import { LIMITS } from '../../schemas/limits.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { addDependency } from '../dependencies/add-dependency.ts';
import { removeDependency } from '../dependencies/remove-dependency.ts';
import { AppError, invalidField } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { loadLiveItem } from '../items/load-item.ts';
import { setItemTrashed } from '../items/set-item-trashed.ts';
import { updateItem } from '../items/update-item.ts';
import { lockProductForWrite } from '../products/product-access.ts';

export async function mergeItems(
  ctx: ServiceContext & { id: string; input: { duplicateId: string } },
): Promise<Item> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const keep = await loadLiveItem(trx, ctx.actor, ctx.id);
    await lockProductForWrite(trx, ctx.actor, keep.product_id);
    const duplicate = await loadLiveItem(trx, ctx.actor, ctx.input.duplicateId).catch(() => {
      throw invalidField('duplicateId', 'does not name a live item you can see');
    });
    if (duplicate.id === keep.id)
      throw invalidField('duplicateId', 'is the item kept: an item cannot merge into itself');
    if (duplicate.product_id !== keep.product_id) {
      throw invalidField('duplicateId', 'must be an item of the same product');
    }
    const sub = { db: trx, actor: ctx.actor, now: at };

    const criteria = JSON.parse(keep.acceptance_criteria) as AcceptanceCriterion[];
    const known = new Set(criteria.map((c) => c.text.trim().toLowerCase()));
    for (const criterion of JSON.parse(duplicate.acceptance_criteria) as AcceptanceCriterion[]) {
      if (known.has(criterion.text.trim().toLowerCase())) continue;
      known.add(criterion.text.trim().toLowerCase());
      criteria.push(criterion);
    }
    const labels = [
      ...new Set([...(JSON.parse(keep.labels) as string[]), ...(JSON.parse(duplicate.labels) as string[])]),
    ];
    if (criteria.length > LIMITS.criteria || labels.length > LIMITS.labels) {
      throw invalidField(
        'duplicateId',
        `merged, ${keep.key} would have more than ${LIMITS.criteria} criteria or ${LIMITS.labels} labels`,
      );
    }
    await updateItem({
      ...sub,
      id: keep.id,
      input: {
        acceptanceCriteria: criteria,
        labels,
        ...(keep.estimate === null && duplicate.estimate !== null && { estimate: duplicate.estimate }),
      },
    });

    // Links move to the kept item; one that would link it to itself, repeat a link or close a cycle goes.
    const links = await trx
      .selectFrom('dependencies')
      .selectAll()
      .where((eb) => eb.or([eb('blocker_id', '=', duplicate.id), eb('blocked_id', '=', duplicate.id)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const link of links) {
      const other = link.blocker_id === duplicate.id ? link.blocked_id : link.blocker_id;
      // A link to an item the actor may not see stays with the trashed duplicate (where it orders nothing):
      // moving it would need to name that item.
      if (other !== keep.id && !(await loadLiveItem(trx, ctx.actor, other).catch(() => null))) continue;
      await removeDependency({ ...sub, id: link.id });
      if (other === keep.id) continue;
      const input =
        link.blocker_id === duplicate.id
          ? { blocks: other, kind: link.kind, note: link.note }
          : { blockedBy: other, kind: link.kind, note: link.note };
      await addDependency({ ...sub, itemId: keep.id, input }).catch((error: unknown) => {
        const skipped = ['duplicate_dependency', 'dependency_cycle'];
        if (!(error instanceof AppError && skipped.includes(error.code))) throw error;
      });
    }
    const externals = await trx
      .updateTable('external_dependencies')
      .set({ item_id: keep.id, updated_at: at })
      .where('item_id', '=', duplicate.id)
      .returning(['id'])
      .execute();
    for (const external of externals) {
      await recordEvent(trx, {
        productId: keep.product_id,
        actorId: ctx.actor.id,
        at,
        entityType: 'external_dependency',
        entityId: external.id,
        action: 'updated',
        changes: { itemId: [duplicate.id, keep.id] },
      });
    }

    await setItemTrashed({ ...sub, id: duplicate.id, trashed: true });
    await recordEvent(trx, {
      productId: keep.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'item',
      entityId: duplicate.id,
      action: 'merged',
      changes: { mergedInto: [null, keep.id] },
    });
    await recordEvent(trx, {
      productId: keep.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'item',
      entityId: keep.id,
      action: 'merged',
      changes: { mergedFrom: [null, duplicate.id] },
    });
    return presentItem(await loadLiveItem(trx, ctx.actor, keep.id));
  });
}
