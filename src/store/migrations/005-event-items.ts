/**
 * An item's history shows the changes of its dependencies too. A dependency's events belong to the
 * dependency (and to the blocked item's product), so `event_items` indexes them by each item they link;
 * it is filled here from the dependency events already in the log.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

type AnyDb = Kysely<unknown>;
/** The one table this migration writes through the query builder. */
type Written = Kysely<{ event_items: { item_id: string; event_id: number } }>;

/** Events read per query while filling the index. */
const PAGE = 1000;

/** The items a dependency event links, as recordEvent wrote them when this migration was written. */
function linkedItems(changes: string): string[] {
  const parsed = JSON.parse(changes) as Record<string, unknown>;
  const ids = new Set<string>();
  for (const field of ['blockerId', 'blockedId']) {
    const pair = parsed[field];
    if (!Array.isArray(pair)) continue;
    for (const value of pair) if (typeof value === 'string') ids.add(value);
  }
  return [...ids];
}

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('event_items')
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('event_id', postgres ? 'bigint' : 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_items_pk', ['item_id', 'event_id'])
    .execute();

  let after = 0;
  for (;;) {
    const { rows } = await sql<{ id: number | string; changes: string }>`
      select id, changes from events where entity_type = 'dependency' and id > ${after}
      order by id limit ${PAGE}`.execute(db);
    const links = rows.flatMap((row) =>
      linkedItems(row.changes).map((item_id) => ({ item_id, event_id: Number(row.id) })),
    );
    if (links.length > 0) await (db as unknown as Written).insertInto('event_items').values(links).execute();
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = Number(last.id);
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('event_items').execute();
}
