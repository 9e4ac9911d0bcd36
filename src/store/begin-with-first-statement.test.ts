import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/databases.ts';

const user = (id: string) => ({
  id,
  email: `${id}@example.com`,
  name: id,
  role: 'viewer' as const,
  password_hash: 'x',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  disabled_at: null,
});

for (const dialect of DIALECTS) {
  describe(`transactions (${dialect})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(dialect);
    });
    after(() => database.close());

    const ids = async () =>
      (await database.db.selectFrom('users').select('id').orderBy('id').execute()).map((row) => row.id);

    it('roll back their first statement with the rest', async () => {
      await assert.rejects(
        database.db.transaction().execute(async (trx) => {
          await trx.insertInto('users').values(user('first')).execute();
          await trx.insertInto('users').values(user('second')).execute();
          throw new Error('changed my mind');
        }),
        /changed my mind/,
      );
      assert.deepEqual(await ids(), []);
    });

    it('roll back when their first statement fails, and the connection serves the next one', async () => {
      await database.db.insertInto('users').values(user('taken')).execute();
      for (let round = 0; round < 12; round++) {
        await assert.rejects(
          database.db.transaction().execute(async (trx) => {
            await trx.insertInto('users').values(user('taken')).execute();
          }),
        );
      }
      await database.db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(user('kept')).execute();
      });
      assert.deepEqual(await ids(), ['kept', 'taken']);
    });

    it('commit and roll back when they sent nothing', async () => {
      await database.db.transaction().execute(async () => {});
      await assert.rejects(
        database.db.transaction().execute(async () => {
          throw new Error('nothing to undo');
        }),
      );
      assert.deepEqual(await ids(), ['kept', 'taken']);
    });

    if (dialect === 'postgres') {
      it('hide their first statement from other connections until they commit', async () => {
        await database.db.transaction().execute(async (trx) => {
          await trx.insertInto('users').values(user('pending')).execute();
          assert.deepEqual(await ids(), ['kept', 'taken'], 'another connection does not see it yet');
          const { rows } = await sql<{
            open: boolean;
          }>`select pg_current_xact_id_if_assigned() is not null as open`.execute(trx);
          assert.equal(rows[0]?.open, true);
        });
        assert.deepEqual(await ids(), ['kept', 'pending', 'taken']);
      });

      it('send BEGIN with their first statement: a transaction of one statement is two round trips', async () => {
        const query = pg.Client.prototype.query;
        let sent = 0;
        pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
          sent++;
          return query.apply(this, args);
        } as typeof query;
        try {
          await database.db.transaction().execute(async (trx) => {
            await trx.selectFrom('users').select('id').execute();
          });
          assert.equal(sent, 2, 'BEGIN with the SELECT, then COMMIT');
          sent = 0;
          await database.db.transaction().execute(async () => {});
          assert.equal(sent, 0, 'an empty transaction sends nothing');
        } finally {
          pg.Client.prototype.query = query;
        }
      });
    }
  });
}
