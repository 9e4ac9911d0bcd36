import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/databases.ts';
import { spreadRanks } from '../../domain/rank.ts';
import type { Actor } from '../context.ts';
import { findAnyCycle, importDependencies } from '../dependencies/import-dependencies.ts';
import { AppError } from '../errors.ts';
import { createInitiative } from '../planning/initiatives.ts';
import { createProduct } from '../products/create-product.ts';
import { setupWorkspace } from '../users/setup-workspace.ts';
import { createItem } from './create-item.ts';
import { type ImportItemInput, importItems } from './import-items.ts';
import { listItems } from './list-items.ts';

function itemInput(overrides: Partial<ImportItemInput> = {}): ImportItemInput {
  return {
    type: 'story',
    title: 'Imported item',
    story: null,
    description: '',
    acceptanceCriteria: [],
    estimate: null,
    status: 'backlog',
    initiativeId: null,
    labels: [],
    assigneeId: null,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  assert.fail('expected an AppError');
}

describe('findAnyCycle', () => {
  it('accepts a DAG and names a cycle in "blocks" order', () => {
    assert.equal(
      findAnyCycle([
        { from: 'a', to: 'b' },
        { from: 'a', to: 'c' },
        { from: 'b', to: 'c' },
      ]),
      null,
    );
    const cycle = findAnyCycle([
      { from: 'x', to: 'a' },
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'a' },
      { from: 'c', to: 'y' },
    ]);
    assert.ok(cycle);
    assert.equal(cycle.length, 4);
    assert.equal(cycle[0], cycle.at(-1));
    assert.deepEqual([...cycle.slice(0, 3)].sort(), ['a', 'b', 'c']);
    const order = ['a', 'b', 'c'];
    for (let i = 0; i < 3; i++) {
      assert.equal(order[(order.indexOf(cycle[i]!) + 1) % 3], cycle[i + 1]);
    }
    assert.deepEqual(findAnyCycle([{ from: 'a', to: 'a' }]), ['a', 'a']);
  });
});

