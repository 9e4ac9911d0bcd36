import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/server.ts';

const LIMIT = 4096;

/** Request bodies through the Node server, which reads them straight from the socket. */
describe('request bodies over HTTP', () => {
  let dir: string;
  let server: RunningServer;
  let token: string;

  /** A POST whose body is sent with Content-Length, or in chunks (Transfer-Encoding: chunked). */
  const post = (
    path: string,
    body: string,
    options: { chunked?: boolean; type?: string } = {},
  ): Promise<{ status: number; body: { error?: { code: string } } & Record<string, unknown> }> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { 'content-type': options.type ?? 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (!options.chunked) headers['content-length'] = String(Buffer.byteLength(body));
      const req = http.request(`${server.url}/api/v1${path}`, { method: 'POST', headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      });
      req.on('error', reject);
      if (options.chunked) {
        // Several writes: the body arrives in pieces, with no length announced.
        for (let i = 0; i < body.length; i += 1000) req.write(body.slice(i, i + 1000));
        req.end();
      } else {
        req.end(body);
      }
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-body-'));
    server = await startServer(
      loadConfig({ host: '127.0.0.1', port: 0, data: dir }, { CAIRN_BODY_LIMIT_BYTES: String(LIMIT) }),
      () => {},
    );
    const setup = await post(
      '/setup',
      JSON.stringify({ email: 'owner@example.com', name: 'Olive Owner', password: 'a long enough password' }),
    );
    token = String(setup.body.token);
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a JSON body sent with its length or in chunks', async () => {
    const sized = await post('/products', JSON.stringify({ key: 'SZ', name: 'Sized' }));
    assert.equal(sized.status, 201);
    assert.equal(sized.body.name, 'Sized');
    const chunked = await post(
      '/products',
      JSON.stringify({ key: 'CH', name: `Chunked ${'é'.repeat(900)}`.slice(0, 200) }),
      {
        chunked: true,
      },
    );
    assert.equal(chunked.status, 201);
    assert.match(String(chunked.body.name), /^Chunked éé/);
  });

  it('refuses a body over the limit with 413, whether its length is announced or not', async () => {
    const big = JSON.stringify({ key: 'BG', name: 'x'.repeat(LIMIT) });
    for (const chunked of [false, true]) {
      const response = await post('/products', big, { chunked });
      assert.equal(response.status, 413, `chunked: ${chunked}`);
      assert.equal(response.body.error?.code, 'payload_too_large');
    }
  });

  it('refuses malformed JSON with 400 and a body that is not JSON with 415', async () => {
    const broken = await post('/products', '{"key": "AB",');
    assert.equal(broken.status, 400);
    assert.equal(broken.body.error?.code, 'validation_failed');
    const form = await post('/products', 'key=AB', { type: 'application/x-www-form-urlencoded' });
    assert.equal(form.status, 415);
  });
});
