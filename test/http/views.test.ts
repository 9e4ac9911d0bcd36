import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Body, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`saved backlog views and the sprint's refinement share over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
    });
    after(() => api.close());

    it('saves, lists, renames, trashes and restores a named set of filters, with defaults filled in', async () => {
      const created = await api.call('POST', `/products/${product.id}/views`, {
        body: { name: 'Bugs not ready', filters: { type: ['bug'], readiness: ['not_ready'] } },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.headers.get('etag'), '"1"');
      assert.deepEqual(created.body.filters.type, ['bug']);
      assert.equal(created.body.filters.open, true, 'open work only unless said otherwise');
      assert.deepEqual(created.body.filters.sort, { by: 'rank', direction: 'asc' });

      const duplicate = await api.call('POST', `/products/${product.id}/views`, {
        body: { name: ' bugs NOT ready ', filters: {} },
      });
      assert.equal(duplicate.status, 409);
      const bad = await api.call('POST', `/products/${product.id}/views`, {
        body: { name: 'Odd', filters: { status: ['nope'], sort: { by: 'colour' } } },
      });
      assert.equal(bad.status, 400);
      const paths = bad.body.error.details.issues.map((i: Body) => i.path).sort();
      assert.deepEqual(paths, ['filters.sort.by', 'filters.status.0']);

      const renamed = await api.call('PATCH', `/views/${created.body.id}`, {
        headers: { 'if-match': '"1"' },
        body: {
          name: 'Bugs to groom',
          filters: { type: ['bug'], open: false, sort: { by: 'updated', direction: 'desc' } },
        },
      });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      assert.equal(renamed.body.filters.open, false);
      const stale = await api.call('PATCH', `/views/${created.body.id}`, {
        headers: { 'if-match': '"1"' },
        body: { name: 'Again' },
      });
      assert.equal(stale.status, 412);

      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      const listed = await api.call('GET', `/products/${product.id}/views`, { token: viewer.token });
      assert.deepEqual(
        listed.body.views.map((v: Body) => v.name),
        ['Bugs to groom'],
      );
      const refused = await api.call('POST', `/products/${product.id}/views`, {
        token: viewer.token,
        body: { name: 'Mine', filters: {} },
      });
      assert.equal(refused.status, 403);

      assert.equal((await api.call('DELETE', `/views/${created.body.id}`)).status, 200);
      assert.deepEqual((await api.call('GET', `/products/${product.id}/views`)).body.views, []);
      assert.equal((await api.call('POST', `/views/${created.body.id}/restore`)).status, 200);
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      assert.deepEqual(
        events.filter((e: Body) => e.entityType === 'view').map((e: Body) => e.action),
        ['created', 'updated', 'deleted', 'restored'],
      );
    });

    it("keeps a share of a sprint's capacity for refinement, passed on to the next sprint", async () => {
      const created = await api.call('POST', `/products/${product.id}/sprints`, {
        body: {
          name: 'Sprint 1',
          startDate: '2026-03-02',
          endDate: '2026-03-13',
          capacity: 30,
          refinementShare: 0.1,
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.refinementShare, 0.1);
      const tooMuch = await api.call('PATCH', `/sprints/${created.body.id}`, {
        body: { refinementShare: 0.9 },
      });
      assert.equal(tooMuch.status, 400);
      assert.equal(tooMuch.body.error.details.issues[0].path, 'refinementShare');
      const none = await api.call('PATCH', `/sprints/${created.body.id}`, {
        body: { refinementShare: null },
      });
      assert.equal(none.body.refinementShare, null);
    });
  });
}
