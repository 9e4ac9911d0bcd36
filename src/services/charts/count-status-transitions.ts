/**
 * Counts a product's status transitions per local day, in the database: the input of the cumulative
 * flow (domain/cumulative-flow.ts). A year of a 100,000-item product is over half a million events, so
 * none of them is sent to JavaScript or parsed as JSON: the status pair is cut out of the change text
 * with string functions (`"status":[<from>,<to>]` as JSON.stringify writes it; inside a JSON string a
 * quote is always escaped, so the pattern only matches the key), the local date comes from the rules of
 * localDayRules, and the database answers one row per day and pair.
 *
 * Trashing and restoring an item (a `deletedAt` change) takes it out of or back into its status: the one
 * its latest status change set (a trashed item cannot change status).
 */
import { type RawBuilder, sql } from 'kysely';
import { FLOW_STATUSES, type FlowTransition, type LocalDays } from '../../domain/cumulative-flow.ts';
import type { Status } from '../../domain/item-replay.ts';
import { type Db, dialectOf } from '../../store/database.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** Dates before the rules' first day; after their last day. */
export const BEFORE = '';
export const AFTER = '~';

const HMS = (seconds: number) => new Date(seconds * 1000).toISOString().slice(11, 19);

/**
 * The local date of `at` by the rules (BEFORE / AFTER outside them), as SQL. Event times are UTC ISO
 * strings, which order as their instants. On PostgreSQL they are compared in the C collation (a
 * language collation compares them character by character through the locale, several times slower),
 * and a UTC offset moves the date only when the time of day passes a threshold: cheaper than parsing
 * every time as a timestamp.
 */
function localDateSql(db: Db, days: LocalDays): RawBuilder<string> {
  const postgres = dialectOf(db) === 'postgres';
  const before = (ms: number) => (postgres ? sql`at < ${iso(ms)} collate "C"` : sql`at < ${iso(ms)}`);
  const shifted = (offset: number) => {
    if (!postgres) return sql`date(at, ${`${offset >= 0 ? '+' : ''}${offset} seconds`})`;
    if (offset === 0) return sql`left(at, 10)`;
    const time = sql`substr(at, 12, 8) collate "C"`;
    return offset > 0
      ? sql`case when ${time} >= ${HMS(86_400 - offset)} then (left(at, 10)::date + 1)::text else left(at, 10) end`
      : sql`case when ${time} < ${HMS(-offset)} then (left(at, 10)::date - 1)::text else left(at, 10) end`;
  };
  const branches = days.rules.map((rule) =>
    'date' in rule
      ? sql`when ${before(rule.until)} then ${rule.date}`
      : sql`when ${before(rule.until)} then ${shifted(Math.round(rule.offsetSeconds))}`,
  );
  return sql<string>`case when ${before(days.start)} then ${BEFORE} ${sql.join(branches, sql` `)} else ${AFTER} end`;
}

/** The text after `"<field>":[` in `changes` (from its start when the field is absent). */
function textAfter(db: Db, column: string, field: string, length: number): RawBuilder<string> {
  const key = `"${field}":[`;
  const find = dialectOf(db) === 'postgres' ? 'strpos' : 'instr';
  return sql`substr(${sql.ref(column)}, ${sql.raw(find)}(${sql.ref(column)}, ${key}) + ${sql.lit(key.length)}, ${sql.lit(length)})`;
}

