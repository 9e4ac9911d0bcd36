/**
 * The charts' projections of item events (domain/item-projection.ts), filled from the event log:
 * `item_replay_events` holds the replayed fields of the events of each item that was ever in a sprint
 * (the only ones a burndown or sprint report reads), its rows kept together per item
 * (SQLite: a WITHOUT ROWID table ordered by its key), so a sprint's burndown reads a few hundred short
 * runs instead of thousands of events scattered through the log; `item_flow_slots` holds each product's
 * moves between flow columns per 15-minute slot, so a year of cumulative flow sums some thousands of rows
 * instead of half a million events.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

type AnyDb = Kysely<unknown>;

/*
 * Frozen: what this migration needs of the projections (services/events/item-projections.ts and
 * domain/item-projection.ts as they were when it was written), copied here so that later changes to
 * those modules cannot change what an old database is migrated to.
 */

type Status = 'backlog' | 'ready' | 'in_progress' | 'in_review' | 'done' | 'wont_do';
const STATUSES: readonly Status[] = ['backlog', 'ready', 'in_progress', 'in_review', 'done', 'wont_do'];
type Changes = Record<string, [unknown, unknown]>;

/** The replayed fields, in the order of their bits in `fields` (key 1, title 2, … deletedAt 32). */
const REPLAYED_FIELDS = ['key', 'title', 'sprintId', 'estimate', 'status', 'deletedAt'] as const;
const SLOT_MS = 15 * 60_000;
/** Events read per query while rebuilding. */
const PAGE = 5_000;
/** Bound-parameter ceilings per statement: SQLite's SQLITE_MAX_VARIABLE_NUMBER, PostgreSQL's Int16 count. */
const MAX_PARAMETERS = { sqlite: 32_766, postgres: 65_535 } as const;

interface ReplayRow {
  item_id: string;
  event_id: number;
  at: string;
  action: string;
  fields: number;
  key: string | null;
  title: string | null;
  sprint_id: string | null;
  estimate: number | null;
  status: string | null;
  deleted_at: string | null;
}
type SlotRow = { product_id: string; slot: number } & Record<Status, number>;

/** The tables the rebuild reads and writes, as they are at this migration. */
interface Frozen {
  events: {
    id: number;
    product_id: string | null;
    at: string;
    entity_type: string;
    entity_id: string;
    action: string;
    changes: string;
  };
  sprint_scope_items: { sprint_id: string; item_id: string };
  item_replay_events: ReplayRow;
  item_flow_slots: SlotRow;
}

const isFlowStatus = (value: unknown): value is Status => STATUSES.includes(value as Status);

/** The replayed fields an item event changes, or null when it changes none. */
function replayedChanges(text: string): Changes | null {
  const all = JSON.parse(text) as Changes;
  let changes: Changes | null = null;
  for (const field of REPLAYED_FIELDS) {
    const pair = all[field];
    if (!pair) continue;
    changes ??= {};
    changes[field] = pair;
  }
  return changes;
}

function replayRow(event: Frozen['events'], changes: Changes): ReplayRow {
  let fields = 0;
  REPLAYED_FIELDS.forEach((field, i) => {
    if (changes[field]) fields |= 1 << i;
  });
  const after = (field: string) => changes[field]?.[1] ?? null;
  return {
    item_id: event.entity_id,
    event_id: event.id,
    at: event.at,
    action: event.action,
    fields,
    key: after('key') as string | null,
    title: after('title') as string | null,
    sprint_id: after('sprintId') as string | null,
    estimate: after('estimate') as number | null,
    status: after('status') as string | null,
    deleted_at: after('deletedAt') as string | null,
  };
}

/** How an item event moves the item between flow columns, or null when it does not. */
function flowMove(
  changes: Changes,
  currentStatus: Status | null,
): { from: Status | null; to: Status | null } | null {
  const status = changes.status;
  const trash = changes.deletedAt;
  if (!status && !trash) return null;
  const before = status ? status[0] : currentStatus;
  const after = status ? status[1] : currentStatus;
  const from = (trash ? trash[0] === null : true) && isFlowStatus(before) ? before : null;
  const to = (trash ? trash[1] === null : true) && isFlowStatus(after) ? after : null;
  return from === to ? null : { from, to };
}

