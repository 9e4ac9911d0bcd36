/**
 * The first paint the server writes into the page of a screen's address: the screen's content for a
 * signed-in reader who may see it (escaped, Markdown through the sanitising renderer, bounded), and the
 * plain page for anyone else, never kept by a shared cache.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { buildItem, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const PAGE =
  '<!doctype html><html><head><title>Cairn</title></head><body><div id="root"></div>' +
  '<script type="module" src="/assets/index.js"></script></body></html>';
const PASSWORD = 'a long enough password';

for (const dialect of DIALECTS) {
  describe(`the first paint of a page (${dialect})`, () => {
    let api: TestApi;
    let webRoot: string;
    let product: { id: string; key: string };
    let hostile: { id: string; key: string };
    let described: { id: string; key: string };
    let owner: string;
    let outsider: string;

    const login = async (email: string) => {
      const response = await api.app.request('http://cairn.test/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://cairn.test' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      assert.equal(response.status, 200, await response.clone().text());
      const cookie = /cairn_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
      assert.ok(cookie, 'a session cookie');
      return cookie;
    };
    const page = (path: string, cookie: string | null, headers: Record<string, string> = {}) =>
      api.app.request(`http://cairn.test${path}`, {
        headers: { accept: 'text/html', ...(cookie ? { cookie } : {}), ...headers },
      });
    const pageText = async (path: string, cookie: string | null) => {
      const response = await page(path, cookie);
      assert.equal(response.status, 200);
      return response.text();
    };

    before(async () => {
      webRoot = mkdtempSync(join(tmpdir(), 'cairn-web-'));
      writeFileSync(join(webRoot, 'index.html'), PAGE);
      writeFileSync(
        join(webRoot, 'screen-files.json'),
        JSON.stringify({
          roadmap: ['/assets/board.js', '/assets/board.css'],
          item: ['/assets/panel.js'],
          'story-map': ['/assets/story-map.js', '/assets/story-maps.css'],
        }),
      );
      api = await createTestApi(dialect, { webRoot });
      product = await buildProduct(api, { key: 'FPA', name: 'First <paint>' });
      const initiative = await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title: 'Faster checkout', horizon: 'next', confidence: 'committed' },
      });
      await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title: 'Shipped long ago', status: 'done' },
      });
      hostile = await buildItem(api, product.id, {
        title: '<img src=x onerror=alert(1)>',
        labels: ['payments'],
        initiativeId: initiative.body.id,
      });
      described = await buildItem(api, product.id, {
        title: 'Refund flow',
        description: '**Bold** claim <script>alert(1)</script> [link](javascript:alert(1))',
        acceptanceCriteria: [{ text: 'Refunds reach the card', done: false }],
      });
      for (let i = 0; i < 45; i++) await buildItem(api, product.id, { title: `Filler ${i}` });
      owner = await login('owner@example.com');
      const editor = await buildUser(api, 'editor');
      outsider = await login(editor.user.email);
    });
    after(async () => {
      await api.close();
      rmSync(webRoot, { recursive: true, force: true });
    });

    it('draws the backlog’s first rows, escaped, for a member, and no more than 40 of them', async () => {
      const html = await pageText('/p/FPA/backlog', owner);
      assert.match(
        html,
        /<div id="root"><\/div><div id="first-paint" class="first-paint" inert aria-hidden="true"/,
      );
      assert.match(html, new RegExp(`data-item-key="${hostile.key}"`));
      assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
      assert.doesNotMatch(html, /<img src=x/);
      assert.match(html, /First &lt;paint&gt; \(FPA\)/);
      assert.match(html, /<td class="cell-initiative">Faster checkout<\/td>/);
      assert.match(html, /<span class="label-chip">payments<\/span>/);
      assert.equal(html.match(/data-item-key=/g)?.length, 40);
      // The app's own script is still there, after the first paint.
      assert.ok(html.indexOf('first-paint') < html.indexOf('/assets/index.js'));
    });

    it('draws an item’s panel with its Markdown sanitised', async () => {
      const html = await pageText(`/${described.key}`, owner);
      assert.match(html, /<h2 class="item-key">FPA-2<\/h2>/);
      assert.match(html, /<strong>Bold<\/strong> claim &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.doesNotMatch(html, /<script>alert|href="javascript/);
      assert.match(html, /Refunds reach the card/);
      assert.match(html, /data-replaced-by="\.item-panel \.item-detail"/);
    });

    it('draws the roadmap board with the board’s stylesheet, without what the board hides', async () => {
      const html = await pageText('/p/FPA/roadmap', owner);
      assert.match(html, /<link rel="stylesheet" crossorigin href="\/assets\/board.css"><\/head>/);
      assert.match(html, /<span class="card-title">Faster checkout<\/span>/);
      assert.doesNotMatch(html, /Shipped long ago/);
    });

    it('draws a screenful of a large roadmap, not all of it', async () => {
      const large = await buildProduct(api, { key: 'FPB' });
      for (let i = 0; i < 70; i++) {
        await api.call('POST', `/products/${large.id}/initiatives`, { body: { title: `Bet ${i}` } });
      }
      const html = await pageText('/p/FPB/roadmap', owner);
      assert.equal(html.match(/data-initiative-id=/g)?.length, 60);
    });

    it('gives anyone who may not see the product the plain page', async () => {
      for (const path of ['/p/FPA/backlog', `/${hostile.key}`, '/p/FPA/roadmap']) {
        assert.equal(await pageText(path, outsider), PAGE, `${path} as a non-member`);
        assert.equal(await pageText(path, null), PAGE, `${path} signed out`);
        assert.equal(await pageText(path, 'cairn_session=not-a-session'), PAGE, `${path} with a bad cookie`);
      }
      assert.equal(await pageText('/FPA-999', owner), PAGE, 'an unknown item');
      assert.equal(await pageText('/p/NOPE/backlog', owner), PAGE, 'an unknown product');
    });

    it('leaves a filtered screen and other screens to the app', async () => {
      assert.equal(await pageText('/p/FPA/backlog?q=refund', owner), PAGE);
      assert.equal(await pageText('/p/FPA/sprints', owner), PAGE);
    });

    it('draws a story map’s backbone, slice lines and first cards, escaped, with the map’s stylesheet', async () => {
      const map = await api.call('POST', `/products/${product.id}/story-maps`, {
        body: { name: 'Journey <b>' },
      });
      assert.equal(map.status, 201);
      const operate = async (body: Record<string, unknown>) => {
        const response = await api.call('POST', `/story-maps/${map.body.id}/operations`, { body });
        assert.equal(response.status, 200, JSON.stringify(response.body));
        return response.body;
      };
      const release = await api.call('POST', `/products/${product.id}/releases`, { body: { name: 'MVP' } });
      let body = await operate({ op: 'addActivity', title: 'Find <products>' });
      const activityId = body.activities[0].id;
      for (let i = 1; i <= 20; i++) body = await operate({ op: 'addStep', activityId, title: `Step ${i}` });
      body = await operate({ op: 'addSlice', name: 'Walking "skeleton"', releaseId: release.body.id });
      const [first, second] = body.steps;
      await operate({ op: 'placeStory', itemId: hostile.id, stepId: first.id, sliceId: body.slices[0].id });
      await operate({ op: 'placeStory', itemId: described.id, stepId: second.id });
      const last = await buildItem(api, product.id, { title: 'Beyond the screen' });
      await operate({ op: 'placeStory', itemId: last.id, stepId: body.steps[19].id });

      const path = `/p/FPA/story-maps/${map.body.id}`;
      const html = await pageText(path, owner);
      assert.match(html, /<link rel="stylesheet" crossorigin href="\/assets\/story-maps.css"><\/head>/);
      assert.match(html, /<h1>Journey &lt;b&gt;<\/h1>/);
      assert.match(html, />Find &lt;products&gt;</);
      assert.match(html, />Step 12</);
      assert.match(html, />Walking &quot;skeleton&quot;</);
      assert.match(html, /<span class="sm-line-target">Release MVP<\/span>/);
      assert.match(html, /<span class="sm-title">Unplanned<\/span>/);
      assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
      assert.doesNotMatch(html, /<img src=x|<b>|style=/);
      assert.match(html, new RegExp(`data-item="${hostile.id}"`));
      assert.match(html, /<span class="sm-card-title">Refund flow<\/span>/);
      // The first 12 columns only: the app draws the rest as the board scrolls (the gaps list them all).
      const board = html.slice(html.indexOf('class="sm-board"'), html.indexOf('class="sm-gaps"'));
      assert.match(board, />Step 12</);
      assert.doesNotMatch(board, />Step 13<|Beyond the screen/);
      assert.match(html, /<aside class="sm-gaps" aria-label="Gaps">.*<li>Step 17<\/li>/);
      assert.match(html, /data-replaced-by="\.sm-board\[data-pitch\], \.sm-empty"/);
      assert.match(html, /class="sm-canvas sm-canvas-static"/);
      // Editors see the tools as they are at rest; a viewer does not.
      assert.match(html, /Add activity/);
      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      const read = await pageText(path, await login(viewer.user.email));
      assert.match(read, /<h1>Journey &lt;b&gt;<\/h1>/);
      assert.doesNotMatch(read, /Add activity|sm-title-button|sm-tools/);

      assert.equal(await pageText(path, outsider), PAGE, 'a non-member');
      assert.equal(await pageText(`${path}?x=1`, owner), PAGE, 'an address with a query');
      assert.equal(await pageText(`/p/FPB/story-maps/${map.body.id}`, owner), PAGE, 'another product');
      const empty = await api.call('POST', `/products/${product.id}/story-maps`, { body: { name: 'Empty' } });
      assert.equal(await pageText(`/p/FPA/story-maps/${empty.body.id}`, owner), PAGE, 'no backbone yet');
      assert.equal((await api.call('DELETE', `/story-maps/${map.body.id}`)).status, 200);
      assert.equal(await pageText(path, owner), PAGE, 'a trashed map');
    });

    it('is private to its reader and compressed', async () => {
      const response = await page('/p/FPA/backlog', owner, { 'accept-encoding': 'br' });
      assert.equal(response.headers.get('cache-control'), 'private, no-cache');
      assert.match(response.headers.get('vary') ?? '', /Cookie/);
      assert.equal(response.headers.get('content-encoding'), 'br');
      const html = brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString('utf8');
      assert.match(html, /id="first-paint"/);
    });
  });
}
