import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { restoreWorkspace } from '../src/services/backup/restore-workspace.ts';
import { firstNonEmptyTable } from '../src/services/backup/target-database.ts';
import { backupWorkspace } from '../src/services/backup/write-backup.ts';
import type { Actor } from '../src/services/context.ts';
import { collectExport, exportProductJson } from '../src/services/exports/export-product-json.ts';
import { type DialectName, openDatabase } from '../src/store/database.ts';
import { FIXTURE_FILE, FIXTURE_PASSWORD, FIXTURE_SCHEMA } from './fixtures/backups/make-fixture.ts';
import { type Body, buildItem, buildProduct, buildUser, createTestApi, type TestApi } from './support/api.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/databases.ts';

const OWNER_PASSWORD = 'a long enough password';
const dir = mkdtempSync(join(tmpdir(), 'cairn-backup-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `backup-${++files}.gz`);

/** The other database, where both are available; SQLite to SQLite otherwise. */
const otherThan = (dialect: DialectName): DialectName =>
  DIALECTS.includes('postgres') ? (dialect === 'sqlite' ? 'postgres' : 'sqlite') : 'sqlite';

/** A workspace with a bit of everything: items, labels, an initiative, a sprint, a dependency, a member. */
async function seed(api: TestApi): Promise<Body> {
  const product = await buildProduct(api);
  const editor = await buildUser(api, 'editor');
  await api.call('PUT', `/products/${product.id}/members/${editor.user.id}`);
  const initiative = await api.call('POST', `/products/${product.id}/initiatives`, {
    body: { title: 'Faster checkout, “quoted” ünïcödé 🚀', confidence: 'committed' },
  });
  const a = await buildItem(api, product.id, {
    title: 'First',
    labels: ['ux', 'backend'],
    estimate: 2.5,
    initiativeId: initiative.body.id,
  });
  const b = await buildItem(api, product.id, { title: 'Second\nline', estimate: 0.1 });
  await buildItem(api, product.id, { title: 'Third' }, editor.token);
  const dependency = await api.call('POST', `/items/${a.id}/dependencies`, { body: { blockedBy: b.id } });
  assert.ok(dependency.status < 300, JSON.stringify(dependency.body));
  const sprint = await api.call('POST', `/products/${product.id}/sprints`, {
    body: { name: 'Sprint 1', startDate: '2026-01-05', endDate: '2026-01-16' },
  });
  assert.equal(sprint.status, 201, JSON.stringify(sprint.body));
  await api.call('PATCH', `/items/${a.id}`, { body: { status: 'in_progress', sprintId: sprint.body.id } });
  return product;
}

const ownerOf = (api: TestApi): Actor => ({ id: api.ownerId, role: 'owner' });

async function exportOf(db: TestDatabase['db'], actor: Actor, productId: string): Promise<string> {
  return collectExport((await exportProductJson({ db, actor, productRef: productId })).chunks);
}

for (const dialect of DIALECTS) {
  const target = otherThan(dialect);
  describe(`backup and restore: ${dialect} → ${target}`, () => {
    let source: TestApi;
    let product: Body;
    let file: string;

    before(async () => {
      source = await createTestApi(dialect);
      product = await seed(source);
      file = newFile();
      await backupWorkspace({ db: source.database.db, file });
    });
    after(() => source.close());

    it('writes a file readable by its owner only, with a versioned header', () => {
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const header = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0] as string);
      assert.equal(header.format, 'cairn-backup');
      assert.equal(header.formatVersion, 1);
      assert.equal(header.dialect, dialect);
      assert.match(header.schemaVersion, /^\d{3}-/);
    });

    it('restores into the other database with an export identical byte for byte, and users can log in', async () => {
      const database = await createTestDatabase(target);
      const restored = await createTestApi(target, { database });
      try {
        const summary = await restoreWorkspace({ db: database.db, file });
        assert.ok(summary.rows > 0);
        const original = await exportOf(source.database.db, ownerOf(source), product.id);
        const copy = await exportOf(database.db, ownerOf(source), product.id);
        assert.equal(copy, original);
        const login = await restored.call('POST', '/auth/login', {
          token: null,
          body: { email: 'owner@example.com', password: OWNER_PASSWORD },
        });
        assert.equal(login.status, 200, JSON.stringify(login.body));
        // Ids continue after the restored ones (PostgreSQL's sequences were moved).
        const item = await restored.call('POST', `/products/${product.id}/items`, {
          token: source.ownerToken,
          body: { title: 'After the restore' },
        });
        assert.equal(item.status, 201, JSON.stringify(item.body));
        assert.equal(item.body.key, `${product.key}-4`);
      } finally {
        await restored.close();
        await database.close();
      }
    });

    it('refuses a database that holds data unless forced, naming it', async () => {
      const database = await createTestDatabase(target);
      try {
        await restoreWorkspace({ db: database.db, file });
        await assert.rejects(
          restoreWorkspace({ db: database.db, file, describe: 'the-target' }),
          (error: Error) => {
            assert.match(error.message, /database the-target is not empty .*--force/);
            return true;
          },
        );
        const forced = await restoreWorkspace({ db: database.db, file, force: true });
        assert.ok(forced.rows > 0);
        assert.equal(
          await exportOf(database.db, ownerOf(source), product.id),
          await exportOf(source.database.db, ownerOf(source), product.id),
        );
      } finally {
        await database.close();
      }
    });

    it('leaves the target empty when a line is corrupt', async () => {
      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      const row = lines.findLastIndex((line) => line.startsWith('['));
      lines[row] = '["cut short",';
      const corrupt = newFile();
      writeFileSync(corrupt, gzipSync(lines.join('\n')));
      const database = await createTestDatabase(target);
      try {
        await assert.rejects(restoreWorkspace({ db: database.db, file: corrupt }), (error: Error) => {
          assert.match(error.message, new RegExp(`backup line ${row + 1}: not valid JSON`));
          return true;
        });
        assert.equal(await firstNonEmptyTable(database.db), null);
        const truncated = newFile();
        const bytes = readFileSync(file);
        writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
        await assert.rejects(restoreWorkspace({ db: database.db, file: truncated }));
        assert.equal(await firstNonEmptyTable(database.db), null);
      } finally {
        await database.close();
      }
    });

    it('refuses a backup from a newer format version with a clear message', async () => {
      const future = newFile();
      const header = {
        format: 'cairn-backup',
        formatVersion: 99,
        schemaVersion: '999-future',
        createdAt: '',
        dialect,
      };
      writeFileSync(future, gzipSync(`${JSON.stringify(header)}\n`));
      const database = await createTestDatabase(target);
      try {
        await assert.rejects(
          restoreWorkspace({ db: database.db, file: future }),
          /format version 99, newer .*upgrade Cairn/,
        );
        await assert.rejects(
          restoreWorkspace({ db: database.db, file: join(dir, 'none.gz') }),
          /not a readable/,
        );
      } finally {
        await database.close();
      }
    });
  });

  describe(`restoring an older backup (${FIXTURE_SCHEMA}) into ${dialect}`, () => {
    it('migrates it to the current schema, and its user can log in', async () => {
      const database = await createTestDatabase(dialect);
      const api = await createTestApi(dialect, { database });
      try {
        const summary = await restoreWorkspace({ db: database.db, file: FIXTURE_FILE });
        assert.equal(summary.header.schemaVersion, FIXTURE_SCHEMA);
        assert.ok(summary.migrated.length > 0);
        assert.ok(summary.migrated.every((name) => name > FIXTURE_SCHEMA));
        const login = await api.call('POST', '/auth/login', {
          token: null,
          body: { email: 'old-owner@example.com', password: FIXTURE_PASSWORD },
        });
        assert.equal(login.status, 200, JSON.stringify(login.body));
        const item = await database.db.selectFrom('items').selectAll().executeTakeFirstOrThrow();
        assert.equal(item.key, 'OLD-1');
      } finally {
        await api.close();
        await database.close();
      }
    });
  });
}

