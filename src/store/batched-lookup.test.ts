import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, DIALECTS, type TestDatabase, userRow } from '../../test/support/databases.ts';
import { batchedLookup, MAX_BATCH } from './batched-lookup.ts';
import type { Db } from './database.ts';
import { reusableQuery } from './reusable-query.ts';

const user = (id: string) => userRow(id);

for (const dialect of DIALECTS) {
  describe(`batched lookups (${dialect})`, () => {
    let database: TestDatabase;
    const statements: { one: number; many: number[] } = { one: 0, many: [] };
    const oneUser = reusableQuery((db, id: string) =>
      db.selectFrom('users').select(['id', 'name']).where('id', '=', id),
    );
    const someUsers = reusableQuery((db, ids: readonly string[]) =>
      db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', '=', (eb) => eb.fn<string>('any', [eb.val(ids)])),
    );
    const userById = batchedLookup(
      (db: Db, id: string) => {
        statements.one += 1;
        return oneUser(db, id);
      },
      (db: Db, ids: string[]) => {
        statements.many.push(ids.length);
        return someUsers(db, ids);
      },
      (row) => row.id,
    );
    const counted = async <T>(work: () => Promise<T>) => {
      statements.one = 0;
      statements.many = [];
      const result = await work();
      return { result, one: statements.one, many: statements.many };
    };

    before(async () => {
      database = await createTestDatabase(dialect);
      const users = Array.from({ length: 250 }, (_, i) => user(`u${String(i).padStart(3, '0')}`));
      await database.db.insertInto('users').values(users).execute();
    });
    after(() => database.close());

    it('answers each caller its own row, none for an unknown value', async () => {
      const { result, one, many } = await counted(() =>
        Promise.all(['u001', 'u002', 'nobody', 'u003'].map((id) => userById(database.db, id))),
      );
      assert.deepEqual(result, [
        [{ id: 'u001', name: 'u001' }],
        [{ id: 'u002', name: 'u002' }],
        [],
        [{ id: 'u003', name: 'u003' }],
      ]);
      if (dialect === 'postgres') {
        assert.deepEqual([one, many], [0, [4]], 'one statement for the round');
      } else {
        assert.deepEqual([one, many], [4, []], 'SQLite reads each at once');
      }
    });

    it('gives callers of the same value rows of their own', async () => {
      const [a, b] = await Promise.all([userById(database.db, 'u010'), userById(database.db, 'u010')]);
      assert.deepEqual(a, b);
      if (a?.[0]) a[0].name = 'changed by the first caller';
      assert.equal(b?.[0]?.name, 'u010');
    });

    it(`reads a round of more than ${MAX_BATCH} values in statements of ${MAX_BATCH} at most`, async () => {
      const ids = Array.from({ length: 250 }, (_, i) => `u${String(i).padStart(3, '0')}`);
      const { result, many } = await counted(() => Promise.all(ids.map((id) => userById(database.db, id))));
      assert.deepEqual(
        result.map((rows) => rows[0]?.id),
        ids,
      );
      if (dialect === 'postgres') assert.deepEqual(many, [100, 100, 50]);
    });

    it('reads inside a transaction at once, on the transaction, seeing its own writes', async () => {
      await database.db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(user('pending')).execute();
        const { result, one, many } = await counted(() => userById(trx, 'pending'));
        assert.deepEqual(result, [{ id: 'pending', name: 'pending' }]);
        assert.deepEqual([one, many], [1, []]);
      });
      assert.deepEqual(await userById(database.db, 'pending'), [{ id: 'pending', name: 'pending' }]);
    });

    it('fails every caller of a round whose statement fails, and the next round works', async () => {
      const failing = batchedLookup(
        async () => {
          throw new Error('connection lost');
        },
        async () => {
          throw new Error('connection lost');
        },
        (row: { id: string }) => row.id,
      );
      const answers = await Promise.allSettled(['u001', 'u002'].map((id) => failing(database.db, id)));
      assert.deepEqual(
        answers.map((answer) => answer.status),
        ['rejected', 'rejected'],
      );
      assert.equal((await userById(database.db, 'u001')).length, 1);
    });
  });
}
