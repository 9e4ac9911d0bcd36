/**
 * item_replay_events no longer keeps a title-only row once a later row of the same item sets the title
 * (services/events/write-replay-rows.ts), so that a burndown's first read is a plain range scan instead of
 * a window over every row. This deletes such rows already stored, a bounded batch of items at a time. They
 * move no point of a chart and name no scope change, so nothing read from the table changes.
 */
import { type Kysely, sql } from 'kysely';

type AnyDb = Kysely<unknown>;

/** Items whose rows one statement looks at. */
const ITEMS_PER_BATCH = 500;
/** The `fields` bit of the title, as item-projections.ts wrote it when this migration was written. */
const TITLE = 2;

export async function up(db: AnyDb): Promise<void> {
  let after = '';
  for (;;) {
    const { rows } = await sql<{ item_id: string }>`
      select distinct item_id from item_replay_events where item_id > ${after}
      order by item_id limit ${ITEMS_PER_BATCH}`.execute(db);
    const last = rows.at(-1)?.item_id;
    if (last === undefined) return;
    await sql`
      delete from item_replay_events where (item_id, event_id) in (
        select item_id, event_id from (
          select item_id, event_id, fields,
            lead(fields) over (partition by item_id order by event_id) as next_fields
          from item_replay_events where item_id > ${after} and item_id <= ${last}
        ) as batch
        where fields = ${TITLE} and (next_fields & ${TITLE}) <> 0
      )`.execute(db);
    if (rows.length < ITEMS_PER_BATCH) return;
    after = last;
  }
}

/** Nothing to put back: the code before this migration read past these rows anyway. */
export async function down(): Promise<void> {}