for (const dialect of DIALECTS) {
  describe(`importItems and importDependencies (${dialect})`, () => {
    let database: TestDatabase;
    let actor: Actor;
    let productId: string;
    let productKey: string;
    let initiativeId: string;
    const COUNT = 5_000;

    const countRows = async (table: 'items' | 'dependencies' | 'events', action?: string) => {
      let query = database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
      if (action) query = query.where('action', '=', action);
      return Number((await query.executeTakeFirstOrThrow()).n);
    };

    before(async () => {
      database = await createTestDatabase(dialect);
      const { user } = await setupWorkspace({
        db: database.db,
        input: { email: 'owner@example.com', name: 'Olive Owner', password: 'a long enough password' },
      });
      actor = { id: user.id, role: 'owner' };
      const product = await createProduct({
        db: database.db,
        actor,
        input: { key: 'IMP', name: 'Imports', description: '' },
      });
      productId = product.id;
      productKey = product.key;
      const initiative = await createInitiative({
        db: database.db,
        actor,
        productId,
        input: {
          title: 'Checkout',
          summary: '',
          themeId: null,
          objectiveIds: [],
          horizon: 'now',
          startDate: null,
          targetDate: null,
          confidence: 'planned',
          visibility: 'internal',
          publicSummary: '',
          status: 'active',
          successMetrics: [],
        },
      });
      initiativeId = initiative.id;
      for (const title of ['Existing one', 'Existing two']) {
        await createItem({
          db: database.db,
          actor,
          productId,
          input: { ...itemInput({ title }), sprintId: null, releaseId: null },
        });
      }
    });
    after(() => database.close());

    it('appends thousands of items below the existing ones with continuing keys and ascending ranks', async () => {
      const eventsBefore = await countRows('events', 'created');
      const items = Array.from({ length: COUNT }, (_, i) =>
        itemInput({
          title: i === 1234 ? 'Refund the zeppelin voucher' : `Imported item ${i}`,
          labels: i % 1000 === 0 ? ['milestone', 'milestone'] : [],
          initiativeId: i % 2 === 0 ? initiativeId : null,
          assigneeId: i % 3 === 0 ? actor.id : null,
          story: i % 5 === 0 ? { asA: 'buyer', iWant: 'to pay', soThat: '' } : null,
          estimate: i % 13,
        }),
      );
      const outcome = await importItems({ db: database.db, actor, productId, items });
      const { ids, ...summary } = outcome;
      assert.equal(new Set(ids).size, COUNT);
      assert.deepEqual(summary, {
        count: COUNT,
        firstKey: `${productKey}-3`,
        lastKey: `${productKey}-${COUNT + 2}`,
      });

      const rows = await database.db
        .selectFrom('items')
        .select(['number', 'rank', 'title', 'story'])
        .where('product_id', '=', productId)
        .orderBy('rank')
        .execute();
      assert.equal(rows.length, COUNT + 2);
      for (const [i, row] of rows.entries()) {
        assert.equal(row.number, i + 1, 'rank order is key order');
        if (i > 0) assert.ok(rows[i - 1]!.rank < row.rank, `rank ${i} is strictly above the previous one`);
      }
      // Spread statement by statement, the ranks are the ones spread after the last item all at once.
      assert.deepEqual(
        rows.slice(2).map((row) => row.rank),
        spreadRanks(rows[1]!.rank, null, COUNT),
      );
      assert.equal(rows[2]!.story, JSON.stringify({ asA: 'buyer', iWant: 'to pay', soThat: '' }));
      assert.equal((await countRows('events', 'created')) - eventsBefore, COUNT);

      const created = await database.db
        .selectFrom('events')
        .select('changes')
        .where('entity_type', '=', 'item')
        .where('action', '=', 'created')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const changes = JSON.parse(created.changes) as Record<string, [unknown, unknown]>;
      assert.deepEqual(changes.key, [null, outcome.lastKey]);
      assert.deepEqual(changes.title, [null, `Imported item ${COUNT - 1}`]);
      assert.deepEqual(changes.labels, [null, []]);
    });

    it('indexes labels and text so list filters find imported items', async () => {
      const milestones = await listItems({
        db: database.db,
        actor,
        productId,
        query: { label: 'milestone', limit: 100 },
      });
      assert.deepEqual(
        milestones.items.map((i) => i.key),
        [0, 1000, 2000, 3000, 4000].map((i) => `${productKey}-${i + 3}`),
      );
      assert.deepEqual(milestones.items[0]!.labels, ['milestone']);
      const found = await listItems({ db: database.db, actor, productId, query: { q: 'zeppel', limit: 10 } });
      assert.deepEqual(
        found.items.map((i) => i.key),
        [`${productKey}-${1234 + 3}`],
      );
      const byInitiative = await listItems({
        db: database.db,
        actor,
        productId,
        query: { initiativeId, limit: 500 },
      });
      assert.equal(byInitiative.items.length, 500);
      assert.ok(byInitiative.nextCursor);
    });

    it('leaves the product ready for ordinary creates at the bottom', async () => {
      const item = await createItem({
        db: database.db,
        actor,
        productId,
        input: { ...itemInput({ title: 'After the import' }), sprintId: null, releaseId: null },
      });
      assert.equal(item.key, `${productKey}-${COUNT + 3}`);
      const bottom = await database.db
        .selectFrom('items')
        .select('id')
        .where('product_id', '=', productId)
        .orderBy('rank', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      assert.equal(bottom.id, item.id);

      // The import records the very change set createItem does, field for field and in the same order.
      const lastImported = await database.db
        .selectFrom('items')
        .select('id')
        .where('key', '=', `${productKey}-${COUNT + 2}`)
        .executeTakeFirstOrThrow();
      const [created, imported] = await Promise.all(
        [item.id, lastImported.id].map((id) =>
          database.db
            .selectFrom('events')
            .select('changes')
            .where('entity_id', '=', id)
            .where('action', '=', 'created')
            .executeTakeFirstOrThrow(),
        ),
      );
      assert.deepEqual(
        Object.keys(JSON.parse(imported!.changes) as object),
        Object.keys(JSON.parse(created!.changes) as object),
      );
    });

    it('refuses an unknown initiative by item index and writes nothing', async () => {
      const itemsBefore = await countRows('items');
      const error = await rejection(
        importItems({
          db: database.db,
          actor,
          productId,
          items: [itemInput(), itemInput({ initiativeId: '0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d' })],
        }),
      );
      assert.equal(error.code, 'validation_failed');
      assert.deepEqual(error.details, {
        issues: [{ path: 'items.1.initiativeId', message: 'does not name an initiative of this product' }],
      });
      assert.equal(await countRows('items'), itemsBefore);
    });

    it('imports an acyclic dependency graph with one event per edge', async () => {
      const ids = (
        await database.db
          .selectFrom('items')
          .select('id')
          .where('product_id', '=', productId)
          .orderBy('rank')
          .limit(200)
          .execute()
      ).map((r) => r.id);
      const eventsBefore = await countRows('events', 'created');
      // Every edge points down the rank order: a DAG.
      const pairs = ids
        .slice(0, -1)
        .flatMap((id, i) => [
          { blockerId: id, blockedId: ids[i + 1]!, kind: 'technical' as const },
          ...(i + 5 < ids.length
            ? [{ blockerId: id, blockedId: ids[i + 5]!, kind: 'business' as const }]
            : []),
        ]);
      const outcome = await importDependencies({ db: database.db, actor, productId, pairs });
      assert.equal(outcome.count, pairs.length);
      assert.equal(await countRows('dependencies'), pairs.length);
      assert.equal((await countRows('events', 'created')) - eventsBefore, pairs.length);
    });

    it('refuses pairs that close a cycle with existing edges and writes nothing', async () => {
      const [first, second, third] = await database.db
        .selectFrom('items')
        .select(['id', 'key'])
        .where('product_id', '=', productId)
        .orderBy('rank')
        .limit(3)
        .execute();
      const dependenciesBefore = await countRows('dependencies');
      const eventsBefore = await countRows('events');
      const error = await rejection(
        importDependencies({
          db: database.db,
          actor,
          productId,
          pairs: [{ blockerId: third!.id, blockedId: first!.id, kind: 'technical' }],
        }),
      );
      assert.equal(error.code, 'dependency_cycle');
      const { cycle } = error.details as { cycle: string[] };
      assert.equal(cycle[0], cycle.at(-1));
      assert.ok([first!.key, second!.key, third!.key].every((key) => cycle.includes(key)));
      assert.equal(await countRows('dependencies'), dependenciesBefore);
      assert.equal(await countRows('events'), eventsBefore);

      const duplicate = await rejection(
        importDependencies({
          db: database.db,
          actor,
          productId,
          pairs: [{ blockerId: first!.id, blockedId: second!.id, kind: 'technical' }],
        }),
      );
      assert.equal(duplicate.code, 'duplicate_dependency');
    });

    it('stores text with quotes, backslashes, braces, commas and NULL-like words exactly as sent', async () => {
      const awkward = ['say "hi", {NULL}', 'C:\\path\\to \\"x\\"', 'NULL', '', ' padded ', 'ünïcødé ✓ 🚀'];
      const outcome = await importItems({
        db: database.db,
        actor,
        productId,
        items: awkward.map((text) => itemInput({ title: text || 'blank description', description: text })),
      });
      const rows = await database.db
        .selectFrom('items')
        .select(['title', 'description', 'estimate'])
        .where('product_id', '=', productId)
        .where('number', '>=', Number(outcome.firstKey!.split('-')[1]))
        .orderBy('number')
        .execute();
      assert.deepEqual(
        rows.map((row) => row.description),
        awkward,
      );
      assert.deepEqual(
        rows.map((row) => row.estimate),
        awkward.map(() => null),
      );
    });
  });
}
