import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadConfig } from '../../src/config.ts';
import { chooseEncoding } from '../../src/http/middleware/compress.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { buildItem, buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const DESCRIPTION = 'A shopper who returns to the checkout finds the basket as they left it. '.repeat(3);

for (const dialect of DIALECTS) {
  describe(`response compression (${dialect})`, () => {
    let api: TestApi;
    let productId: string;
    let smallItemId: string;

    before(async () => {
      api = await createTestApi(dialect);
      productId = (await buildProduct(api)).id;
      for (let i = 0; i < 12; i++)
        await buildItem(api, productId, { title: `Item ${i}`, description: DESCRIPTION });
      smallItemId = (await buildItem(api, (await buildProduct(api)).id, { title: 'Small' })).id;
    });
    after(() => api.close());

    const raw = (path: string, acceptEncoding?: string) =>
      api.app.request(`http://cairn.test/api/v1${path}`, {
        headers: {
          authorization: `Bearer ${api.ownerToken}`,
          ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
        },
      });

    it('sends a backlog over 1 kB brotli-compressed to a client that accepts br, and it decodes to the same JSON', async () => {
      const plain = await raw(`/products/${productId}/backlog`);
      const plainText = await plain.text();
      assert.ok(Buffer.byteLength(plainText) > 1024);
      assert.equal(plain.headers.get('content-encoding'), null);
      assert.match(plain.headers.get('vary') ?? '', /accept-encoding/i);

      const br = await raw(`/products/${productId}/backlog`, 'gzip, deflate, br');
      assert.equal(br.status, 200);
      assert.equal(br.headers.get('content-encoding'), 'br');
      assert.match(br.headers.get('vary') ?? '', /accept-encoding/i);
      assert.equal(br.headers.get('content-type'), plain.headers.get('content-type'));
      assert.equal(br.headers.get('cache-control'), 'no-store');
      const bytes = Buffer.from(await br.arrayBuffer());
      assert.ok(bytes.length < Buffer.byteLength(plainText) / 3, `${bytes.length} bytes compressed`);
      assert.deepEqual(JSON.parse(brotliDecompressSync(bytes).toString('utf8')), JSON.parse(plainText));
    });

    it('falls back to gzip when brotli is refused or not offered', async () => {
      for (const header of ['gzip', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5']) {
        const res = await raw(`/products/${productId}/items?limit=100`, header);
        assert.equal(res.headers.get('content-encoding'), 'gzip', header);
        const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
        assert.equal(body.items.length, 12);
      }
      const identity = await raw(`/products/${productId}/items?limit=100`, 'identity');
      assert.equal(identity.headers.get('content-encoding'), null);
      assert.equal(((await identity.json()) as { items: unknown[] }).items.length, 12);
    });

    it('leaves a response under 1 kB as it is, ETag included', async () => {
      const res = await raw(`/items/${smallItemId}`, 'br, gzip');
      assert.equal(res.headers.get('content-encoding'), null);
      assert.equal(res.headers.get('etag'), '"1"');
      assert.equal(((await res.json()) as { title: string }).title, 'Small');
    });

    it('never compresses the live stream', async () => {
      const controller = new AbortController();
      const res = await api.app.request(`http://cairn.test/api/v1/products/${productId}/stream`, {
        headers: { authorization: `Bearer ${api.ownerToken}`, 'accept-encoding': 'br, gzip' },
        signal: controller.signal,
      });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
      assert.equal(res.headers.get('content-encoding'), null);
      await res.body?.cancel();
      controller.abort();
    });
  });
}

describe('response compression through the Node server', () => {
  let dir: string;
  let server: RunningServer;
  let token: string;
  let productId: string;

  const request = (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> =>
    new Promise((resolve, reject) => {
      const req = http.request(`${server.url}/api/v1${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-compress-'));
    server = await startServer(loadConfig({ host: '127.0.0.1', port: 0, data: dir }, {}), () => {});
    const json = { 'content-type': 'application/json' };
    const setup = await request('POST', '/setup', json, {
      email: 'owner@example.com',
      name: 'Olive Owner',
      password: 'a long enough password',
    });
    token = JSON.parse(setup.bytes.toString()).token;
    const auth = { ...json, authorization: `Bearer ${token}` };
    const product = await request('POST', '/products', auth, { key: 'CMP', name: 'Compressed' });
    productId = JSON.parse(product.bytes.toString()).id;
    for (let i = 0; i < 12; i++) {
      await request('POST', `/products/${productId}/items`, auth, {
        title: `Item ${i}`,
        description: DESCRIPTION,
      });
    }
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends gzip with its length over HTTP and plain JSON to a client that asks for none', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const plain = await request('GET', `/products/${productId}/backlog`, auth);
    const gzip = await request('GET', `/products/${productId}/backlog`, {
      ...auth,
      'accept-encoding': 'gzip',
    });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(Number(gzip.headers['content-length']), gzip.bytes.length);
    assert.match(String(gzip.headers.vary), /accept-encoding/i);
    assert.equal(gzip.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(JSON.parse(gunzipSync(gzip.bytes).toString()), JSON.parse(plain.bytes.toString()));
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, honours q=0 and the wildcard, and refuses when nothing fits', () => {
    assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('*;q=0'), null);
    assert.equal(chooseEncoding('identity'), null);
    assert.equal(chooseEncoding(undefined), null);
    assert.equal(chooseEncoding('GZIP;Q=0.8, br;q=0.2'), 'gzip');
  });
});
