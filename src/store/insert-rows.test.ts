import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/databases.ts';
import { EVENT_COLUMNS } from '../services/events/record-event.ts';
import { ITEM_ROW_COLUMNS } from '../services/items/item-columns.ts';
import { createProduct } from '../services/products/create-product.ts';
import { setupWorkspace } from '../services/users/setup-workspace.ts';
import { insertRows } from './insert-rows.ts';
import type { NewItemRow } from './tables.ts';

/** Text that array literals must quote or escape, text beyond ASCII, and the empty string. */
const AWKWARD_TEXTS = [
  '',
  'NULL',
  'plain words',
  '{"a":[1,2],"b":"c, d"}',
  'back\\slash and "quotes"',
  'a{b}c,d',
  '  leading and trailing  ',
  'tab\there\nnew line',
  'Café crème, naïve façade',
  'Zürich → 東京 🚀 done',
  'x'.repeat(5_000),
];

for (const dialect of DIALECTS) {
  describe(`insertRows (${dialect})`, () => {
    let database: TestDatabase;
    let productId: string;
    let actorId: string;
    before(async () => {
      database = await createTestDatabase(dialect);
      const { user } = await setupWorkspace({
        db: database.db,
        input: { email: 'owner@example.com', name: 'Olive Owner', password: 'a long enough password' },
      });
      actorId = user.id;
      const product = await createProduct({
        db: database.db,
        actor: { id: user.id, role: 'owner' },
        input: { key: 'INS', name: 'Inserts', description: '' },
      });
      productId = product.id;
    });
    after(() => database.close());

    it('stores every text exactly as given, nulls as NULL', async () => {
      const rows = AWKWARD_TEXTS.map((text, i) => ({
        product_id: i % 3 === 0 ? null : productId,
        actor_id: actorId,
        at: `2026-01-01T00:00:0${i % 10}.000Z`,
        entity_type: 'test',
        entity_id: `entity-${i}`,
        action: 'stored',
        changes: text,
      }));
      await insertRows(
        database.db,
        'events',
        ['product_id', 'actor_id', 'at', 'entity_type', 'entity_id', 'action', 'changes'],
        rows,
      );
      const stored = await database.db
        .selectFrom('events')
        .select(['product_id', 'entity_id', 'changes', 'at'])
        .where('entity_type', '=', 'test')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        stored,
        rows.map((row) => ({
          product_id: row.product_id,
          entity_id: row.entity_id,
          changes: row.changes,
          at: row.at,
        })),
      );
    });

    it('stores a column holding values other than strings as the driver writes them', async () => {
      const columns = EVENT_COLUMNS;
      const row = (entity_id: string, changes: unknown) => ({
        product_id: productId,
        actor_id: actorId,
        at: '2026-01-02T00:00:00.000Z',
        entity_type: 'mixed',
        entity_id,
        action: 'stored',
        changes,
      });
      await insertRows(database.db, 'events', columns, [row('b', 'text'), row('c', 1.5)]);
      const stored = await database.db
        .selectFrom('events')
        .select(['entity_id', 'changes'])
        .where('entity_type', '=', 'mixed')
        .orderBy('id')
        .execute();
      assert.deepEqual(stored, [
        { entity_id: 'b', changes: 'text' },
        { entity_id: 'c', changes: '1.5' },
      ]);
    });

    it('stores whole and fractional numbers and nulls in numeric columns', async () => {
      const estimates = [null, 0, 0.5, 13, 1e-7, 123_456.75];
      const rows: NewItemRow[] = estimates.map((estimate, i) => ({
        id: `item-${i}`,
        product_id: productId,
        number: 2_000_000_000 + i,
        key: `INS-${i + 1}`,
        type: 'task',
        title: AWKWARD_TEXTS[i + 8 - (i > 2 ? 3 : 0)] ?? 'title',
        story: null,
        description: AWKWARD_TEXTS[i] ?? '',
        acceptance_criteria: '[]',
        estimate,
        status: 'backlog',
        initiative_id: null,
        labels: '[]',
        assignee_id: null,
        sprint_id: null,
        release_id: null,
        rank: `a${i}`,
        version: i + 1,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
        deleted_at: null,
      }));
      await insertRows(database.db, 'items', ITEM_ROW_COLUMNS, rows);
      const stored = await database.db
        .selectFrom('items')
        .select(ITEM_ROW_COLUMNS)
        .where('product_id', '=', productId)
        .orderBy('rank')
        .execute();
      assert.deepEqual(stored, rows);
    });
  });
}
