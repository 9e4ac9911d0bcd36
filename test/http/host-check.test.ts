import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isLoopbackHostname } from '../../src/http/host-names.ts';
import { buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

describe('loopback host names', () => {
  it('are localhost, 127.0.0.0/8 and ::1, and nothing a DNS server could answer for', () => {
    for (const name of ['localhost', 'LOCALHOST', 'localhost.', '127.0.0.1', '127.255.0.9', '::1', '[::1]']) {
      assert.equal(isLoopbackHostname(name), true, name);
    }
    for (const name of [
      'app.localhost',
      '127.0.0.1.evil.example',
      '128.0.0.1',
      '127.0.0.256',
      '0.0.0.0',
      '',
    ]) {
      assert.equal(isLoopbackHostname(name), false, name);
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`Host header check against DNS rebinding (${dialect})`, () => {
    let api: TestApi;

    before(async () => {
      // The harness's public URL is http://cairn.test.
      api = await createTestApi(dialect);
    });
    after(() => api.close());

    const request = (host: string, path = '/api/v1/health') =>
      api.app.request(`http://cairn.test${path}`, { headers: { host } });

    it('refuses other host names with 421, before setup or any route', async () => {
      for (const host of [
        'evil.example',
        'evil.example:4100',
        'cairn.test.evil.example',
        'app.localhost:4100',
      ]) {
        const response = await request(host);
        assert.equal(response.status, 421, host);
        const body = (await response.json()) as { error: { code: string } };
        assert.equal(body.error.code, 'misdirected_request');
      }
      const setup = await api.app.request('http://cairn.test/api/v1/setup', {
        method: 'POST',
        headers: { host: 'evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'x@example.com', name: 'X', password: 'correct horse battery staple' }),
      });
      assert.equal(setup.status, 421);
    });

    it('answers loopback names with or without a port, and the public URL’s host', async () => {
      const hosts = ['localhost', 'localhost:4100', '127.0.0.1:4100', '127.0.0.2', '[::1]:4100', '[::1]'];
      for (const host of [...hosts, 'cairn.test', 'CAIRN.test:443']) {
        assert.equal((await request(host)).status, 200, host);
      }
    });

    it('builds feed links from the public URL, never from the Host header', async () => {
      const product = await buildProduct(api);
      await api.call('PATCH', `/products/${product.id}`, { body: { releaseNotesPublic: true } });
      const release = (await api.call('POST', `/products/${product.id}/releases`, { body: { name: '1.0' } }))
        .body;
      await api.call('POST', `/releases/${release.id}/notes/generate`);
      assert.equal((await api.call('POST', `/releases/${release.id}/notes/publish`)).status, 200);
      const response = await request('localhost:9999', `/feeds/${product.key}/releases.atom`);
      assert.equal(response.status, 200);
      const xml = await response.text();
      assert.ok(xml.includes(`http://cairn.test/feeds/${product.key}/releases/${release.id}.html`), xml);
      assert.doesNotMatch(xml, /localhost:9999/);
    });
  });
}
