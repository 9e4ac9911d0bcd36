/**
 * The write of an item change made through updateVersioned: the columns set, guarded by the version read,
 * and its event recorded (on PostgreSQL in the same statement, see writeAndRecord). Undefined when the
 * version moved meanwhile (updateVersioned then reads again or answers 412).
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db } from '../../store/database.ts';
import type { ItemRow, ItemUpdate, Tables } from '../../store/tables.ts';
import { type EventInput, writeAndRecord } from '../events/record-event.ts';

export function writeItemVersioned(
  trx: Db,
  item: Pick<ItemRow, 'id' | 'version'>,
  set: ItemUpdate,
  event: EventInput,
  /** A further condition of the write (a move's placement, read before the lock: placementHolds). */
  guard?: (eb: ExpressionBuilder<Tables, 'items'>) => Expression<SqlBool>,
): Promise<ItemRow | undefined> {
  let write = trx.updateTable('items').set(set).where('id', '=', item.id).where('version', '=', item.version);
  if (guard) write = write.where(guard);
  return writeAndRecord(trx, write.returningAll(), event);
}