describe('online backup of SQLite while the server writes', () => {
  it('is a consistent snapshot', async () => {
    const api = await createTestApi('sqlite');
    const product = await buildProduct(api);
    // The backup reads through a connection of its own, as `cairn backup` does beside a running server.
    const reader = openDatabase({ sqliteFile: api.database.location.sqliteFile });
    const file = newFile();
    let writing = true;
    let written = 0;
    const writer = (async () => {
      // Bounded: stops when the backup is done, or after 2,000 items. Each write yields to the event loop
      // as a server between requests does, so the backup's reads run between the writes.
      while (writing && written < 2_000) {
        await buildItem(api, product.id, { title: `Concurrent ${written}` });
        written += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      while (written < 20) await new Promise((resolve) => setTimeout(resolve, 5));
      const atStart = written;
      await backupWorkspace({ db: reader.db, file });
      const duringBackup = written;
      writing = false;
      await writer;
      assert.ok(written > 20);
      const database = await createTestDatabase('sqlite');
      try {
        await restoreWorkspace({ db: database.db, file });
        const db = database.db;
        const items = await db.selectFrom('items').select(['id', 'number']).execute();
        const created = await db
          .selectFrom('events')
          .select('entity_id')
          .where('entity_type', '=', 'item')
          .where('action', '=', 'created')
          .execute();
        const restoredProduct = await db.selectFrom('products').selectAll().executeTakeFirstOrThrow();
        assert.ok(items.length >= atStart && items.length <= duringBackup);
        // Writes went on while the backup read (else this test proves nothing).
        assert.ok(duringBackup > atStart, `no write during the backup (${atStart} items)`);
        // Every item has its creation event and the product's counter matches: no write was half-read.
        assert.deepEqual(new Set(created.map((e) => e.entity_id)), new Set(items.map((i) => i.id)));
        // The counter holds the last number given out.
        assert.equal(restoredProduct.next_item_number, Math.max(...items.map((i) => i.number)));
      } finally {
        await database.close();
      }
    } finally {
      writing = false;
      await writer;
      await reader.close();
      await api.close();
    }
  });
});
