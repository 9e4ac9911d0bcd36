import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/server.ts';
import { LISTENER_NAME } from '../../src/store/listen.ts';
import { buildItem, buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { createTestDatabase, DIALECTS } from '../support/databases.ts';
import { changeOf, changes, follow, SseReader } from '../support/sse.ts';

const PASSWORD = 'a long enough password';

for (const dialect of DIALECTS) {
  describe(`live updates across two servers on one database (${dialect})`, () => {
    let first: TestApi;
    let second: TestApi;

    before(async () => {
      first = await createTestApi(dialect);
      second = await createTestApi(dialect, { database: first.database });
      second.ownerToken = first.ownerToken;
    });
    after(async () => {
      await second.close();
      await first.close();
    });

    it("delivers a change made through one server to the other server's stream", async () => {
      const product = await buildProduct(first);
      const onFirst = await follow(first, product.id);
      const onSecond = await follow(second, product.id);
      const started = Date.now();
      const item = await buildItem(second, product.id, { title: 'Written on the second server' });
      const [seen] = await changes(onFirst, 1, 3_000);
      assert.equal(seen.entity.id, item.id);
      const elapsed = Date.now() - started;
      // PostgreSQL: NOTIFY on commit. SQLite: the other server finds it by its once-a-second poll.
      assert.ok(elapsed < (dialect === 'postgres' ? 1_000 : 2_500), `arrived after ${elapsed} ms`);
      assert.equal((await changes(onSecond, 1))[0].entity.id, item.id);
      const patched = await first.call('PATCH', `/items/${item.id}`, { body: { status: 'ready' } });
      assert.deepEqual((await changes(onSecond, 1, 3_000))[0].entity, patched.body);
      assert.deepEqual((await changes(onFirst, 1))[0].entity, patched.body);
      await onFirst.cancel();
      await onSecond.cancel();
    });

    if (dialect === 'postgres') {
      it('reconnects its LISTEN connection after it drops, and misses nothing written meanwhile', async () => {
        const product = await buildProduct(first);
        const reader = await follow(first, product.id);
        const listeners = sql<{ pid: number }>`select pid from pg_stat_activity
          where datname = current_database() and application_name = ${LISTENER_NAME}`;
        const deadline = Date.now() + 3_000;
        while ((await listeners.execute(first.database.db)).rows.length === 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const { rows } = await listeners.execute(first.database.db);
        assert.ok(rows.length >= 1, 'a LISTEN connection');
        for (const { pid } of rows) await sql`select pg_terminate_backend(${pid})`.execute(first.database.db);
        // Written while the listeners are down: their NOTIFY reaches no one.
        const item = await buildItem(second, product.id, { title: 'While disconnected' });
        const [seen] = await changes(reader, 1, 5_000);
        assert.equal(seen.entity.id, item.id);
        const later = await buildItem(second, product.id, { title: 'After reconnecting' });
        assert.equal((await changes(reader, 1, 3_000))[0].entity.id, later.id);
        await reader.cancel();
      });
    }
  });

  describe(`server shutdown with open live streams (${dialect})`, () => {
    it('ends the streams and closes the LISTEN connection at once, not after the grace period', async () => {
      const database = await createTestDatabase(dialect);
      const dir = mkdtempSync(join(tmpdir(), 'cairn-stream-'));
      const flags = { port: 0, data: dir, databaseUrl: database.location.databaseUrl };
      const server = await startServer(loadConfig(flags, {}), () => {});
      const post = async (path: string, body: unknown, authorization?: string) => {
        const response = await fetch(`${server.url}/api/v1${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
          body: JSON.stringify(body),
        });
        return (await response.json()) as Record<string, string>;
      };
      try {
        const { token } = await post('/setup', { email: 'o@example.com', name: 'O', password: PASSWORD });
        const authorization = `Bearer ${token}`;
        const { id } = await post('/products', { key: 'LIVE', name: 'Live' }, authorization);
        const response = await fetch(`${server.url}/api/v1/products/${id}/stream`, {
          headers: { authorization },
        });
        assert.equal(response.status, 200);
        const reader = new SseReader(response);
        await post(`/products/${id}/items`, { title: 'Over a real socket' }, authorization);
        assert.equal(changeOf(await reader.next()).entity.title, 'Over a real socket');
        const started = Date.now();
        await server.close();
        assert.ok(Date.now() - started < 3_000, `closed in ${Date.now() - started} ms`);
        assert.equal(await reader.waitForEnd(1_000), true);
        if (dialect === 'postgres') {
          const listeners = sql<{ count: number }>`select count(*)::int as count from pg_stat_activity
            where datname = current_database() and application_name = ${LISTENER_NAME}`;
          const deadline = Date.now() + 1_000;
          let left = (await listeners.execute(database.db)).rows[0]?.count;
          while (left !== 0 && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            left = (await listeners.execute(database.db)).rows[0]?.count;
          }
          assert.equal(left, 0, 'no LISTEN connection left');
        }
      } finally {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
