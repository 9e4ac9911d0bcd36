/**
 * A sprint's burndown steps (domain/burndown-steps.ts), as written with its items' events
 * (services/events/write-burndown-steps.ts): one row per event that changed an item's share of the
 * sprint, kept together per sprint. Both databases hand the rows over as one JSON array: JSON.parse builds
 * them faster than better-sqlite3 or node-postgres build row objects, and a sprint's first burndown reads
 * about a thousand of them with code that has barely run (on PostgreSQL, the main thread's CPU for the
 * bench's first burndown fell by about a third against plain rows; the server's json_agg over a thousand
 * short rows is cheap, unlike over the ten thousand event rows the replay read before).
 */
import { type RawBuilder, sql } from 'kysely';
import type { BurndownStep } from '../../domain/burndown-steps.ts';
import { type Db, dialectOf } from '../../store/database.ts';

export interface StepRange {
  sprintId: string;
  /** Only steps of events with a larger id (a cache catching up). */
  afterId?: number | undefined;
  /** Only steps of events up to this id (what a cache has seen), or up to what this query gives. */
  upToId?: number | RawBuilder<unknown> | undefined;
}

type Row = [
  eventId: number,
  itemId: string,
  at: string,
  key: string,
  title: string,
  wasPoints: number | null,
  wasDone: number,
  isPoints: number | null,
  isDone: number,
];

const COLUMNS = sql`event_id, item_id, at, key, title, was_points, was_done, is_points, is_done`;

/** The query answering the range's steps as one JSON array (text; PostgreSQL: null for none). */
export function stepsJson(db: Db, range: StepRange): RawBuilder<string | null> {
  const conditions: RawBuilder<unknown>[] = [sql`sprint_id = ${range.sprintId}`];
  if (range.upToId !== undefined) conditions.push(sql`event_id <= ${range.upToId}`);
  if (range.afterId !== undefined) conditions.push(sql`event_id > ${range.afterId}`);
  const where = sql.join(conditions, sql` and `);
  return dialectOf(db) === 'postgres'
    ? sql`select json_agg(json_build_array(${COLUMNS}))::text from sprint_burndown_steps where ${where}`
    : sql`select json_group_array(json_array(${COLUMNS})) from sprint_burndown_steps where ${where}`;
}

/** The steps of what stepsJson answered, in id order. */
export function stepsOfJson(sprintId: string, json: string | null | undefined): BurndownStep[] {
  const parsed = JSON.parse(json ?? '[]') as Row[];
  const steps = parsed.map(
    (row): BurndownStep => ({
      sprintId,
      eventId: row[0],
      itemId: row[1],
      at: row[2],
      key: row[3],
      title: row[4],
      was: { points: row[5], done: row[6] === 1 },
      is: { points: row[7], done: row[8] === 1 },
    }),
  );
  return steps.sort((a, b) => a.eventId - b.eventId);
}

/** In id order. */
export async function loadBurndownSteps(db: Db, range: StepRange): Promise<BurndownStep[]> {
  const { rows } = await sql<{ rows: string | null }>`select (${stepsJson(db, range)}) as rows`.execute(db);
  return stepsOfJson(range.sprintId, rows[0]?.rows);
}
