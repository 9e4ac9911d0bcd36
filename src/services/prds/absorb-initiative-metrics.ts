/**
 * An initiative's success metrics move into the PRD tied to it: its `successMetrics` strings become the
 * PRD's metric names (figures unknown), and the initiative's own list empties — in the caller's
 * transaction, with an event on the initiative. From then on the initiative shows its PRD's metrics.
 */
import type { StoredMetric } from '../../presenters/prd-present.ts';
import { LIMITS } from '../../schemas/limits.ts';
import type { Db } from '../../store/database.ts';
import { invalidField } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';

/**
 * Checks `initiativeId` names a live initiative of the product, and returns `metrics` with its metrics
 * added (names already there are not repeated). Call it under the product's write lock.
 */
export async function absorbInitiativeMetrics(
  trx: Db,
  options: { productId: string; initiativeId: string; actorId: string; at: string; metrics: StoredMetric[] },
): Promise<StoredMetric[]> {
  const initiative = await trx
    .selectFrom('initiatives')
    .select(['id', 'success_metrics', 'version'])
    .where('id', '=', options.initiativeId)
    .where('product_id', '=', options.productId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!initiative) throw invalidField('initiativeId', 'does not name an initiative of this product');
  const moving = JSON.parse(initiative.success_metrics) as string[];
  if (moving.length === 0) return options.metrics;
  const held = new Set(options.metrics.map((m) => m.name.trim().toLowerCase()));
  const added = moving
    .filter((name) => !held.has(name.trim().toLowerCase()))
    .map((name) => ({ name, baseline: null, target: null, measured: null }));
  const merged = [...options.metrics, ...added];
  if (merged.length > LIMITS.prdMetrics) {
    throw invalidField(
      'initiativeId',
      `the initiative's ${moving.length} success metrics would take the PRD past ${LIMITS.prdMetrics} metrics`,
    );
  }
  await trx
    .updateTable('initiatives')
    .set({ success_metrics: '[]', version: initiative.version + 1, updated_at: options.at })
    .where('id', '=', initiative.id)
    .execute();
  await recordEvent(trx, {
    productId: options.productId,
    actorId: options.actorId,
    at: options.at,
    entityType: 'initiative',
    entityId: initiative.id,
    action: 'updated',
    changes: { successMetrics: [moving, []] },
  });
  return merged;
}
