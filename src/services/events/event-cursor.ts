/** Event ids as cursors: where a product's log ends now, and reading a cursor a client sends back. */
import type { Db } from '../../store/database.ts';
import { invalidField } from '../errors.ts';

/** The id of the product's newest event, 0 when it has none (the `events_product` index answers it). */
export async function lastEventId(db: Db, productId: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('last'))
    .where('product_id', '=', productId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/** A cursor from a client (`after`, `Last-Event-ID`): a decimal event id, else a validation error naming `field`. */
export function parseEventCursor(value: string, field: string): number {
  if (!/^\d{1,15}$/.test(value)) throw invalidField(field, 'must be an event id this API returned');
  return Number(value);
}
