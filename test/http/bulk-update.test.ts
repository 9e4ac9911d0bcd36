import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildItem, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`bulk item updates (${dialect})`, () => {
    let api: TestApi;
    let productId: string;

    before(async () => {
      api = await createTestApi(dialect);
      productId = (await buildProduct(api)).id;
    });
    after(() => api.close());

    const bulk = (body: unknown, token?: string, product = productId) =>
      api.call('POST', `/products/${product}/items/bulk-update`, { body, token });

    it('changes every named item in one go, by id or key, and records one event per changed item', async () => {
      const initiative = await api.call('POST', `/products/${productId}/initiatives`, {
        body: { title: 'Checkout' },
      });
      const a = await buildItem(api, productId, { title: 'A', labels: ['old', 'keep'] });
      const b = await buildItem(api, productId, { title: 'B' });
      const c = await buildItem(api, productId, { title: 'C', status: 'ready', labels: ['new'] });
      const response = await bulk({
        ids: [b.key, a.id, c.id, a.key],
        set: { status: 'ready', initiativeId: initiative.body.id, estimate: 3 },
        addLabels: ['new'],
        removeLabels: ['old'],
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const items = response.body.items;
      assert.deepEqual(
        items.map((item: { id: string }) => item.id),
        [b.id, a.id, c.id],
        'in the order named, each once',
      );
      assert.deepEqual(
        items.map((item: { version: number }) => item.version),
        [2, 2, 2],
      );
      assert.deepEqual(items[0].labels, ['new']);
      assert.deepEqual(items[1].labels, ['keep', 'new']);
      assert.deepEqual(items[2].labels, ['new']);
      for (const item of items) {
        assert.equal(item.status, 'ready');
        assert.equal(item.initiativeId, initiative.body.id);
        assert.equal(item.estimate, 3);
      }
      // GET /items/{id} also says where an item was imported from (externalKeys): none for this one.
      const { externalKeys, ...stored } = (await api.call('GET', `/items/${a.id}`)).body;
      assert.deepEqual(externalKeys, []);
      assert.deepEqual(stored, items[1], 'stored as returned');

      const history = await api.call('GET', `/items/${a.id}/history`);
      const updated = history.body.events.at(-1);
      assert.equal(updated.action, 'updated');
      assert.deepEqual(updated.changes, {
        status: ['backlog', 'ready'],
        initiativeId: [null, initiative.body.id],
        estimate: [null, 3],
        labels: [
          ['old', 'keep'],
          ['keep', 'new'],
        ],
      });
      const cHistory = await api.call('GET', `/items/${c.id}/history`);
      assert.deepEqual(Object.keys(cHistory.body.events.at(-1).changes).sort(), ['estimate', 'initiativeId']);

      const labelled = await api.call('GET', `/products/${productId}/items?label=new`);
      assert.deepEqual(
        labelled.body.items.map((item: { id: string }) => item.id).sort(),
        [a.id, b.id, c.id].sort(),
        'the label index follows',
      );
      const old = await api.call('GET', `/products/${productId}/items?label=old`);
      assert.deepEqual(old.body.items, []);
    });

    it('leaves items the change does not alter as they were: no write, no event', async () => {
      const same = await buildItem(api, productId, { status: 'done', labels: ['x'] });
      const other = await buildItem(api, productId, { status: 'backlog' });
      const before = await api.call('GET', `/products/${productId}/events?limit=1000`);
      const response = await bulk({ ids: [same.id, other.id], set: { status: 'done' }, addLabels: ['x'] });
      assert.equal(response.status, 200);
      assert.deepEqual(response.body.items[0], same, 'unchanged, same version');
      assert.equal(response.body.items[1].version, 2);
      const events = await api.call('GET', `/products/${productId}/events?after=${before.body.nextCursor}`);
      assert.deepEqual(
        events.body.events.map((event: { entityId: string }) => event.entityId),
        [other.id],
      );
    });

    it('rolls everything back when one id is not a live item of this product, naming it', async () => {
      const good = await buildItem(api, productId, { status: 'backlog' });
      const elsewhere = await buildItem(api, (await buildProduct(api)).id);
      for (const [bad, code] of [
        ['NOPE-999', 'not_found'],
        [elsewhere.id, 'not_found'],
        ['not an id', 'not_found'],
      ]) {
        const response = await bulk({ ids: [good.id, bad], set: { status: 'done' } });
        assert.equal(response.status, 404, bad);
        assert.equal(response.body.error.code, code);
        assert.equal(response.body.error.details.issues[0].path, 'ids.1');
        assert.match(response.body.error.message, new RegExp(bad));
      }
      const trashed = await buildItem(api, productId);
      await api.call('DELETE', `/items/${trashed.id}`);
      const inTrash = await bulk({ ids: [good.id, trashed.key], set: { status: 'done' } });
      assert.equal(inTrash.status, 409);
      assert.equal(inTrash.body.error.code, 'in_trash');
      assert.equal(inTrash.body.error.details.issues[0].path, 'ids.1');
      const after = await api.call('GET', `/items/${good.id}`);
      assert.equal(after.body.status, 'backlog');
      assert.equal(after.body.version, 1);
    });

    it('rolls back a bad reference and names it under set', async () => {
      const item = await buildItem(api, productId);
      const otherProduct = await buildProduct(api);
      const foreign = await api.call('POST', `/products/${otherProduct.id}/initiatives`, {
        body: { title: 'Elsewhere' },
      });
      const response = await bulk({ ids: [item.id], set: { initiativeId: foreign.body.id } });
      assert.equal(response.status, 400);
      assert.equal(response.body.error.details.issues[0].path, 'set.initiativeId');
      const missingUser = await bulk({
        ids: [item.id],
        set: { assigneeId: '0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d' },
      });
      assert.equal(missingUser.body.error.details.issues[0].path, 'set.assigneeId');
      assert.equal((await api.call('GET', `/items/${item.id}`)).body.version, 1);
    });

    it('validates the body strictly and names each bad field', async () => {
      const item = await buildItem(api, productId);
      const cases: [unknown, string][] = [
        [{ ids: [], set: { status: 'done' } }, 'ids'],
        [{ ids: Array.from({ length: 1_001 }, () => item.id), set: { status: 'done' } }, 'ids'],
        [{ ids: [item.id] }, 'set'],
        [{ ids: [item.id], set: {} }, 'set'],
        [{ ids: [item.id], set: { status: 'finished' } }, 'set.status'],
        [{ ids: [item.id], set: { title: 'no' } }, 'set.title'],
        [{ ids: [item.id], set: { estimate: -1 } }, 'set.estimate'],
        [{ ids: [item.id], addLabels: ['a,b'] }, 'addLabels.0'],
        [{ ids: [item.id], addLabels: ['x'], removeLabels: ['x'] }, 'removeLabels'],
        [{ ids: [item.id], set: { status: 'done' }, extra: true }, 'extra'],
      ];
      for (const [body, path] of cases) {
        const response = await bulk(body);
        assert.equal(response.status, 400, JSON.stringify(body).slice(0, 80));
        const paths = response.body.error.details.issues.map((issue: { path: string }) => issue.path);
        assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
      }
      const many = Array.from({ length: 20 }, (_, i) => `l${i}`);
      const full = await buildItem(api, productId, { labels: many });
      const tooMany = await bulk({ ids: [full.id], addLabels: ['one-more'] });
      assert.equal(tooMany.status, 400);
      assert.equal(tooMany.body.error.details.issues[0].path, 'addLabels');
    });

    it('follows the same permissions as a single change', async () => {
      const item = await buildItem(api, productId);
      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${productId}/members/${viewer.user.id}`);
      const refused = await bulk({ ids: [item.id], set: { status: 'done' } }, viewer.token);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'forbidden');
      const outsider = await buildUser(api, 'editor');
      assert.equal((await bulk({ ids: [item.id], set: { status: 'done' } }, outsider.token)).status, 404);
      const editor = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${productId}/members/${editor.user.id}`);
      assert.equal((await bulk({ ids: [item.id], set: { status: 'done' } }, editor.token)).status, 200);
      assert.equal((await api.call('GET', `/items/${item.id}`)).body.status, 'done');
    });

    it('changes 1000 items in one request', async () => {
      const product = await buildProduct(api);
      const { importItems } = await import('../../src/services/items/import-items.ts');
      await importItems({
        db: api.database.db,
        actor: { id: api.ownerId, role: 'owner' },
        productId: product.id,
        items: Array.from({ length: 1_000 }, (_, i) => ({
          type: 'task' as const,
          title: `Item ${i}`,
          story: null,
          description: '',
          acceptanceCriteria: [],
          estimate: null,
          status: 'backlog' as const,
          initiativeId: null,
          labels: i % 2 === 0 ? ['even'] : [],
          assigneeId: null,
        })),
      });
      const backlog = await api.call('GET', `/products/${product.id}/backlog`);
      const ids = backlog.body.items.map((item: { id: string }) => item.id);
      const started = Date.now();
      const response = await bulk(
        { ids, set: { status: 'ready' }, addLabels: ['sprint-1'] },
        undefined,
        product.id,
      );
      assert.equal(response.status, 200);
      assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
      assert.equal(response.body.items.length, 1_000);
      assert.deepEqual(response.body.items[0].labels, ['even', 'sprint-1']);
      assert.deepEqual(response.body.items[1].labels, ['sprint-1']);
      const events = await api.call(
        'GET',
        `/products/${product.id}/events?after=${backlog.body.cursor}&limit=1000`,
      );
      assert.equal(events.body.events.length, 1_000);
    });
  });
}
