/**
 * The cumulative flow's first count for a whole product, from its moves per 15-minute slot
 * (item_flow_slots, written with the events) instead of the events themselves: a year is at most 35,136
 * slots, whatever the number of items. Usable when every day of the range begins on a slot edge
 * (slotsAlign); the caller counts from the log otherwise.
 */
import { sql } from 'kysely';
import {
  FLOW_STATUSES,
  type FlowTransition,
  type LocalDays,
  localDateByRules,
} from '../../domain/cumulative-flow.ts';
import { SLOT_MS } from '../../domain/item-projection.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import { AFTER, BEFORE } from './count-status-transitions.ts';

type Row = { slot: number | null; last: number | null } & Record<
  (typeof FLOW_STATUSES)[number],
  number | null
>;

/**
 * Every move of the product's items, as transitions per local day (BEFORE, a date, or AFTER), and the
 * id of the product's latest event they include: read in one statement, so both come from one snapshot.
 */
export async function countFlowSlots(
  db: Db,
  productId: string,
  days: LocalDays,
): Promise<{ lastId: number; transitions: FlowTransition[] }> {
  const firstSlot = days.start / SLOT_MS;
  const endSlot = (days.rules.at(-1)?.until ?? days.start) / SLOT_MS;
  const greatest = dialectOf(db) === 'postgres' ? sql.raw('greatest') : sql.raw('max');
  const least = dialectOf(db) === 'postgres' ? sql.raw('least') : sql.raw('min');
  // Slots before the first day fold into one, as do those after the last.
  const bucket = sql`${least}(${greatest}(s.slot, ${firstSlot - 1}), ${endSlot})`;
  const sums = FLOW_STATUSES.map((status) => sql`sum(s.${sql.ref(status)}) as ${sql.ref(status)}`);
  const { rows } = await sql<Row>`
    select ${bucket} as slot, ${sql.join(sums)}, l.last
    from (select max(id) as last from events where product_id = ${productId}) l
      left join item_flow_slots s on s.product_id = ${productId}
    group by 1, l.last`.execute(db);
  const transitions: FlowTransition[] = [];
  for (const row of rows) {
    if (row.slot === null) continue;
    const start = Number(row.slot) * SLOT_MS;
    const date = start < days.start ? BEFORE : (localDateByRules(days, start) ?? AFTER);
    for (const status of FLOW_STATUSES) {
      const count = Number(row[status] ?? 0);
      if (count !== 0) transitions.push({ date, from: null, to: status, count });
    }
  }
  return { lastId: Number(rows[0]?.last ?? 0), transitions };
}
