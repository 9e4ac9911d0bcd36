/**
 * The server's snapshot of a product's items (services/intelligence/item-snapshot.ts) kept up to date from
 * events: after each kind of write, the model the analyses read equals a whole read of the database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadPlanningModel } from '../../src/services/intelligence/load-planning-model.ts';
import { type Body, buildItem, buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`the items snapshot of the analyses (${dialect})`, () => {
    let api: TestApi;
    let second: TestApi;

    before(async () => {
      api = await createTestApi(dialect);
      // A second server on the same database: its writes reach the first one's reports through events.
      second = await createTestApi(dialect, { database: api.database });
    });
    after(async () => {
      await second.close();
      await api.close();
    });

    const ok = async (server: TestApi, method: string, path: string, body?: unknown) => {
      const response = await server.call(method, path, { token: api.ownerToken, body });
      assert.ok(response.status < 300, `${method} ${path}: ${JSON.stringify(response.body)}`);
      return response.body;
    };

    /** The model from the snapshot (kept between calls) against a whole read (a transaction keeps none). */
    const assertFresh = async (productId: string, step: string) => {
      const db = api.database.db;
      const actor = { id: api.ownerId, role: 'owner' as const };
      const kept = await loadPlanningModel(db, actor, productId);
      const whole = await db.transaction().execute((trx) => loadPlanningModel(trx, actor, productId));
      assert.deepEqual(kept, whole, `after ${step}`);
      return kept;
    };

    it('follows edits, moves, the trash, links, sprints, releases, merges and splits', async () => {
      const p = await buildProduct(api);
      const other = await buildProduct(api);
      const [a, b, c, d] = await Promise.all(
        ['Export invoices', 'Import invoices', 'Refund orders', 'Ship orders'].map((title) =>
          buildItem(api, p.id, { title, estimate: 3 }),
        ),
      );
      const foreign = await buildItem(api, other.id, { title: 'Partner API' });
      const ids = (list: readonly Body[]) => list.map((item) => item.id);
      let model = await assertFresh(p.id, 'the first read');
      assert.equal(model.items.length, 4);

      const steps: [string, () => Promise<unknown>][] = [
        ['a title edit', () => ok(api, 'PATCH', `/items/${a!.id}`, { title: 'Export all invoices' })],
        ['an edit on the second server', () => ok(second, 'PATCH', `/items/${b!.id}`, { estimate: 8 })],
        ['a move', () => ok(api, 'POST', `/items/${d!.id}/move`, { beforeId: a!.id })],
        ['a dependency', () => ok(api, 'POST', `/items/${b!.id}/dependencies`, { blockedBy: a!.id })],
        [
          'a cross-product dependency',
          () => ok(api, 'POST', `/items/${c!.id}/dependencies`, { blockedBy: foreign.id }),
        ],
        [
          'the other product finishing its item',
          () => ok(api, 'PATCH', `/items/${foreign.id}`, { status: 'done' }),
        ],
        ['the trash', () => ok(api, 'DELETE', `/items/${a!.id}`)],
        ['a restore', () => ok(api, 'POST', `/items/${a!.id}/restore`)],
        ['a new item', () => buildItem(api, p.id, { title: 'Export invoices again', estimate: 2 })],
        [
          'a bulk update',
          () =>
            ok(api, 'POST', `/products/${p.id}/items/bulk-update`, {
              ids: ids([a!, b!]),
              set: { estimate: 5 },
            }),
        ],
        [
          'a merge',
          async () => {
            const copy = await buildItem(api, p.id, { title: 'Export invoices (copy)' });
            await assertFresh(p.id, 'the copy');
            return ok(api, 'POST', `/items/${a!.id}/merge`, { duplicateId: copy.id });
          },
        ],
        [
          'a split',
          () =>
            ok(api, 'POST', `/items/${d!.id}/split`, {
              parts: [{ title: 'Ship orders, part 1' }, { title: 'Ship orders, part 2' }],
            }),
        ],
      ];
      for (const [step, write] of steps) {
        await write();
        model = await assertFresh(p.id, step);
      }
      assert.ok(model.items.some((item) => item.title === 'Ship orders, part 2'));
      assert.equal(model.foreignBlockers[0]?.status, 'done');
    });

    it('follows a sprint closed with leftovers and a release deleted with its items', async () => {
      const p = await buildProduct(api);
      const sprint = await ok(api, 'POST', `/products/${p.id}/sprints`, {
        name: 'S1',
        startDate: '2026-11-30',
        endDate: '2026-12-11',
      });
      const release = await ok(api, 'POST', `/products/${p.id}/releases`, { name: '1.0' });
      const first = await buildItem(api, p.id, { estimate: 2, sprintId: sprint.id, releaseId: release.id });
      await buildItem(api, p.id, { estimate: 3, sprintId: sprint.id, status: 'done' });
      await buildItem(api, p.id, { estimate: 1 });
      await assertFresh(p.id, 'the first read');
      await ok(api, 'POST', `/sprints/${sprint.id}/start`);
      await ok(api, 'POST', `/sprints/${sprint.id}/close`, { leftovers: 'backlog' });
      const closed = await assertFresh(p.id, 'the close');
      assert.equal(closed.items.find((item) => item.id === first.id)?.sprintId, null);
      await ok(api, 'DELETE', `/releases/${release.id}`);
      const released = await assertFresh(p.id, 'the release deleted');
      assert.equal(released.items.find((item) => item.id === first.id)?.releaseId, null);
    });
  });
}
