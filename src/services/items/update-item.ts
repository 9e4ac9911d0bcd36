/**
 * Changes an item's fields. With `expectedVersion` (the HTTP If-Match) a stale version is refused with
 * `version_conflict` and nothing changes (services/write/update-versioned.ts).
 */
import { diffFields } from '../../domain/changes.ts';
import { type Item, presentItem } from '../../presenters/planning.ts';
import type { UpdateItemInput } from '../../schemas/item.ts';
import type { ServiceContext } from '../context.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { itemColumns } from './item-columns.ts';
import { loadLiveItem, lockLiveItem } from './load-item.ts';
import { noteSprintScope, validateItemReferences, writeLabels } from './validate-item-references.ts';
import { writeItemVersioned } from './write-item.ts';

export async function updateItem(
  ctx: ServiceContext & { id: string; input: UpdateItemInput; expectedVersion?: number | undefined },
): Promise<Item> {
  return updateVersioned({
    ...ctx,
    entityType: 'item',
    lockByReference: (trx) => lockLiveItem(trx, ctx.actor, ctx.id),
    load: (db) => loadLiveItem(db, ctx.actor, ctx.id),
    present: (_db, row) => presentItem(row),
    describe: (row) => row.key,
    change: async (trx, current) => {
      const before = presentItem(current);
      await validateItemReferences(trx, before.productId, ctx.input);
      const changes = diffFields(before, ctx.input);
      if (Object.keys(changes).length === 0) return null;
      return {
        action: 'updated',
        changes,
        recordsEvent: true,
        write: async (stamp, event) => {
          const row = await writeItemVersioned(trx, current, { ...itemColumns(ctx.input), ...stamp }, event);
          if (!row) return undefined;
          if (changes.labels) await writeLabels(trx, row.id, JSON.parse(row.labels) as string[]);
          if (changes.sprintId) await noteSprintScope(trx, row.sprint_id, [row.id]);
          return row;
        },
      };
    },
  });
}
