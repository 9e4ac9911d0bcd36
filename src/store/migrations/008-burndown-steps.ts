/**
 * Burndown steps: what each item event did to the burndown of the sprint its item was or is in (the
 * item's points while it counts toward the sprint, and whether they are done, before and after the
 * event), kept per sprint (SQLite: a WITHOUT ROWID table ordered by sprint), so a sprint's first burndown
 * reads about one row per scope change or completion instead of every replayed event of its items.
 * Filled here from item_replay_events, a bounded number of items per statement; written from then on with
 * the rows of item_replay_events (services/events/write-burndown-steps.ts).
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

type AnyDb = Kysely<unknown>;

/*
 * Frozen: the fold of domain/item-replay.ts and domain/burndown-steps.ts as they were when this migration
 * was written, so that later changes to them cannot change what an old database is migrated to.
 */

/** Items whose rows one query reads. */
const ITEMS_PER_BATCH = 500;
/** Bound-parameter ceilings per statement: SQLite's SQLITE_MAX_VARIABLE_NUMBER, PostgreSQL's Int16 count. */
const MAX_PARAMETERS = { sqlite: 32_766, postgres: 65_535 } as const;

interface Row {
  item_id: string;
  event_id: number | string;
  at: string;
  fields: number;
  key: string | null;
  title: string | null;
  sprint_id: string | null;
  estimate: number | null;
  status: string | null;
  deleted_at: string | null;
}

interface Facts {
  key: string;
  title: string;
  sprintId: string | null;
  estimate: number | null;
  status: string;
  deleted: boolean;
}

interface StepRow {
  sprint_id: string;
  event_id: number;
  item_id: string;
  at: string;
  key: string;
  title: string;
  was_points: number | null;
  was_done: number;
  is_points: number | null;
  is_done: number;
}

function iso(at: string): string {
  if (at.length === 24 && at.charCodeAt(23) === 90 && at.charCodeAt(10) === 84) return at;
  return new Date(at).toISOString();
}

function applyRow(before: Facts | undefined, row: Row): Facts {
  const f = row.fields;
  return {
    key: f & 1 ? String(row.key) : before ? before.key : '',
    title: f & 2 ? String(row.title) : before ? before.title : '',
    sprintId: f & 4 ? (row.sprint_id ?? null) : before ? before.sprintId : null,
    estimate: f & 8 ? (row.estimate ?? null) : before ? before.estimate : null,
    status: f & 16 ? (row.status as string) : before ? before.status : 'backlog',
    deleted: f & 32 ? row.deleted_at !== null : before ? before.deleted : false,
  };
}

function share(facts: Facts | undefined, sprintId: string): { points: number | null; done: boolean } {
  if (!facts || facts.deleted || facts.sprintId !== sprintId || facts.status === 'wont_do') {
    return { points: null, done: false };
  }
  return { points: facts.estimate ?? 0, done: facts.status === 'done' };
}

/** One item's steps, from all its rows. */
function stepsOfItem(rows: Row[], out: StepRow[]): void {
  const ordered = rows
    .map((row) => ({ row, at: iso(row.at), id: Number(row.event_id) }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
  let facts: Facts | undefined;
  for (const { row, id } of ordered) {
    const after = applyRow(facts, row);
    const sprints = facts?.sprintId && facts.sprintId !== after.sprintId ? [facts.sprintId] : [];
    if (after.sprintId) sprints.push(after.sprintId);
    for (const sprintId of sprints) {
      const was = share(facts, sprintId);
      const is = share(after, sprintId);
      if (was.points === is.points && was.done === is.done) continue;
      out.push({
        sprint_id: sprintId,
        event_id: id,
        item_id: row.item_id,
        at: row.at,
        key: after.key,
        title: after.title,
        was_points: was.points,
        was_done: was.done ? 1 : 0,
        is_points: is.points,
        is_done: is.done ? 1 : 0,
      });
    }
    facts = after;
  }
}

/** One transaction (PostgreSQL's migrator opens it; SQLite's runs migrations without one). */
function atomically(db: AnyDb, work: (trx: AnyDb) => Promise<void>): Promise<void> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? work(db) : db.transaction().execute(work);
}

export function up(db: AnyDb): Promise<void> {
  return atomically(db, fill);
}

async function fill(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = 'text' as const;
  const idType = postgres ? 'bigint' : 'integer';
  const steps = db.schema
    .createTable('sprint_burndown_steps')
    .addColumn('sprint_id', text, (c) => c.notNull())
    .addColumn('event_id', idType, (c) => c.notNull())
    .addColumn('item_id', text, (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('was_points', 'double precision')
    .addColumn('was_done', 'integer', (c) => c.notNull())
    .addColumn('is_points', 'double precision')
    .addColumn('is_done', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sprint_burndown_steps_pk', ['sprint_id', 'event_id']);
  // SQLite keeps a WITHOUT ROWID table's rows in the order of its primary key: a sprint's steps together.
  await (postgres ? steps : steps.modifyEnd(sql`without rowid`)).execute();
  await db.schema
    .createTable('sprint_burndown_refolds')
    .addColumn('sprint_id', text, (c) => c.primaryKey())
    .addColumn('event_id', idType, (c) => c.notNull())
    .execute();

  const perInsert = Math.floor(MAX_PARAMETERS[postgres ? 'postgres' : 'sqlite'] / 10);
  let after = '';
  for (;;) {
    const { rows: items } = await sql<{ item_id: string }>`
      select distinct item_id from item_replay_events where item_id > ${after}
      order by item_id limit ${ITEMS_PER_BATCH}`.execute(db);
    const last = items.at(-1)?.item_id;
    if (last === undefined) return;
    const { rows } = await sql<Row>`
      select item_id, event_id, at, fields, key, title, sprint_id, estimate, status, deleted_at
      from item_replay_events where item_id > ${after} and item_id <= ${last}
      order by item_id, event_id`.execute(db);
    const out: StepRow[] = [];
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i]?.item_id === rows[start]?.item_id) continue;
      stepsOfItem(rows.slice(start, i), out);
      start = i;
    }
    for (let i = 0; i < out.length; i += perInsert) {
      await (db as Kysely<{ sprint_burndown_steps: StepRow }>)
        .insertInto('sprint_burndown_steps')
        .values(out.slice(i, i + perInsert))
        .execute();
    }
    if (items.length < ITEMS_PER_BATCH) return;
    after = last;
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('sprint_burndown_refolds').execute();
  await db.schema.dropTable('sprint_burndown_steps').execute();
}
