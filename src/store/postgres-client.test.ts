import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDatabase, DIALECTS, type TestDatabase, userRow } from '../../test/support/databases.ts';
import type { Db } from './database.ts';
import { PREPARE_AFTER } from './prepared-statements.ts';
import { reusableQuery } from './reusable-query.ts';

const user = (id: string) => userRow(id);

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
      /** The statements prepared on `conn`'s session. */
      const prepared = async (conn: Db) =>
        (
          await sql<{ name: string; statement: string }>`
            select name, statement from pg_prepared_statements order by name`.execute(conn)
        ).rows;

      it('prepare a reusable statement once per connection, by name, in and out of transactions', async () => {
        const userById = reusableQuery((db, id: string) =>
          db.selectFrom('users').select(['id', 'email']).where('id', '=', id),
        );
        await database.db.connection().execute(async (conn) => {
          const before = (await prepared(conn)).length;
          assert.deepEqual(await userById(conn, 'taken'), [{ id: 'taken', email: 'taken@example.com' }]);
          const named = (await prepared(conn)).filter((row) => /from "users"/.test(row.statement));
          assert.equal(named.length, 1, 'prepared under one name');
          assert.match(named[0]?.name ?? '', /^cairn_\d+$/);
          assert.deepEqual(await userById(conn, 'kept'), [{ id: 'kept', email: 'kept@example.com' }]);
          assert.deepEqual(await userById(conn, 'nobody'), []);
          // As the first statement of a transaction (sent with its BEGIN) and inside one.
          await conn.transaction().execute(async (trx) => {
            assert.equal((await userById(trx, 'kept')).length, 1);
            assert.equal((await userById(trx, 'taken')).length, 1);
          });
          assert.equal((await prepared(conn)).length, before + 1, 'still one, whatever the values');
        });
      });

      it(`prepare any other statement with parameters once it has run ${PREPARE_AFTER} times, and none without`, async () => {
        await database.db.connection().execute(async (conn) => {
          const marker = `probe-${Date.now()}`;
          const withParameters = (run: number) =>
            conn.selectFrom('users').select('id').where('name', '=', `${marker}-${run}`).execute();
          const isOurs = (row: { statement: string }) => /where "name" = \$1/.test(row.statement);
          for (let run = 1; run < PREPARE_AFTER; run++) await withParameters(run);
          assert.equal((await prepared(conn)).filter(isOurs).length, 0, 'not before');
          await withParameters(PREPARE_AFTER);
          assert.equal((await prepared(conn)).filter(isOurs).length, 1, `after ${PREPARE_AFTER} runs`);
          for (let run = 0; run < PREPARE_AFTER + 1; run++)
            await sql`select 1 as one_${sql.raw(String(7))}`.execute(conn);
          assert.equal(
            (await prepared(conn)).filter((row) => /one_7/.test(row.statement)).length,
            0,
            'a text without parameters runs unnamed',
          );
        });
      });

      it('prepare a statement new to the connection before the BEGIN it is sent with', async () => {
        const insertUser = reusableQuery((db, id: string, email: string) =>
          db
            .insertInto('users')
            .values({ ...user(id), email })
            .returning('id'),
        );
        await database.db.connection().execute(async (conn) => {
          await assert.rejects(
            conn.transaction().execute(async (trx) => {
              assert.deepEqual(await insertUser(trx, 'undone', 'undone@example.com'), [{ id: 'undone' }]);
              assert.deepEqual(await ids(), ['kept', 'taken'], 'inside the transaction: not seen elsewhere');
              throw new Error('changed my mind');
            }),
            /changed my mind/,
          );
          assert.deepEqual(await ids(), ['kept', 'taken'], 'rolled back with it');
          const named = (await prepared(conn)).filter((row) =>
            /insert into "users".*returning "id"/.test(row.statement),
          );
          assert.equal(named.length, 1, 'and prepared on the connection');
          await conn.transaction().execute(async (trx) => {
            await insertUser(trx, 'added', 'added@example.com');
          });
        });
        assert.deepEqual(await ids(), ['added', 'kept', 'taken']);
        await database.db.deleteFrom('users').where('id', '=', 'added').execute();
      });

      it('prepare a statement again when its table changed shape under it (another server migrated)', async () => {
        const userRow = reusableQuery((db, id: string) =>
          db.selectFrom('users').selectAll().where('id', '=', id),
        );
        await database.db.connection().execute(async (conn) => {
          assert.equal((await userRow(conn, 'kept'))[0]?.id, 'kept');
          await sql`alter table users add column probe text default 'added'`.execute(database.db);
          try {
            // Outside a transaction: retried under a new name at once.
            const [row] = await userRow(conn, 'kept');
            assert.equal((row as { probe?: string } | undefined)?.probe, 'added');
            await sql`alter table users drop column probe`.execute(database.db);
            // Inside one: that transaction fails; the next prepares afresh.
            await assert.rejects(
              conn.transaction().execute(async (trx) => userRow(trx, 'kept')),
              /cached plan must not change result type/,
            );
            await conn.transaction().execute(async (trx) => {
              assert.equal((await userRow(trx, 'kept'))[0]?.id, 'kept');
            });
          } finally {
            await sql`alter table users drop column if exists probe`.execute(database.db);
          }
        });
      });

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
