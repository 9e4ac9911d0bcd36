/**
 * The events a burndown replays: those of every item that was ever in the sprint (sprint_scope_items)
 * that change a field the replay reads, from their projection (item_replay_events, kept together per
 * item and written with the events), never from the change sets in the log.
 *
 * Of each run of title edits only the last is read (see below). The database hands the rows over as one JSON array: a sprint's first burndown reads some ten thousand
 * of them, and JSON.parse builds them about three times faster than the drivers build row objects.
 */
import { type RawBuilder, sql } from 'kysely';
import type { ItemEvent } from '../../domain/item-replay.ts';
import { type Db, dialectOf } from '../../store/database.ts';
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

/** The `fields` bit of the title (see item-projections.ts). */
const TITLE = 2;

const COLUMNS = sql`item_id, event_id, at, action, fields, key, title, sprint_id, estimate, status, deleted_at`;

/** In id order; each event's changes hold only the replayed fields, as [null, new value]. */
export async function loadBurndownEvents(db: Db, range: EventRange): Promise<ItemEvent[]> {
  const conditions: RawBuilder<unknown>[] = [
    sql`item_id in (select item_id from sprint_scope_items where sprint_id = ${range.sprintId})`,
  ];
  if (range.upToId !== undefined) conditions.push(sql`event_id <= ${range.upToId}`);
  if (range.afterId !== undefined) conditions.push(sql`event_id > ${range.afterId}`);
  const rowsAsJson =
    dialectOf(db) === 'postgres'
      ? sql`coalesce(json_agg(json_build_array(${COLUMNS}))::text, '[]')`
      : sql`json_group_array(json_array(${COLUMNS}))`;
  // A title-only event followed (in the same item) by another that sets the title is skipped: it moves no
  // point, and the scope changes name an item by the title it has when its scope changes, which the later
  // event sets anyway. In a sprint whose items are renamed often that is most of its events.
  const { rows } = await sql<{ rows: string }>`
    select ${rowsAsJson} as rows from (
      select ${COLUMNS}, lead(fields) over (partition by item_id order by event_id) as next_fields
      from item_replay_events where ${sql.join(conditions, sql` and `)}
    ) as replayed
    where not (fields = ${TITLE} and (coalesce(next_fields, 0) & ${TITLE}) <> 0)`.execute(db);
  const parsed = JSON.parse(rows[0]?.rows ?? '[]') as Row[];
  const events: ItemEvent[] = parsed.map((row) => ({
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
  return events.sort((a, b) => a.id - b.id);
}
