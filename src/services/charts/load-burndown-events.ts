/**
 * The events a burndown replays: those of every item that was ever in the sprint (sprint_scope_items)
 * that change a field the replay reads, from their projection (item_replay_events, kept together per
 * item and written with the events), never from the change sets in the log.
 *
 * The projection keeps no title edit that a later event of the same item supersedes (write-replay-rows.ts),
 * so the read is a plain range scan of the items' rows. SQLite hands the rows over as one JSON array: a
 * sprint's first burndown reads thousands of them, and JSON.parse builds them faster than better-sqlite3
 * builds row objects. PostgreSQL sends plain rows (its JSON functions cost more than the driver).
 */
import { type RawBuilder, sql } from 'kysely';
import type { ItemEvent } from '../../domain/item-replay.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import type { ItemReplayEventsTable } from '../../store/tables.ts';
import { changesOfRow } from '../events/item-projections.ts';

export interface EventRange {
  sprintId: string;
  /** Only events with a larger id (a cache catching up). */
  afterId?: number | undefined;
  /** Only events up to this id (what a cache has seen). */
  upToId?: number | undefined;
}

type Row = [
  itemId: string,
  eventId: number,
  at: string,
  action: string,
  fields: number,
  key: string | null,
  title: string | null,
  sprintId: string | null,
  estimate: number | null,
  status: string | null,
  deletedAt: string | null,
];

const COLUMNS = sql`item_id, event_id, at, action, fields, key, title, sprint_id, estimate, status, deleted_at`;

/** In id order; each event's changes hold only the replayed fields, as [null, new value]. */
export async function loadBurndownEvents(db: Db, range: EventRange): Promise<ItemEvent[]> {
  const conditions: RawBuilder<unknown>[] = [
    sql`item_id in (select item_id from sprint_scope_items where sprint_id = ${range.sprintId})`,
  ];
  if (range.upToId !== undefined) conditions.push(sql`event_id <= ${range.upToId}`);
  if (range.afterId !== undefined) conditions.push(sql`event_id > ${range.afterId}`);
  const where = sql.join(conditions, sql` and `);
  let events: ItemEvent[];
  if (dialectOf(db) === 'postgres') {
    // Plain rows: PostgreSQL builds JSON (json_build_array per row) about three times slower than it
    // sends the rows and the driver reads them.
    const { rows } = await sql<ItemReplayEventsTable>`
      select ${COLUMNS} from item_replay_events where ${where}`.execute(db);
    events = rows.map((row) => ({
      id: row.event_id,
      itemId: row.item_id,
      at: row.at,
      action: row.action,
      changes: changesOfRow(row),
    }));
  } else {
    const { rows } = await sql<{ rows: string }>`
      select json_group_array(json_array(${COLUMNS})) as rows from item_replay_events
      where ${where}`.execute(db);
    const parsed = JSON.parse(rows[0]?.rows ?? '[]') as Row[];
    events = parsed.map((row) => ({
      id: row[1],
      itemId: row[0],
      at: row[2],
      action: row[3],
      changes: changesOfRow({
        fields: row[4],
        key: row[5],
        title: row[6],
        sprint_id: row[7],
        estimate: row[8],
        status: row[9],
        deleted_at: row[10],
      }),
    }));
  }
  return events.sort((a, b) => a.id - b.id);
}
