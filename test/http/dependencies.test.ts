import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildItem, buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`dependencies (${dialect})`, () => {
    let api: TestApi;
    let productId: string;

    before(async () => {
      api = await createTestApi(dialect);
      productId = (await buildProduct(api)).id;
    });
    after(() => api.close());

    it('records blocks / blocked-by by key or id and lists both directions', async () => {
      const a = await buildItem(api, productId, { title: 'API' });
      const b = await buildItem(api, productId, { title: 'UI' });
      const created = await api.call('POST', `/items/${b.key}/dependencies`, {
        body: { blockedBy: a.key, note: 'needs the endpoint' },
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.blockerKey, a.key);
      assert.equal(created.body.blockedKey, b.key);
      assert.equal(created.body.kind, 'technical');
      const ofA = await api.call('GET', `/items/${a.id}/dependencies`);
      assert.deepEqual(
        ofA.body.blocks.map((d: { blockedKey: string }) => d.blockedKey),
        [b.key],
      );
      const ofB = await api.call('GET', `/items/${b.id}/dependencies`);
      assert.deepEqual(
        ofB.body.blockedBy.map((d: { blockerKey: string }) => d.blockerKey),
        [a.key],
      );
      const twice = await api.call('POST', `/items/${a.id}/dependencies`, { body: { blocks: b.id } });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.error.code, 'duplicate_dependency');
    });

    it('refuses a dependency that would close a cycle, naming the cycle by item keys', async () => {
      const [x, y, z] = [
        await buildItem(api, productId, { title: 'x' }),
        await buildItem(api, productId, { title: 'y' }),
        await buildItem(api, productId, { title: 'z' }),
      ];
      await api.call('POST', `/items/${x.id}/dependencies`, { body: { blocks: y.key } });
      await api.call('POST', `/items/${y.id}/dependencies`, { body: { blocks: z.key } });
      const cycle = await api.call('POST', `/items/${z.id}/dependencies`, { body: { blocks: x.key } });
      assert.equal(cycle.status, 409);
      assert.equal(cycle.body.error.code, 'dependency_cycle');
      assert.deepEqual(cycle.body.error.details.cycle, [z.key, x.key, y.key, z.key]);
      assert.match(cycle.body.error.message, new RegExp(`${z.key} → ${x.key} → ${y.key} → ${z.key}`));
      const self = await api.call('POST', `/items/${x.id}/dependencies`, { body: { blocks: x.key } });
      assert.equal(self.status, 409);
      assert.equal((await api.call('GET', `/items/${z.id}/dependencies`)).body.blocks.length, 0);
    });

    it('removes a dependency, keeping what it said in the event log', async () => {
      const a = await buildItem(api, productId, { title: 'a' });
      const b = await buildItem(api, productId, { title: 'b' });
      const dep = await api.call('POST', `/items/${a.id}/dependencies`, {
        body: { blocks: b.key, kind: 'business', note: 'contract' },
      });
      assert.equal((await api.call('DELETE', `/dependencies/${dep.body.id}`)).status, 204);
      assert.equal((await api.call('DELETE', `/dependencies/${dep.body.id}`)).status, 404);
      assert.equal((await api.call('GET', `/items/${b.id}/dependencies`)).body.blockedBy.length, 0);
      const events = await api.call('GET', `/products/${productId}/events?limit=1000`);
      const removal = events.body.events.find(
        (e: { entityId: string; action: string }) => e.entityId === dep.body.id && e.action === 'deleted',
      );
      assert.deepEqual(removal.changes.note, ['contract', null]);
    });

    it('shows a dependency being added and removed in the history of both items, across products', async () => {
      const a = await buildItem(api, productId, { title: 'blocker' });
      const other = await buildProduct(api);
      const b = await buildItem(api, other.id, { title: 'blocked elsewhere' });
      const dep = await api.call('POST', `/items/${a.id}/dependencies`, { body: { blocks: b.key } });
      assert.equal(dep.status, 201);
      assert.equal((await api.call('DELETE', `/dependencies/${dep.body.id}`)).status, 204);
      for (const item of [a, b]) {
        const history = await api.call('GET', `/items/${item.id}/history`);
        assert.deepEqual(
          history.body.events
            .filter((e: { entityId: string }) => e.entityId === dep.body.id)
            .map((e: { action: string }) => e.action),
          ['created', 'deleted'],
          `${item.key}'s history shows its dependency`,
        );
        assert.equal(history.body.events[0].action, 'created', 'and its own events, oldest first');
        assert.equal(history.body.events[0].entityId, item.id);
      }
    });

    it('tracks external business dependencies until met', async () => {
      const item = await buildItem(api, productId, { title: 'Launch in Germany' });
      const created = await api.call('POST', `/items/${item.id}/external-dependencies`, {
        body: { title: 'Legal approval of T&Cs', owner: 'Legal', expectedDate: '2027-01-15' },
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.met, false);
      const met = await api.call('PATCH', `/external-dependencies/${created.body.id}`, {
        body: { met: true },
      });
      assert.equal(met.body.met, true);
      assert.equal(met.body.version, 2);
      const listed = await api.call('GET', `/items/${item.id}/dependencies`);
      assert.equal(listed.body.external[0].title, 'Legal approval of T&Cs');
      const bad = await api.call('POST', `/items/${item.id}/external-dependencies`, {
        body: { title: '', expectedDate: 'soon' },
      });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort(), [
        'expectedDate',
        'title',
      ]);
      assert.equal((await api.call('DELETE', `/external-dependencies/${created.body.id}`)).status, 204);
    });
  });
}
