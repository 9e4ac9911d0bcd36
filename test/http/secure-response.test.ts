/**
 * The security headers, as a browser gets them from a running server: they are added where responses are
 * written (src/http/secure-response.ts), so only a real server shows them.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { SECURITY_HEADERS } from '../../src/http/secure-response.ts';
import { type RunningServer, startServer } from '../../src/server.ts';

const BOOT = 'window.__cairnBoot={};';
const PAGE = `<!doctype html><head><script>${BOOT}</script></head><body><div id="root"></div></body>`;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Header names as sent, with repeats. */
  rawNames: string[];
  text: string;
}

describe('security headers on every response of a running server', () => {
  let dir: string;
  let server: RunningServer;
  let token: string;

  const request = (
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = http.request(`${server.url}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            rawNames: res.rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase()),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-headers-'));
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), PAGE);
    writeFileSync(join(web, 'assets', 'app-1234.js'), 'console.log(1);');
    server = await startServer(
      loadConfig({ host: '127.0.0.1', port: 0, data: dir }, { CAIRN_WEB_ROOT: web }),
      () => {},
    );
    const setup = await request(
      'POST',
      '/api/v1/setup',
      { 'content-type': 'application/json' },
      JSON.stringify({ email: 'owner@example.com', name: 'Olive Owner', password: 'a long enough password' }),
    );
    token = JSON.parse(setup.text).token;
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const assertSecured = (answer: Answer, what: string) => {
    for (const [name, value] of SECURITY_HEADERS) {
      if (name === 'content-security-policy') continue;
      assert.equal(answer.headers[name], value, `${what}: ${name}`);
    }
    assert.match(String(answer.headers['content-security-policy']), /frame-ancestors 'none'/, what);
    const names = answer.rawNames;
    assert.equal(new Set(names).size, names.length, `${what}: no header sent twice (${names.join(', ')})`);
  };

  it('on API answers: JSON, 401, 404, 413 and 415, with the plain policy (no script allowed)', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const answers: [string, Answer, number][] = [
      ['health', await request('GET', '/api/v1/health'), 200],
      ['products', await request('GET', '/api/v1/products', auth), 200],
      ['no token', await request('GET', '/api/v1/products'), 401],
      ['no route', await request('GET', '/api/v1/no-such-route', auth), 404],
      [
        'too large',
        await request(
          'POST',
          '/api/v1/products',
          { ...auth, 'content-type': 'application/json' },
          'x'.repeat(2 * 1024 * 1024),
        ),
        413,
      ],
      [
        'not JSON',
        await request('POST', '/api/v1/products', { ...auth, 'content-type': 'text/plain' }, 'x'),
        415,
      ],
    ];
    for (const [what, answer, status] of answers) {
      assert.equal(answer.status, status, what);
      assertSecured(answer, what);
      assert.equal(answer.headers['cache-control'], 'no-store', what);
      assert.match(String(answer.headers['content-security-policy']), /^default-src 'self'/, what);
      assert.doesNotMatch(String(answer.headers['content-security-policy']), /script-src/, what);
    }
  });

  it("on the web app's page, whose own policy (its boot script's hash) is the one sent", async () => {
    const page = await request('GET', '/p/CHK/backlog', { accept: 'text/html' });
    assert.equal(page.status, 200);
    assertSecured(page, 'page');
    const hash = createHash('sha256').update(BOOT).digest('base64');
    assert.ok(String(page.headers['content-security-policy']).includes(`'sha256-${hash}'`));
  });

  it('on static files, feeds, a HEAD and a missing file', async () => {
    const answers: [string, Answer, number][] = [
      ['asset', await request('GET', '/assets/app-1234.js'), 200],
      ['missing asset', await request('GET', '/assets/none-1234.js'), 404],
      ['stylesheet', await request('GET', '/feeds/CHK/release-notes.css'), 200],
      ['unknown feed', await request('GET', '/feeds/NOPE/releases.atom'), 404],
      ['head', await request('HEAD', '/api/v1/health'), 200],
    ];
    for (const [what, answer, status] of answers) {
      assert.equal(answer.status, status, what);
      assertSecured(answer, what);
    }
  });
});