/** Inserts `rows` in statements of as many rows as the database binds parameters for. */
async function insertAll<T extends object>(
  postgres: boolean,
  rows: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.floor(MAX_PARAMETERS[postgres ? 'postgres' : 'sqlite'] / Object.keys(first).length);
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/** Fills both projections from the event log alone. */
async function rebuildItemProjections(handle: AnyDb, postgres: boolean): Promise<void> {
  const db = handle as unknown as Kysely<Frozen>;
  const scoped = new Set(
    (await db.selectFrom('sprint_scope_items').select('item_id').distinct().execute()).map(
      (row) => row.item_id,
    ),
  );
  const statusOf = new Map<string, Status>();
  const slots = new Map<string, SlotRow>();
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom('events')
      .selectAll()
      .where('entity_type', '=', 'item')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    const last = page.at(-1);
    if (!last) break;
    const replay: ReplayRow[] = [];
    for (const event of page) {
      const changes = replayedChanges(event.changes);
      if (!changes) continue;
      if (scoped.has(event.entity_id)) replay.push(replayRow(event, changes));
      const move = flowMove(changes, statusOf.get(event.entity_id) ?? null);
      if (changes.status) statusOf.set(event.entity_id, changes.status[1] as Status);
      if (!move || event.product_id === null) continue;
      const slot = Math.floor(Date.parse(event.at) / SLOT_MS);
      const key = `${event.product_id}|${slot}`;
      let row = slots.get(key);
      if (!row) {
        row = {
          product_id: event.product_id,
          slot,
          backlog: 0,
          ready: 0,
          in_progress: 0,
          in_review: 0,
          done: 0,
          wont_do: 0,
        };
        slots.set(key, row);
      }
      if (move.from) row[move.from] -= 1;
      if (move.to) row[move.to] += 1;
    }
    await insertAll(postgres, replay, (batch) => db.insertInto('item_replay_events').values(batch).execute());
    after = Number(last.id);
  }
  await insertAll(postgres, [...slots.values()], (batch) =>
    db.insertInto('item_flow_slots').values(batch).execute(),
  );
}

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = 'text' as const;
  // SQLite keeps a WITHOUT ROWID table's rows in the order of its primary key.
  const clustered = <T extends { modifyEnd: (end: ReturnType<typeof sql>) => T }>(table: T) =>
    postgres ? table : table.modifyEnd(sql`without rowid`);

  await db.schema
    .createTable('item_replay_events')
    .addColumn('item_id', text, (c) => c.notNull())
    .addColumn('event_id', postgres ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('fields', 'integer', (c) => c.notNull())
    .addColumn('key', text)
    .addColumn('title', text)
    .addColumn('sprint_id', text)
    .addColumn('estimate', 'double precision')
    .addColumn('status', text)
    .addColumn('deleted_at', text)
    .addPrimaryKeyConstraint('item_replay_events_pk', ['item_id', 'event_id'])
    .$call(clustered)
    .execute();

  let slots = db.schema
    .createTable('item_flow_slots')
    .addColumn('product_id', text, (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull());
  for (const column of ['backlog', 'ready', 'in_progress', 'in_review', 'done', 'wont_do']) {
    slots = slots.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await slots
    .addPrimaryKeyConstraint('item_flow_slots_pk', ['product_id', 'slot'])
    .$call(clustered)
    .execute();

  // Which sprints an item was ever in is asked for every item event written.
  await db.schema.createIndex('sprint_scope_items_item').on('sprint_scope_items').column('item_id').execute();

  await rebuildItemProjections(db, postgres);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('sprint_scope_items_item').execute();
  await db.schema.dropTable('item_flow_slots').execute();
  await db.schema.dropTable('item_replay_events').execute();
}
