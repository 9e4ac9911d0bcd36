import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Selectable } from 'kysely';
import { createTestDatabase, DIALECTS, type TestDatabase, userRow } from '../../test/support/databases.ts';
import { reusableQuery, reusableRecordQuery } from './reusable-query.ts';
import type { ApiTokensTable } from './tables.ts';

for (const dialect of DIALECTS) {
  describe(`reusableQuery (${dialect})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(dialect);
      const user = (id: string, email: string, role: 'editor' | 'viewer') => userRow(id, { email, role });
      await database.db
        .insertInto('users')
        .values([user('u1', 'a@example.com', 'editor'), user('u2', 'b@example.com', 'viewer')])
        .execute();
    });
    after(() => database.close());

    it('answers each call with the rows for its own arguments, as the built query does', async () => {
      const byEmailAndName = reusableQuery((db, email: string, name: string) =>
        db
          .selectFrom('users')
          .select(['id', 'role'])
          .where('email', '=', email)
          .where('name', '=', name)
          .limit(1),
      );
      assert.deepEqual(await byEmailAndName(database.db, 'a@example.com', 'u1'), [
        { id: 'u1', role: 'editor' },
      ]);
      assert.deepEqual(await byEmailAndName(database.db, 'b@example.com', 'u2'), [
        { id: 'u2', role: 'viewer' },
      ]);
      assert.deepEqual(await byEmailAndName(database.db, 'b@example.com', 'u1'), []);
      await database.db.transaction().execute(async (trx) => {
        assert.deepEqual(await byEmailAndName(trx, 'a@example.com', 'u1'), [{ id: 'u1', role: 'editor' }]);
      });
    });

    it('binds numbers and nulls as well as strings, and a record by its named columns', async () => {
      const insertToken = reusableRecordQuery(
        [
          'id',
          'user_id',
          'name',
          'token_hash',
          'prefix',
          'created_at',
          'last_used_at',
          'expires_at',
          'revoked_at',
        ],
        (db, row: Omit<Selectable<ApiTokensTable>, 'scope' | 'product_ids'>) =>
          db.insertInto('api_tokens').values(row).returning(['id', 'expires_at']),
      );
      const token = (id: string, expires: string | null) => ({
        id,
        user_id: 'u1',
        name: id,
        token_hash: `hash-${id}`,
        prefix: 'p',
        created_at: '2026-01-01T00:00:00.000Z',
        last_used_at: null,
        expires_at: expires,
        revoked_at: null,
      });
      assert.deepEqual(await insertToken(database.db, token('t1', null)), [{ id: 't1', expires_at: null }]);
      assert.deepEqual(await insertToken(database.db, token('t2', '2027-01-01T00:00:00.000Z')), [
        { id: 't2', expires_at: '2027-01-01T00:00:00.000Z' },
      ]);
      const firstNames = reusableQuery((db, limit: number) =>
        db.selectFrom('api_tokens').select('id').orderBy('id').limit(limit),
      );
      assert.deepEqual(await firstNames(database.db, 1), [{ id: 't1' }]);
      assert.deepEqual(await firstNames(database.db, 2), [{ id: 't1' }, { id: 't2' }]);
      await assert.rejects(
        insertToken(database.db, { ...token('t3', null), expires_at: undefined as unknown as null }),
        /no value for expires_at/,
      );
    });

    it('refuses a query that does not bind an argument as it was given', async () => {
      const prefixed = reusableQuery((db, email: string) =>
        db.selectFrom('users').select('id').where('email', 'like', `${email}%`),
      );
      await assert.rejects(prefixed(database.db, 'a@'), /argument 0 is not bound/);
    });
  });
}
