import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type Body,
  buildItem,
  buildProduct,
  buildUser,
  createTestApi,
  type TestApi,
} from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`API token scopes and product lists (${dialect})`, () => {
    let api: TestApi;
    let listed: Body;
    let unlisted: Body;
    let listedItem: Body;
    let unlistedItem: Body;

    before(async () => {
      api = await createTestApi(dialect);
      listed = await buildProduct(api);
      unlisted = await buildProduct(api);
      listedItem = await buildItem(api, listed.id, { title: 'Findable needle' });
      unlistedItem = await buildItem(api, unlisted.id, { title: 'Findable needle' });
    });
    after(() => api.close());

    const createToken = async (body: Record<string, unknown>, token?: string) => {
      const created = await api.call('POST', '/tokens', { body: { name: 'script', ...body }, token });
      return created;
    };

    it('lets a read-scope token read and refuses its writes with 403 insufficient_scope', async () => {
      const created = await createToken({ scope: 'read' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.scope, 'read');
      assert.equal(created.body.productIds, null);
      const token = created.body.token;
      assert.equal((await api.call('GET', `/products/${listed.id}/items`, { token })).status, 200);
      assert.equal((await api.call('GET', `/items/${listedItem.key}`, { token })).status, 200);
      for (const [method, path, body] of [
        ['POST', `/products/${listed.id}/items`, { title: 'No' }],
        ['PATCH', `/items/${listedItem.key}`, { title: 'No' }],
        ['DELETE', `/items/${listedItem.key}`, undefined],
        ['POST', '/tokens', { name: 'escalate' }],
      ] as const) {
        const refused = await api.call(method, path, { token, body });
        assert.equal(refused.status, 403, `${method} ${path}`);
        assert.equal(refused.body.error.code, 'insufficient_scope');
      }
      const item = await api.call('GET', `/items/${listedItem.key}`);
      assert.equal(item.body.title, 'Findable needle', 'nothing changed');
    });

    it('defaults to write scope, and tokens made before scopes keep writing', async () => {
      const created = await createToken({});
      assert.equal(created.body.scope, 'write');
      const write = await api.call('POST', `/products/${listed.id}/items`, {
        token: created.body.token,
        body: { title: 'Written' },
      });
      assert.equal(write.status, 201);
      // The owner's setup token predates nothing here, but is stored with the column's default.
      const tokens = await api.call('GET', '/tokens');
      assert.ok(tokens.body.tokens.every((t: Body) => t.scope === 'read' || t.scope === 'write'));
    });

    it('restricts a token to its products on every route family', async () => {
      const created = await createToken({ productIds: [listed.id] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(created.body.productIds, [listed.id]);
      const token = created.body.token;

      const products = await api.call('GET', '/products', { token });
      assert.deepEqual(
        products.body.products.map((p: Body) => p.id),
        [listed.id],
      );
      const ok = [
        `/products/${listed.id}`,
        `/products/${listed.id}/items?q=needle`,
        `/products/${listed.id}/backlog`,
        `/products/${listed.id}/events`,
        `/products/${listed.id}/releases`,
        `/products/${listed.id}/sprints`,
        `/products/${listed.id}/initiatives`,
        `/items/${listedItem.key}`,
      ];
      for (const path of ok) {
        assert.equal((await api.call('GET', path, { token })).status, 200, path);
      }
      const hidden = [
        `/products/${unlisted.id}`,
        `/products/${unlisted.id}/items?q=needle`,
        `/products/${unlisted.id}/backlog`,
        `/products/${unlisted.id}/events`,
        `/products/${unlisted.id}/releases`,
        `/products/${unlisted.id}/sprints`,
        `/products/${unlisted.id}/initiatives`,
        `/products/${unlisted.id}/export.json`,
        `/items/${unlistedItem.key}`,
        `/items/${unlistedItem.id}/history`,
      ];
      for (const path of hidden) {
        assert.equal((await api.call('GET', path, { token })).status, 404, path);
      }
      const write = await api.call('PATCH', `/items/${unlistedItem.key}`, { token, body: { title: 'x' } });
      assert.equal(write.status, 404);

      const stream = await api.app.request(`http://cairn.test/api/v1/products/${unlisted.id}/stream`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(stream.status, 404, 'the live stream of an unlisted product');
      await stream.body?.cancel();
      const open = await api.app.request(`http://cairn.test/api/v1/products/${listed.id}/stream`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(open.status, 200, 'the live stream of a listed product');
      await open.body?.cancel();
    });

    it('refuses listing a product the user cannot see, naming the field', async () => {
      const editor = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${listed.id}/members/${editor.user.id}`);
      const refused = await createToken({ productIds: [listed.id, unlisted.id] }, editor.token);
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.details.issues[0].path, 'productIds.1');
      const unknown = await createToken({ productIds: ['00000000-0000-4000-8000-000000000000'] });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.details.issues[0].path, 'productIds.0');
      const tooMany = await createToken({
        productIds: Array.from({ length: 101 }, () => listed.id),
      });
      assert.equal(tooMany.status, 400);
    });

    it('keeps a token made with a restricted token within its products', async () => {
      const restricted = await createToken({ productIds: [listed.id] });
      const child = await createToken({}, restricted.body.token);
      assert.equal(child.status, 201);
      assert.deepEqual(child.body.productIds, [listed.id]);
      const widen = await createToken({ productIds: [unlisted.id] }, restricted.body.token);
      assert.equal(widen.status, 400);
    });
  });
}
