/** Appends one event to the log; call it inside the transaction that made the change. */

import { sql } from 'kysely';
import type { Changes } from '../../domain/changes.ts';
import { type Db, dialectOf } from '../../store/database.ts';

/** The PostgreSQL NOTIFY channel that carries the id of a product with new events (see services/live). */
export const EVENTS_CHANNEL = 'cairn_events';

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
    | 'token'
    | 'team'
    | 'sprint'
    | 'release';
  entityId: string;
  action: string;
  changes: Changes;
}

export async function recordEvent(db: Db, event: EventInput): Promise<void> {
  const values = {
    product_id: event.productId,
    actor_id: event.actorId,
    at: event.at,
    entity_type: event.entityType,
    entity_id: event.entityId,
    action: event.action,
    changes: JSON.stringify(event.changes),
  };
  if (event.productId === null || dialectOf(db) !== 'postgres') {
    await db.insertInto('events').values(values).execute();
    return;
  }
  // Insert and NOTIFY in one statement (one round trip). PostgreSQL delivers a notification only when the
  // transaction commits, and folds repeats of the same payload within it, so a listener never reads
  // ahead of the commit and a transaction of many events wakes it once.
  await db
    .with('recorded', (q) => q.insertInto('events').values(values).returning('product_id'))
    .selectFrom('recorded')
    .select(sql<string>`pg_notify(${EVENTS_CHANNEL}, recorded.product_id)`.as('notified'))
    .execute();
}

/** For writers that insert events in bulk: wakes live listeners of the product once, on commit. */
export async function notifyProductEvents(db: Db, productId: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${productId})`.execute(db);
}
