import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`first-run setup status (${dialect})`, () => {
    let api: TestApi;

    before(async () => {
      api = await createTestApi(dialect, { setup: false });
    });
    after(() => api.close());

    it('says setup is required until the first user exists, without authentication', async () => {
      const before = await api.call('GET', '/setup', { token: null });
      assert.equal(before.status, 200);
      assert.deepEqual(before.body, { required: true });
      assert.equal(before.headers.get('cache-control'), 'no-store');
      const setup = await api.call('POST', '/setup', {
        token: null,
        body: { email: 'owner@example.com', name: 'Olive Owner', password: 'a long enough password' },
      });
      assert.equal(setup.status, 201);
      assert.deepEqual((await api.call('GET', '/setup', { token: null })).body, { required: false });
    });

    it('is documented', async () => {
      const doc = (await api.call('GET', '/openapi.json', { token: null })).body;
      assert.ok(doc.paths['/setup'].get.responses['200']);
      assert.deepEqual(doc.paths['/setup'].get.security, [], 'public: declared with no security requirement');
    });
  });
}
