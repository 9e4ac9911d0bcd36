import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/databases.ts';
import { reusableQuery } from './reusable-query.ts';

for (const dialect of DIALECTS) {
  describe(`reusableQuery (${dialect})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(dialect);
      const user = (id: string, email: string, role: 'editor' | 'viewer') => ({
        id,
        email,
        name: id,
        role,
        password_hash: 'x',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
        disabled_at: null,
      });
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

    it('refuses a query that does not bind an argument as it was given', async () => {
      const prefixed = reusableQuery((db, email: string) =>
        db.selectFrom('users').select('id').where('email', 'like', `${email}%`),
      );
      await assert.rejects(prefixed(database.db, 'a@'), /argument 0 is not bound/);
    });
  });
}
