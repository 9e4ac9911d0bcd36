/**
 * The write of an item change made through updateVersioned: the columns set, guarded by the version read,
 * and its event recorded (on PostgreSQL in the same statement, see writeAndRecord). Undefined when the
 * version moved meanwhile (updateVersioned then reads again or answers 412).
 */
import type { Db } from '../../store/database.ts';
import type { ItemRow, ItemUpdate } from '../../store/tables.ts';
import { type EventInput, writeAndRecord } from '../events/record-event.ts';

export function writeItemVersioned(
  trx: Db,
  item: Pick<ItemRow, 'id' | 'version'>,
  set: ItemUpdate,
  event: EventInput,
): Promise<ItemRow | undefined> {
  return writeAndRecord(
    trx,
    trx
      .updateTable('items')
      .set(set)
      .where('id', '=', item.id)
      .where('version', '=', item.version)
      .returningAll(),
    event,
  );
}
