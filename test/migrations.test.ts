/** Upgrading a database that already holds history: what a new migration derives from the log is there. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateToLatest } from '../src/store/migrate.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/databases.ts';

const SLOT = 15 * 60_000;
const slotAt = (iso: string) => Math.floor(Date.parse(iso) / SLOT);

describe('migrations', () => {
  it('are frozen: they import nothing of the application, only Kysely', () => {
    const dir = join(import.meta.dirname, '..', 'src', 'store', 'migrations');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/^import[^;]*?from '([^']+)'/gms)];
      assert.ok(imports.length > 0, `${file} imports Kysely`);
      for (const [, source] of imports) assert.equal(source, 'kysely', `${file} imports ${source}`);
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`migrating a database with history (${dialect})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(dialect, { migrate: false });
    });
    after(() => database.close());

    it('003 projects the item events already in the log for the charts', async () => {
      const db = database.db;
      await migrateTo(db, '002-execution');
      const event = (id: number, at: string, action: string, changes: object) => ({
        product_id: 'p1',
        actor_id: null,
        at,
        entity_type: 'item',
        entity_id: 'i1',
        action,
        changes: JSON.stringify(changes),
        id,
      });
      const rows = [
        event(1, '2026-03-01T09:00:00.000Z', 'created', {
          key: [null, 'CHK-1'],
          title: [null, 'Pay'],
          description: [null, 'long text'],
          status: [null, 'backlog'],
          estimate: [null, 3],
        }),
        event(2, '2026-03-01T09:20:00.000Z', 'updated', { description: ['long text', 'longer'] }),
        event(3, '2026-03-02T10:00:00.000Z', 'updated', { status: ['backlog', 'done'] }),
        event(4, '2026-03-03T10:00:00.000Z', 'deleted', { deletedAt: [null, '2026-03-03T10:00:00.000Z'] }),
        event(5, '2026-03-03T10:20:00.000Z', 'restored', { deletedAt: ['2026-03-03T10:00:00.000Z', null] }),
      ];
      // Plain SQL into the tables as 002 left them; the item was in sprint s1 (foreign keys off: only the
      // log and the sprint index matter here).
      // (SQLite ignores the pragma inside a transaction.)
      if (dialect === 'sqlite') await sql`pragma foreign_keys = off`.execute(db);
      await db.transaction().execute(async (trx) => {
        if (dialect === 'postgres') await sql`set local session_replication_role = replica`.execute(trx);
        for (const row of rows) {
          await sql`insert into events (id, product_id, actor_id, at, entity_type, entity_id, action, changes)
            values (${row.id}, ${row.product_id}, ${row.actor_id}, ${row.at}, ${row.entity_type},
              ${row.entity_id}, ${row.action}, ${row.changes})`.execute(trx);
        }
        await sql`insert into events (id, product_id, actor_id, at, entity_type, entity_id, action, changes)
          values (6, 'p1', null, '2026-03-04T08:00:00.000Z', 'item', 'i2', 'created',
            ${JSON.stringify({ key: [null, 'CHK-2'], status: [null, 'ready'] })})`.execute(trx);
        await sql`insert into sprint_scope_items (sprint_id, item_id) values ('s1', 'i1')`.execute(trx);
      });
      if (dialect === 'sqlite') await sql`pragma foreign_keys = on`.execute(db);

      const said: string[] = [];
      await migrateToLatest(db, (line) => said.push(line));
      assert.deepEqual(
        said.map((line) => line.replace(/ in [\d.]+ s$/, ' in … s')),
        [
          'Migrating the database: 003-chart-projections, 004-name-keys, 005-event-items, 006-superseded-title-edits, 007-leaner-item-writes, 008-burndown-steps, 009-planning-intelligence, 010-vision-cadences, 011-prds, 012-story-maps, 013-roadmap-baselines, 014-share-links, 015-announcement-edits, 016-imports, 017-comments, 018-webhooks, 019-tokens-feeds-sso…',
          'Migrated the database (003-chart-projections, 004-name-keys, 005-event-items, 006-superseded-title-edits, 007-leaner-item-writes, 008-burndown-steps, 009-planning-intelligence, 010-vision-cadences, 011-prds, 012-story-maps, 013-roadmap-baselines, 014-share-links, 015-announcement-edits, 016-imports, 017-comments, 018-webhooks, 019-tokens-feeds-sso) in … s',
        ],
        'an operator sees what a long migration is doing',
      );

      const replay = await db
        .selectFrom('item_replay_events')
        .select(['event_id', 'fields', 'key', 'status', 'estimate', 'deleted_at'])
        .orderBy('event_id')
        .execute();
      assert.deepEqual(replay, [
        {
          event_id: 1,
          fields: 1 | 2 | 8 | 16,
          key: 'CHK-1',
          status: 'backlog',
          estimate: 3,
          deleted_at: null,
        },
        { event_id: 3, fields: 16, key: null, status: 'done', estimate: null, deleted_at: null },
        {
          event_id: 4,
          fields: 32,
          key: null,
          status: null,
          estimate: null,
          deleted_at: '2026-03-03T10:00:00.000Z',
        },
        { event_id: 5, fields: 32, key: null, status: null, estimate: null, deleted_at: null },
      ]);
      const slots = await db
        .selectFrom('item_flow_slots')
        .select(['slot', 'backlog', 'ready', 'done'])
        .where('product_id', '=', 'p1')
        .orderBy('slot')
        .execute();
      assert.deepEqual(slots, [
        { slot: slotAt(rows[0]!.at), backlog: 1, ready: 0, done: 0 },
        { slot: slotAt(rows[2]!.at), backlog: -1, ready: 0, done: 1 },
        // Trashed and restored: out of and back into the status its last change set.
        { slot: slotAt(rows[3]!.at), backlog: 0, ready: 0, done: -1 },
        { slot: slotAt(rows[4]!.at), backlog: 0, ready: 0, done: 1 },
        // i2, never in a sprint: in the flow, but no replayed fields kept.
        { slot: slotAt('2026-03-04T08:00:00.000Z'), backlog: 0, ready: 1, done: 0 },
      ]);
    });
  });

  describe(`migrating the chart projection to burndown steps (${dialect})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(dialect, { migrate: false });
    });
    after(() => database.close());

    it('008 fills in the burndown steps of every item already in a sprint, in time order', async () => {
      const db = database.db;
      await migrateTo(db, '007-leaner-item-writes');
      // fields: key 1, title 2, sprintId 4, estimate 8, status 16. i1 is created in s1 (3 points), renamed,
      // done, moved to s2, then re-estimated by an event dated before its move (ids are not time order);
      // 600 more items (more than one batch) are each created in s3 and done.
      const row = (item: string, event: number, at: string, fields: number, values: object) => ({
        item_id: item,
        event_id: event,
        at,
        action: 'updated',
        fields,
        ...values,
      });
      const rows = [
        row('i1', 1, '2026-03-01T09:00:00.000Z', 1 | 2 | 4 | 8 | 16, {
          key: 'CHK-1',
          title: 'Pay',
          sprint_id: 's1',
          estimate: 3,
          status: 'ready',
        }),
        row('i1', 2, '2026-03-01T10:00:00.000Z', 2, { title: 'Pay now' }),
        row('i1', 3, '2026-03-02T10:00:00.000Z', 16, { status: 'done' }),
        row('i1', 5, '2026-03-03T10:00:00.000Z', 4, { sprint_id: 's2' }),
        row('i1', 6, '2026-03-02T12:00:00.000Z', 8, { estimate: 5 }),
      ];
      const many = Array.from({ length: 600 }, (_, i) => `n${String(i).padStart(3, '0')}`);
      many.forEach((item, i) => {
        rows.push(
          row(item, 100 + 2 * i, '2026-03-04T09:00:00.000Z', 1 | 2 | 4 | 8 | 16, {
            key: `CHK-${i + 2}`,
            title: item,
            sprint_id: 's3',
            estimate: 1,
            status: 'ready',
          }),
          row(item, 101 + 2 * i, '2026-03-05T09:00:00.000Z', 16, { status: 'done' }),
        );
      });
      await db.insertInto('item_replay_events').values(rows).execute();
      await migrateTo(db, '008-burndown-steps');
      const steps = await db
        .selectFrom('sprint_burndown_steps')
        .selectAll()
        .orderBy('sprint_id')
        .orderBy('event_id')
        .execute();
      const step = (
        sprint: string,
        event: number,
        at: string,
        title: string,
        was: unknown[],
        is: unknown[],
      ) => ({
        sprint_id: sprint,
        event_id: event,
        item_id: 'i1',
        at,
        key: 'CHK-1',
        title,
        was_points: was[0],
        was_done: was[1],
        is_points: is[0],
        is_done: is[1],
      });
      assert.deepEqual(steps.slice(0, 5), [
        step('s1', 1, '2026-03-01T09:00:00.000Z', 'Pay', [null, 0], [3, 0]),
        step('s1', 3, '2026-03-02T10:00:00.000Z', 'Pay now', [3, 0], [3, 1]),
        // In time order the re-estimate (event 6) comes before the move (event 5).
        step('s1', 5, '2026-03-03T10:00:00.000Z', 'Pay now', [5, 1], [null, 0]),
        step('s1', 6, '2026-03-02T12:00:00.000Z', 'Pay now', [3, 1], [5, 1]),
        step('s2', 5, '2026-03-03T10:00:00.000Z', 'Pay now', [null, 0], [5, 1]),
      ]);
      assert.equal(steps.length, 5 + 2 * many.length);
      assert.deepEqual(
        steps
          .slice(5, 7)
          .map((s) => [s.sprint_id, s.item_id, s.was_points, s.was_done, s.is_points, s.is_done]),
        [
          ['s3', 'n000', null, 0, 1, 0],
          ['s3', 'n000', 1, 0, 1, 1],
        ],
      );
      await migrateTo(db, '007-leaner-item-writes');
      const tables = await sql<{ n: number }>`select count(*) as n from item_replay_events`.execute(db);
      assert.equal(Number(tables.rows[0]?.n), rows.length, 'undone: the projection it read stays');
    });
  });

  describe(`migrating planning names and dependency history (${dialect})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(dialect, { migrate: false });
    });
    after(() => database.close());

    it('004 keys names for the duplicate check and reports the live duplicates already stored', async () => {
      const db = database.db;
      await migrateTo(db, '003-chart-projections');
      const at = '2026-03-01T09:00:00.000Z';
      await sql`insert into products (id, key, name, description, next_item_number, created_at, updated_at, version)
        values ('p1', 'CHK', 'Checkout', '', 1, ${at}, ${at}, 1)`.execute(db);
      const theme = (id: string, name: string, deletedAt: string | null) =>
        sql`insert into themes (id, product_id, name, color, description, version, created_at, updated_at, deleted_at)
          values (${id}, 'p1', ${name}, '#000000', '', 1, ${at}, ${at}, ${deletedAt})`.execute(db);
      await theme('t1', 'Growth', null);
      await theme('t2', ' growth', null);
      await theme('t3', 'GROWTH', at);
      await theme('t4', 'Retention', null);
      await sql`insert into objectives (id, product_id, title, description, version, created_at, updated_at)
        values ('o1', 'p1', 'Grow', '', 1, ${at}, ${at}), ('o2', 'p1', 'grow', '', 1, ${at}, ${at})`.execute(
        db,
      );

      const said: string[] = [];
      await migrateToLatest(db, (line) => said.push(line));
      assert.deepEqual(
        said.filter((line) => line.startsWith('Warning')),
        [
          'Warning: product CHK has 2 themes named alike: "Growth", " growth" (kept; rename all but one)',
          'Warning: product CHK has 2 objectives titled alike: "Grow", "grow" (kept; rename all but one)',
        ],
        'an operator learns which names to fix; a trashed duplicate is not one',
      );
      const keys = await db.selectFrom('themes').select(['id', 'name', 'name_key']).orderBy('id').execute();
      assert.deepEqual(
        keys.map((row) => row.name_key),
        ['growth', 'growth', 'growth', 'retention'],
      );
      assert.equal((await db.selectFrom('themes').select('id').execute()).length, 4, 'duplicates stay');
    });

    it('005 indexes the dependency events already in the log by both items they link', async () => {
      const db = database.db;
      const at = '2026-03-01T09:00:00.000Z';
      await migrateTo(db, '004-name-keys');
      const changes = JSON.stringify({
        blockerId: [null, 'i1'],
        blockedId: [null, 'i2'],
        kind: [null, 'blocks'],
      });
      await sql`insert into events (id, product_id, actor_id, at, entity_type, entity_id, action, changes)
        values (41, 'p1', null, ${at}, 'dependency', 'd1', 'created', ${changes}),
          (42, 'p1', null, ${at}, 'item', 'i1', 'updated', ${JSON.stringify({ title: ['a', 'b'] })})`.execute(
        db,
      );
      await migrateToLatest(db);
      const links = await db
        .selectFrom('event_items')
        .select(['item_id', 'event_id'])
        .orderBy('item_id')
        .execute();
      assert.deepEqual(links, [
        { item_id: 'i1', event_id: 41 },
        { item_id: 'i2', event_id: 41 },
      ]);
    });

    it('006 drops the title edits of the chart projection that a later row of the same item supersedes', async () => {
      const db = database.db;
      await migrateTo(db, '005-event-items');
      // fields: key 1, title 2, estimate 8, status 16. i1 is renamed three times, re-estimated, renamed
      // twice, re-estimated and renamed at once, then renamed; i2 only renamed twice; i3 never; and 600
      // more items (more than one batch) are each renamed twice.
      const rows: [item: string, event: number, fields: number][] = [
        ['i1', 1, 1 | 2 | 16],
        ['i1', 2, 2],
        ['i1', 3, 2],
        ['i1', 5, 2],
        ['i1', 6, 8],
        ['i1', 7, 2],
        ['i1', 9, 2],
        ['i1', 10, 2 | 8],
        ['i1', 11, 2],
        ['i2', 4, 1 | 2 | 16],
        ['i2', 8, 2],
        ['i2', 12, 2],
        ['i3', 13, 1 | 2 | 16],
      ];
      const many = Array.from({ length: 600 }, (_, i) => `n${String(i).padStart(3, '0')}`);
      many.forEach((item, i) => {
        for (const [k, fields] of [1 | 2 | 16, 2, 2].entries()) rows.push([item, 100 + 3 * i + k, fields]);
      });
      await db
        .insertInto('item_replay_events')
        .values(
          rows.map(([item, event, fields]) => ({
            item_id: item,
            event_id: event,
            at: '2026-03-01T09:00:00.000Z',
            action: 'updated',
            fields,
            title: `title ${event}`,
          })),
        )
        .execute();
      await migrateToLatest(db);
      const left = await db
        .selectFrom('item_replay_events')
        .select(['item_id', 'event_id'])
        .orderBy('item_id')
        .orderBy('event_id')
        .execute();
      assert.deepEqual(
        left.map((row) => `${row.item_id}:${row.event_id}`),
        [
          ...['i1:1', 'i1:5', 'i1:6', 'i1:10', 'i1:11', 'i2:4', 'i2:12', 'i3:13'],
          ...many.flatMap((item, i) => [`${item}:${100 + 3 * i}`, `${item}:${102 + 3 * i}`]),
        ],
        'the last of each run of title edits stays unless the next row sets the title too',
      );
    });

    it('007 keeps the stored items searchable, their labels, and the sprint and release indexes in use', async () => {
      const db = database.db;
      await migrateTo(db, '006-superseded-title-edits');
      const at = '2026-03-01T09:00:00.000Z';
      await sql`insert into products (id, key, name, description, next_item_number, version, created_at, updated_at)
        values ('p7', 'SEV', 'Seven', '', 3, 1, ${at}, ${at})`.execute(db);
      for (const [n, title] of [
        [1, 'Refund a cancelled order'],
        [2, 'Export invoices'],
      ] as const) {
        await sql`insert into items (id, product_id, number, key, type, title, story, description,
            acceptance_criteria, estimate, status, initiative_id, assignee_id, labels, rank, version,
            created_at, updated_at, deleted_at, sprint_id, release_id)
          values (${`s7-${n}`}, 'p7', ${n}, ${`SEV-${n}`}, 'story', ${title}, null, 'From the support queue',
            '[]', null, 'backlog', null, null, '["billing"]', ${`a${n}`}, 1, ${at}, ${at}, null, null, null)`.execute(
          db,
        );
        await sql`insert into item_labels (item_id, label) values (${`s7-${n}`}, 'billing')`.execute(db);
      }
      await migrateToLatest(db);
      const search = async (terms: string) =>
        dialect === 'sqlite'
          ? (
              await sql<{ key: string }>`select key from items where seq in
                (select rowid from items_fts where items_fts match ${terms}) order by key`.execute(db)
            ).rows.map((row) => row.key)
          : (
              await sql<{ key: string }>`select key from items
                where search @@ to_tsquery('simple', ${terms.replaceAll('"', '').replaceAll('*', ':*').replaceAll(' ', ' & ')})
                order by key`.execute(db)
            ).rows.map((row) => row.key);
      assert.deepEqual(await search('"refund"*'), ['SEV-1']);
      assert.deepEqual(await search('"support"* "queue"*'), ['SEV-1', 'SEV-2']);
      const labelled = await db
        .selectFrom('item_labels')
        .select('item_id')
        .where('label', '=', 'billing')
        .orderBy('item_id')
        .execute();
      assert.deepEqual(
        labelled.map((row) => row.item_id),
        ['s7-1', 's7-2'],
      );
      // Renaming an item still re-indexes it (the triggers write the rebuilt index).
      await sql`update items set title = 'Refund twice' where id = 's7-2'`.execute(db);
      assert.deepEqual(await search('"twice"*'), ['SEV-2']);
      if (dialect === 'sqlite') {
        for (const column of ['sprint_id', 'release_id']) {
          const plan = await sql<{ detail: string }>`explain query plan
            select id from items where ${sql.ref(column)} = 'x'`.execute(db);
          assert.match(plan.rows.map((row) => row.detail).join('\n'), /USING INDEX items_(sprint|release)/);
        }
      }
      await migrateTo(db, '006-superseded-title-edits');
      assert.deepEqual(await search('"refund"*'), ['SEV-1', 'SEV-2'], 'down rebuilds the index as it was');
      await migrateToLatest(db);
    });
  });
}
