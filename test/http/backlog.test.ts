import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toBacklogItem } from '../../src/presenters/backlog-item.ts';
import { buildItem, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const FIELDS = [
  'assigneeId',
  'criteriaDone',
  'criteriaTotal',
  'estimate',
  'hasStory',
  'id',
  'initiativeId',
  'key',
  'labels',
  'rank',
  'releaseId',
  'sprintId',
  'status',
  'title',
  'type',
  'updatedAt',
  'version',
];

for (const dialect of DIALECTS) {
  describe(`the whole backlog in one response (${dialect})`, () => {
    let api: TestApi;

    before(async () => {
      api = await createTestApi(dialect);
    });
    after(() => api.close());

    it('lists every live item as a backlog row, in rank order, with the cursor to stream from', async () => {
      const product = await buildProduct(api);
      const initiative = await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title: 'Checkout' },
      });
      const plain = await buildItem(api, product.id, { title: 'Plain' });
      const rich = await buildItem(api, product.id, {
        title: 'Rich',
        type: 'bug',
        story: { asA: 'shopper', iWant: 'to pay', soThat: 'I get my order' },
        acceptanceCriteria: [
          { text: 'card', done: true },
          { text: 'receipt' },
          { text: 'refund', done: true },
        ],
        estimate: 2.5,
        labels: ['payments', 'ux'],
        initiativeId: initiative.body.id,
        assigneeId: api.ownerId,
        beforeId: plain.id,
      });
      const trashed = await buildItem(api, product.id, { title: 'Trashed' });
      await api.call('DELETE', `/items/${trashed.id}`);

      const backlog = await api.call('GET', `/products/${product.id}/backlog`);
      assert.equal(backlog.status, 200);
      assert.deepEqual(
        backlog.body.items.map((item: { title: string }) => item.title),
        ['Rich', 'Plain'],
        'rank order, trashed items left out',
      );
      const [first, second] = backlog.body.items;
      assert.deepEqual(Object.keys(first).sort(), FIELDS);
      assert.deepEqual(first, {
        id: rich.id,
        key: rich.key,
        type: 'bug',
        title: 'Rich',
        status: 'backlog',
        estimate: 2.5,
        initiativeId: initiative.body.id,
        labels: ['payments', 'ux'],
        assigneeId: api.ownerId,
        sprintId: null,
        releaseId: null,
        rank: rich.rank,
        version: 1,
        updatedAt: rich.updatedAt,
        hasStory: true,
        criteriaTotal: 3,
        criteriaDone: 2,
      });
      assert.equal(second.hasStory, false);
      assert.equal(second.criteriaTotal, 0);
      assert.deepEqual(second.labels, []);

      const current = await api.call('GET', `/items/${rich.id}`);
      assert.deepEqual(toBacklogItem(current.body), first, 'the pure presenter agrees with the query');

      const events = await api.call('GET', `/products/${product.id}/events?limit=1000`);
      assert.equal(backlog.body.cursor, String(events.body.events.at(-1).id));
      assert.equal(typeof backlog.body.cursor, 'string');
    });

    it('gives a cursor after which the events are exactly those of later changes', async () => {
      const product = await buildProduct(api);
      await buildItem(api, product.id);
      const { cursor } = (await api.call('GET', `/products/${product.id}/backlog`)).body;
      const later = await buildItem(api, product.id, { title: 'Later' });
      const events = await api.call('GET', `/products/${product.id}/events?after=${cursor}`);
      assert.deepEqual(
        events.body.events.map((event: { entityId: string }) => event.entityId),
        [later.id],
      );
    });

    it('gives only the first items in rank order when asked for a first page, with the same cursor', async () => {
      const product = await buildProduct(api);
      const titles = ['One', 'Two', 'Three'];
      for (const title of titles) await buildItem(api, product.id, { title });
      const whole = (await api.call('GET', `/products/${product.key}/backlog`)).body;
      const page = await api.call('GET', `/products/${product.key}/backlog?limit=2`);
      assert.equal(page.status, 200);
      assert.deepEqual(page.body.items, whole.items.slice(0, 2));
      assert.equal(page.body.cursor, whole.cursor);
      const more = await api.call('GET', `/products/${product.key}/backlog?limit=10`);
      assert.deepEqual(more.body.items, whole.items);

      const bad = await api.call('GET', `/products/${product.key}/backlog?limit=0`);
      assert.equal(bad.status, 400);
      assert.match(JSON.stringify(bad.body.error), /limit/);
    });

    it('is empty for an empty product', async () => {
      const product = await buildProduct(api);
      const backlog = await api.call('GET', `/products/${product.id}/backlog`);
      assert.deepEqual(backlog.body.items, []);
      assert.match(backlog.body.cursor, /^\d+$/);
    });

    it('takes the product key as well as its id', async () => {
      const product = await buildProduct(api);
      const item = await buildItem(api, product.id, { title: 'Found by key' });
      const byKey = await api.call('GET', `/products/${product.key}/backlog`);
      assert.equal(byKey.status, 200);
      assert.deepEqual(
        byKey.body.items.map((row: { id: string }) => row.id),
        [item.id],
      );
      const unknown = await api.call('GET', '/products/NOSUCHKEY/backlog');
      assert.equal(unknown.status, 404);
    });

    it('is scoped like every product route: 404 when not visible, 401 without credentials', async () => {
      const product = await buildProduct(api);
      const viewer = await buildUser(api, 'viewer');
      assert.equal(
        (await api.call('GET', `/products/${product.id}/backlog`, { token: viewer.token })).status,
        404,
      );
      assert.equal((await api.call('GET', `/products/${product.id}/backlog`, { token: null })).status, 401);
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      assert.equal(
        (await api.call('GET', `/products/${product.id}/backlog`, { token: viewer.token })).status,
        200,
      );
    });
  });
}