function mentions(db: Db, column: string, field: string): RawBuilder<boolean> {
  const find = dialectOf(db) === 'postgres' ? 'strpos' : 'instr';
  return sql<boolean>`${sql.raw(find)}(${sql.ref(column)}, ${`"${field}":[`}) > 0`;
}

export interface TransitionRange {
  productId: string;
  /** Only items that were in one of this team's sprints (not a trashed one); null: every item of the product. */
  teamId: string | null;
  days: LocalDays;
  /** Events with ids in (afterId, upToId]: the events_product index finds them. */
  afterId: number;
  upToId: number;
}

/** The product's (or team's) item events in the id range. */
function itemEvents(range: TransitionRange): RawBuilder<boolean> {
  const events = sql<boolean>`product_id = ${range.productId} and entity_type = 'item'
    and id > ${range.afterId} and id <= ${range.upToId}`;
  if (range.teamId === null) return events;
  return sql<boolean>`${events} and entity_id in (select ssi.item_id from sprint_scope_items ssi
    join sprints sp on sp.id = ssi.sprint_id where sp.team_id = ${range.teamId} and sp.product_id = ${range.productId}
      and sp.deleted_at is null)`;
}

/** The pair in the text after `"status":[`, e.g. `"ready","done"],"rank…` → [ready, done]. */
const PAIR = /^(?:null|"([a-z_]+)"),"([a-z_]+)"\]/;
function readPair(text: string | null): [Status | null, Status] | null {
  const match = text === null ? null : PAIR.exec(text);
  if (!match) return null;
  const from = (match[1] ?? null) as Status | null;
  const to = match[2] as Status;
  if ((from !== null && !FLOW_STATUSES.includes(from)) || !FLOW_STATUSES.includes(to)) return null;
  return [from, to];
}

type Row = { day: string; moved: string; pair: string | null; n: number | string };

/**
 * Counts the range's events that change `fields` per day and pair: creations and status changes as
 * their status pair; a trash or restore (`moved`: the first characters of its deletedAt pair, `null`
 * when trashing) as the pair of the item's latest status change before it.
 */
async function countRows(
  db: Db,
  range: TransitionRange,
  fields: 'status' | 'deletedAt' | 'both',
): Promise<Row[]> {
  const status = mentions(db, 'changes', 'status');
  // 26 characters hold the longest pair, "in_progress","in_review"].
  const statusPair = textAfter(db, 'changes', 'status', 26);
  const moved = textAfter(db, 'changes', 'deletedAt', 4);
  const priorPair = sql`(select ${textAfter(db, 'prior', 'status', 26)} from (
      select s.changes as prior from events s
      where s.entity_id = e.entity_id and s.id < e.id and ${mentions(db, 's.changes', 'status')}
      order by s.id desc limit 1) latest)`;
  // Each kind alone needs no CASE: a CASE per row costs PostgreSQL more than the second scan.
  const columns = {
    status: { moved: sql`''`, pair: statusPair, where: status },
    deletedAt: { moved, pair: priorPair, where: mentions(db, 'changes', 'deletedAt') },
    both: {
      moved: sql`case when ${status} then '' else ${moved} end`,
      pair: sql`case when ${status} then ${statusPair} else ${priorPair} end`,
      where: sql`(${status} or ${mentions(db, 'changes', 'deletedAt')})`,
    },
  }[fields];
  // PostgreSQL groups (sorts) these keys faster in the C collation.
  const key = (expression: RawBuilder<unknown>) =>
    dialectOf(db) === 'postgres' ? sql`(${expression}) collate "C"` : expression;
  const { rows } = await sql<Row>`
    select day, moved, pair, count(*) as n from (
      select ${key(localDateSql(db, range.days))} as day, ${key(columns.moved)} as moved,
        ${key(columns.pair)} as pair
      from events e
      where ${itemEvents(range)} and ${columns.where}
    ) t
    group by day, moved, pair`.execute(db);
  return rows;
}

/** Every status transition of the range's events, counted per local day (BEFORE, a date, or AFTER). */
export async function countStatusTransitions(db: Db, range: TransitionRange): Promise<FlowTransition[]> {
  if (range.upToId <= range.afterId) return [];
  // SQLite reads the events once; PostgreSQL counts the two kinds on two connections at once.
  const rows =
    dialectOf(db) === 'postgres'
      ? (await Promise.all([countRows(db, range, 'status'), countRows(db, range, 'deletedAt')])).flat()
      : await countRows(db, range, 'both');
  const transitions: FlowTransition[] = [];
  for (const row of rows) {
    const pair = readPair(row.pair);
    if (!pair) continue;
    const count = Number(row.n);
    if (row.moved === '') transitions.push({ date: row.day, from: pair[0], to: pair[1], count });
    else if (row.moved === 'null') transitions.push({ date: row.day, from: pair[1], to: null, count });
    else transitions.push({ date: row.day, from: null, to: pair[1], count });
  }
  return transitions;
}
