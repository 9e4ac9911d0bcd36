import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildItem, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`object lookups are scoped to what the caller may see (${dialect})`, () => {
    let api: TestApi;
    let editor: { user: { id: string }; token: string };
    let mine: { id: string };
    let secret: { id: string; key: string };
    let secretItem: { id: string; key: string };

    before(async () => {
      api = await createTestApi(dialect);
      editor = await buildUser(api, 'editor');
      mine = await buildProduct(api);
      await api.call('PUT', `/products/${mine.id}/members/${editor.user.id}`);
      secret = await buildProduct(api);
      secretItem = await buildItem(api, secret.id, { title: 'Acquisition plan' });
    });
    after(() => api.close());

    it('hides products the caller is not a member of', async () => {
      const list = await api.call('GET', '/products', { token: editor.token });
      assert.deepEqual(
        list.body.products.map((p: { id: string }) => p.id),
        [mine.id],
      );
      const direct = await api.call('GET', `/products/${secret.id}`, { token: editor.token });
      assert.equal(direct.status, 404);
      assert.equal(direct.body.error.code, 'not_found');
    });

    it('answers 404 for another product’s item by id, by key, and for its history, dependencies and events', async () => {
      for (const path of [
        `/items/${secretItem.id}`,
        `/items/${secretItem.key}`,
        `/items/${secretItem.id}/history`,
        `/items/${secretItem.id}/dependencies`,
        `/products/${secret.id}/items`,
        `/products/${secret.id}/events`,
        `/products/${secret.id}/initiatives`,
        `/products/${secret.id}/trash`,
      ]) {
        assert.equal((await api.call('GET', path, { token: editor.token })).status, 404, path);
      }
      const patch = await api.call('PATCH', `/items/${secretItem.id}`, {
        token: editor.token,
        body: { title: 'pwned' },
      });
      assert.equal(patch.status, 404);
      assert.equal((await api.call('GET', `/items/${secretItem.id}`)).body.title, 'Acquisition plan');
    });

    it('refuses to link an item to something the caller cannot see', async () => {
      const own = await buildItem(api, mine.id, { title: 'Mine' }, editor.token);
      const dep = await api.call('POST', `/items/${own.id}/dependencies`, {
        token: editor.token,
        body: { blockedBy: secretItem.key },
      });
      assert.equal(dep.status, 400);
      assert.equal(dep.body.error.details.issues[0].path, 'blockedBy');
      const move = await api.call('POST', `/items/${own.id}/move`, {
        token: editor.token,
        body: { beforeId: secretItem.id },
      });
      assert.equal(move.status, 400);
    });

    it('lets the member write in their product, and stops when membership ends', async () => {
      const item = await buildItem(api, mine.id, { title: 'Team work' }, editor.token);
      assert.equal(item.key.split('-')[0], (await api.call('GET', `/products/${mine.id}`)).body.key);
      await api.call('DELETE', `/products/${mine.id}/members/${editor.user.id}`);
      assert.equal((await api.call('GET', `/items/${item.id}`, { token: editor.token })).status, 404);
    });
  });
}
