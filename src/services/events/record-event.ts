/** Appends one event to the log; call it inside the transaction that made the change. */

import type { Changes } from '../../domain/changes.ts';
import type { Db } from '../../store/database.ts';

export interface EventInput {
  productId: string | null;
  actorId: string | null;
  at: string;
  entityType:
    | 'product'
    | 'objective'
    | 'theme'
    | 'initiative'
    | 'item'
    | 'dependency'
    | 'external_dependency'
    | 'user'
    | 'token';
  entityId: string;
  action: string;
  changes: Changes;
}

export async function recordEvent(db: Db, event: EventInput): Promise<void> {
  await db
    .insertInto('events')
    .values({
      product_id: event.productId,
      actor_id: event.actorId,
      at: event.at,
      entity_type: event.entityType,
      entity_id: event.entityId,
      action: event.action,
      changes: JSON.stringify(event.changes),
    })
    .execute();
}
