import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildItem, buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`backlog items over HTTP (${dialect})`, () => {
    let api: TestApi;
    let productId: string;
    let productKey: string;

    before(async () => {
      api = await createTestApi(dialect);
      const product = await buildProduct(api);
      productId = product.id;
      productKey = product.key;
    });
    after(() => api.close());

    it('creates an item with a key, rank and version, at the bottom by default', async () => {
      const first = await buildItem(api, productId, { title: 'First' });
      const second = await buildItem(api, productId, {
        title: 'Second',
        type: 'bug',
        story: { asA: 'shopper', iWant: 'to pay', soThat: 'I get my order' },
        acceptanceCriteria: [{ text: 'card accepted' }],
        estimate: 3,
        labels: ['payments', 'payments', 'ux'],
      });
      assert.equal(first.key, `${productKey}-1`);
      assert.equal(second.key, `${productKey}-2`);
      assert.equal(first.version, 1);
      assert.ok(first.rank < second.rank);
      assert.deepEqual(second.acceptanceCriteria, [{ text: 'card accepted', done: false }]);
      assert.deepEqual(second.labels, ['payments', 'ux']);
      assert.equal(second.story.soThat, 'I get my order');
    });

    it('places a new item before or after another', async () => {
      const product = await buildProduct(api);
      const a = await buildItem(api, product.id, { title: 'A' });
      const c = await buildItem(api, product.id, { title: 'C' });
      await buildItem(api, product.id, { title: 'B', beforeId: c.id });
      await buildItem(api, product.id, { title: 'D', afterId: c.id });
      await buildItem(api, product.id, { title: 'top', beforeId: a.id });
      const list = await api.call('GET', `/products/${product.id}/items`);
      assert.deepEqual(
        list.body.items.map((i: { title: string }) => i.title),
        ['top', 'A', 'B', 'C', 'D'],
      );
    });

    it('gets an item by id or key with an ETag', async () => {
      const item = await buildItem(api, productId, { title: 'By key' });
      const byKey = await api.call('GET', `/items/${item.key}`);
      const byId = await api.call('GET', `/items/${item.id}`);
      assert.equal(byKey.status, 200);
      assert.equal(byKey.body.id, item.id);
      assert.equal(byId.headers.get('etag'), '"1"');
      assert.equal((await api.call('GET', '/items/NOPE-999')).status, 404);
      const patched = await api.call('PATCH', `/items/${item.key}`, {
        body: { status: 'ready' },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(patched.status, 200, 'every item route takes the key too');
      assert.equal((await api.call('DELETE', `/items/${item.key}`)).body.deletedAt !== null, true);
      assert.equal((await api.call('POST', `/items/${item.key}/restore`)).body.deletedAt, null);
      assert.equal((await api.call('GET', '/items/not-an-id')).status, 404);
    });

    it('patches fields, bumps the version and records the change in history', async () => {
      const item = await buildItem(api, productId, { title: 'Old title', estimate: 2 });
      const patched = await api.call('PATCH', `/items/${item.id}`, {
        body: { title: 'New title', estimate: 5, status: 'ready' },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(patched.status, 200);
      assert.equal(patched.body.version, 2);
      assert.equal(patched.headers.get('etag'), '"2"');
      const history = await api.call('GET', `/items/${item.key}/history`);
      const update = history.body.events.at(-1);
      assert.equal(update.action, 'updated');
      assert.deepEqual(update.changes.title, ['Old title', 'New title']);
      assert.deepEqual(update.changes.estimate, [2, 5]);
      assert.equal(update.actorId, api.ownerId);
      assert.equal(history.body.events[0].action, 'created');
    });

    it('refuses a stale If-Match with 412 version_conflict and changes nothing', async () => {
      const item = await buildItem(api, productId, { title: 'Contested' });
      await api.call('PATCH', `/items/${item.id}`, {
        body: { title: 'Theirs' },
        headers: { 'if-match': '"1"' },
      });
      const stale = await api.call('PATCH', `/items/${item.id}`, {
        body: { title: 'Mine' },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.error.code, 'version_conflict');
      assert.equal(stale.body.error.details.currentVersion, 2);
      assert.equal(stale.body.error.details.current.title, 'Theirs');
      assert.equal((await api.call('GET', `/items/${item.id}`)).body.title, 'Theirs');
      const badHeader = await api.call('PATCH', `/items/${item.id}`, {
        body: { title: 'x' },
        headers: { 'if-match': 'banana' },
      });
      assert.equal(badHeader.status, 400);
      assert.equal(badHeader.body.error.details.issues[0].path, 'If-Match');
    });

    it('moves an item writing only its own rank', async () => {
      const product = await buildProduct(api);
      const items = [];
      for (const title of ['one', 'two', 'three', 'four'])
        items.push(await buildItem(api, product.id, { title }));
      const [one, two, three, four] = items;
      const moved = await api.call('POST', `/items/${four.id}/move`, { body: { beforeId: two.id } });
      assert.equal(moved.status, 200);
      const after1 = await api.call('GET', `/products/${product.id}/items`);
      assert.deepEqual(
        after1.body.items.map((i: { title: string }) => i.title),
        ['one', 'four', 'two', 'three'],
      );
      for (const untouched of [one, two, three]) {
        const now = await api.call('GET', `/items/${untouched.id}`);
        assert.equal(now.body.rank, untouched.rank);
        assert.equal(now.body.version, 1);
      }
      await api.call('POST', `/items/${one.id}/move`, { body: { afterId: three.id } });
      const after2 = await api.call('GET', `/products/${product.id}/items`);
      assert.deepEqual(
        after2.body.items.map((i: { title: string }) => i.title),
        ['four', 'two', 'three', 'one'],
      );
      const both = await api.call('POST', `/items/${one.id}/move`, {
        body: { beforeId: two.id, afterId: three.id },
      });
      assert.equal(both.status, 400);
      const self = await api.call('POST', `/items/${one.id}/move`, { body: { beforeId: one.id } });
      assert.equal(self.status, 400);
      assert.equal(self.body.error.details.issues[0].path, 'beforeId');
    });

    it('keeps order through many moves into the same gap (rebalancing long ranks)', async () => {
      const product = await buildProduct(api);
      const a = await buildItem(api, product.id, { title: 'a' });
      const b = await buildItem(api, product.id, { title: 'b' });
      let upper = b;
      const expected = ['a'];
      const inserted: string[] = [];
      for (let i = 0; i < 200; i++) {
        const item = await buildItem(api, product.id, { title: `n${i}`, beforeId: upper.id });
        inserted.unshift(`n${i}`);
        upper = item;
      }
      expected.push(...inserted, 'b');
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { title: string; rank: string }[]; nextCursor: string | null } } =
          await api.call('GET', `/products/${product.id}/items?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
        all.push(...page.body.items.map((i) => i.title));
        for (const item of page.body.items)
          assert.ok(item.rank.length <= 30, `rank ${item.rank} stays short`);
        cursor = page.body.nextCursor;
      } while (cursor);
      assert.deepEqual(all, expected);
      assert.ok(a.rank);
      const events = await api.call('GET', `/products/${product.id}/events?limit=1000`);
      const rebalanced = events.body.events.filter((e: { action: string }) => e.action === 'rebalanced');
      assert.ok(rebalanced.length > 0, 'long ranks were respaced');
    });

    it('lists with filters, text search and cursor pages', async () => {
      const product = await buildProduct(api);
      const initiative = await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title: 'Faster checkout' },
      });
      await buildItem(api, product.id, {
        title: 'Apple Pay button',
        labels: ['payments'],
        initiativeId: initiative.body.id,
      });
      await buildItem(api, product.id, { title: 'Refund emails', type: 'task', status: 'ready' });
      await buildItem(api, product.id, {
        title: 'Crash on empty cart',
        type: 'bug',
        description: 'The payment page crashes',
      });
      const get = (query: string) => api.call('GET', `/products/${product.id}/items?${query}`);
      assert.deepEqual(
        (await get('type=bug')).body.items.map((i: { title: string }) => i.title),
        ['Crash on empty cart'],
      );
      assert.deepEqual(
        (await get('status=ready')).body.items.map((i: { title: string }) => i.title),
        ['Refund emails'],
      );
      assert.deepEqual(
        (await get('label=payments')).body.items.map((i: { title: string }) => i.title),
        ['Apple Pay button'],
      );
      assert.deepEqual((await get(`initiativeId=${initiative.body.id}`)).body.items.length, 1);
      assert.deepEqual((await get('initiativeId=none')).body.items.length, 2);
      assert.deepEqual(
        (await get('q=pay')).body.items.map((i: { title: string }) => i.title),
        ['Apple Pay button', 'Crash on empty cart'],
      );
      assert.deepEqual(
        (await get('q=refund%20email')).body.items.map((i: { title: string }) => i.title),
        ['Refund emails'],
      );
      assert.deepEqual(
        (await get(`q=${product.key}-2`)).body.items.map((i: { title: string }) => i.title),
        ['Refund emails'],
      );
      assert.equal((await get('q=%22%27*%20OR%20(')).status, 200);
      const page1 = await get('limit=2');
      assert.equal(page1.body.items.length, 2);
      const page2 = await get(`limit=2&cursor=${page1.body.nextCursor}`);
      assert.equal(page2.body.items.length, 1);
      assert.equal(page2.body.nextCursor, null);
    });

    it('refuses unknown filters, bad limits and forged cursors, naming the field', async () => {
      const sort = await api.call('GET', `/products/${productId}/items?sort=password_hash`);
      assert.equal(sort.status, 400);
      const limit = await api.call('GET', `/products/${productId}/items?limit=501`);
      assert.equal(limit.status, 400);
      assert.equal(limit.body.error.details.issues[0].path, 'limit');
      const status = await api.call('GET', `/products/${productId}/items?status=bogus`);
      assert.equal(status.body.error.details.issues[0].path, 'status');
      const cursor = await api.call(
        'GET',
        `/products/${productId}/items?cursor=${Buffer.from("' or 1=1").toString('base64url')}`,
      );
      assert.equal(cursor.status, 400);
      assert.equal(cursor.body.error.details.issues[0].path, 'cursor');
    });

    it('validates bodies, naming every bad field by its path', async () => {
      const response = await api.call('POST', `/products/${productId}/items`, {
        body: {
          title: '',
          estimate: -1,
          acceptanceCriteria: [{ text: 'ok' }, { text: 5 }],
          status: 'nope',
          extra: 1,
        },
      });
      assert.equal(response.status, 400);
      assert.equal(response.body.error.code, 'validation_failed');
      const paths = response.body.error.details.issues.map((i: { path: string }) => i.path).sort();
      for (const path of ['title', 'estimate', 'acceptanceCriteria.1.text', 'status'])
        assert.ok(paths.includes(path), `${path} in ${paths}`);
      const foreign = await buildProduct(api);
      const otherInitiative = await api.call('POST', `/products/${foreign.id}/initiatives`, {
        body: { title: 'Elsewhere' },
      });
      const cross = await api.call('POST', `/products/${productId}/items`, {
        body: { title: 'x', initiativeId: otherInitiative.body.id },
      });
      assert.equal(cross.status, 400);
      assert.equal(cross.body.error.details.issues[0].path, 'initiativeId');
    });

    it('trashes and restores an item to its old place', async () => {
      const product = await buildProduct(api);
      const a = await buildItem(api, product.id, { title: 'a' });
      const b = await buildItem(api, product.id, { title: 'b' });
      await buildItem(api, product.id, { title: 'c' });
      const trashed = await api.call('DELETE', `/items/${b.id}`);
      assert.equal(trashed.status, 200);
      assert.ok(trashed.body.deletedAt);
      await buildItem(api, product.id, { title: 'a2', afterId: a.id });
      const titles = async () =>
        (await api.call('GET', `/products/${product.id}/items`)).body.items.map(
          (i: { title: string }) => i.title,
        );
      assert.deepEqual(await titles(), ['a', 'a2', 'c']);
      const edit = await api.call('PATCH', `/items/${b.id}`, { body: { title: 'edited in trash' } });
      assert.equal(edit.status, 409);
      assert.equal(edit.body.error.code, 'in_trash');
      assert.equal((await api.call('POST', `/items/${b.id}/restore`)).status, 200);
      const order = await titles();
      assert.equal(order.length, 4);
      assert.ok(order.indexOf('b') > order.indexOf('a') && order.indexOf('b') < order.indexOf('c'));
      const actions = (await api.call('GET', `/items/${b.id}/history`)).body.events.map(
        (e: { action: string }) => e.action,
      );
      assert.deepEqual(actions, ['created', 'deleted', 'restored']);
    });

    it('serves the product event log with a cursor', async () => {
      const product = await buildProduct(api);
      const item = await buildItem(api, product.id, { title: 'evented' });
      const first = await api.call('GET', `/products/${product.id}/events`);
      assert.deepEqual(
        first.body.events.map((e: { action: string }) => e.action),
        ['created', 'created'],
      );
      await api.call('PATCH', `/items/${item.id}`, { body: { status: 'done' } });
      const next = await api.call('GET', `/products/${product.id}/events?after=${first.body.nextCursor}`);
      assert.equal(next.body.events.length, 1);
      assert.deepEqual(next.body.events[0].changes.status, ['backlog', 'done']);
      const bad = await api.call('GET', `/products/${product.id}/events?after=abc`);
      assert.equal(bad.status, 400);
    });
  });
}
