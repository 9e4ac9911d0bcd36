/**
 * Writes rows of item_replay_events without the title edits a later row supersedes: a row that changes
 * only the title is dropped as soon as the next row of its item sets the title too. It moves no point of a
 * burndown, and the scope changes name an item by the title it has when its scope changes, which the later
 * row sets anyway. In a sprint whose items are renamed often that is most of its rows, and a burndown's
 * first read is then a plain range scan of what it replays (load-burndown-events.ts). The burndown steps
 * the rows make are written with them (write-burndown-steps.ts).
 */
import type { Insertable, QueryCreator } from 'kysely';
import { chunked, insertBatches } from '../../store/batches.ts';
import { type Db, dialectOf } from '../../store/database.ts';
import type { ItemReplayEventsTable, Tables } from '../../store/tables.ts';
import { writeBurndownSteps } from './write-burndown-steps.ts';

type ReplayRow = Insertable<ItemReplayEventsTable>;

/** The `fields` bit of the title (see item-projections.ts). */
export const TITLE = 2;

/** `rows` (in event id order) without the title-only rows that a later one of the same item supersedes. */
export function withoutSupersededTitles(rows: readonly ReplayRow[]): ReplayRow[] {
  const kept: (ReplayRow | null)[] = [];
  /** Each item's last title-only row so far, by its position in `kept`. */
  const titleOnly = new Map<string, number>();
  for (const row of rows) {
    const previous = titleOnly.get(row.item_id);
    if (previous !== undefined && row.fields & TITLE) kept[previous] = null;
    if (row.fields === TITLE) titleOnly.set(row.item_id, kept.length);
    else titleOnly.delete(row.item_id);
    kept.push(row);
  }
  return kept.filter((row) => row !== null);
}

/** Deletes the stored last row of each item when it is title-only (the rows about to be written supersede it). */
function deleteSupersededTitles(db: QueryCreator<Tables>, itemIds: readonly string[]) {
  return db
    .deleteFrom('item_replay_events')
    .where('item_id', 'in', itemIds)
    .where('fields', '=', TITLE)
    .where('event_id', '=', (eb) =>
      eb
        .selectFrom('item_replay_events as latest')
        .select((inner) => inner.fn.max('latest.event_id').as('event_id'))
        .whereRef('latest.item_id', '=', 'item_replay_events.item_id'),
    );
}

/**
 * Adds `rows` (in event id order, each newer than every stored row of its item) to item_replay_events and
 * drops the rows they supersede, stored ones included. Call it in the transaction that writes the events.
 */
export async function writeReplayRows(db: Db, rows: readonly ReplayRow[]): Promise<void> {
  if (rows.length === 0) return;
  const written = withoutSupersededTitles(rows);
  // Only an item's first new row can supersede a stored one; the later ones were dealt with above.
  const seen = new Set<string>();
  const superseding: string[] = [];
  for (const row of rows) {
    if (seen.has(row.item_id)) continue;
    seen.add(row.item_id);
    if (row.fields & TITLE) superseding.push(row.item_id);
  }
  const supersedes = new Set(superseding);
  // Before the rows are written: the steps fold them onto the item's stored rows.
  await writeBurndownSteps(
    db,
    written as ItemReplayEventsTable[],
    (last) => last.fields === TITLE && supersedes.has(last.item_id),
  );
  const batches = insertBatches(db, written);
  const first = batches[0];
  if (first && superseding.length === 1 && dialectOf(db) === 'postgres') {
    // One edit (the common case): the delete rides in the insert's statement, sparing a round trip. Both
    // see the table as it was before the statement, so the delete cannot touch the new rows.
    await db
      .with('superseded', (q) => deleteSupersededTitles(q, superseding))
      .insertInto('item_replay_events')
      .values(first)
      .execute();
    batches.shift();
  } else {
    for (const ids of chunked(superseding, 1_000)) await deleteSupersededTitles(db, ids).execute();
  }
  for (const batch of batches) await db.insertInto('item_replay_events').values(batch).execute();
}
