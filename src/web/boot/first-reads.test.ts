import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import type { BootAnswers } from '../api/boot-answers.ts';
import { API } from '../api/client.ts';
import { commentsApi } from '../api/comments.ts';
import { backlogApi, itemsApi } from '../api/items.ts';
import { initiativesApi, objectivesApi, themesApi } from '../api/planning.ts';
import { productsApi, usersApi } from '../api/products.ts';
import { sessionApi } from '../api/session.ts';
import { storyMapsApi } from '../api/story-maps.ts';
import { FIRST_PAGE, firstReads, planningReads, screenOf } from './first-reads.ts';

/** Records the path (after /api/v1) of every request the app's client sends, answering each with `{}`. */
function recordPaths(): string[] {
  const paths: string[] = [];
  mock.method(globalThis, 'fetch', async (request: Request) => {
    const url = new URL(request.url);
    paths.push(url.pathname.slice(API.length) + url.search);
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return paths;
}

/** Puts boot answers on a stand-in `window` for the duration of a test. */
function bootWith(answers: Record<string, unknown>, sentAt = Date.now()): BootAnswers {
  const boot: BootAnswers = { sentAt, answers: new Map() };
  for (const [path, body] of Object.entries(answers)) {
    boot.answers.set(path, Promise.resolve(Response.json(body)));
  }
  (globalThis as { window?: unknown }).window = { __cairnBoot: boot };
  return boot;
}

afterEach(() => {
  mock.restoreAll();
  delete (globalThis as { window?: unknown }).window;
});

describe('the first reads of an address', () => {
  it('are the session, the item, the first page and the whole backlog, in that order', () => {
    assert.deepEqual(firstReads('/p/chk/backlog'), [
      '/auth/me',
      '/products',
      `/products/CHK/backlog?limit=${FIRST_PAGE}`,
      '/products/CHK/backlog',
    ]);
    // An item's address: its item and its comments first, and not the whole backlog, which would hold up
    // its panel.
    assert.deepEqual(firstReads('/chk-42'), [
      '/auth/me',
      '/products',
      '/items/CHK-42',
      '/items/CHK-42/comments',
      `/products/CHK/backlog?limit=${FIRST_PAGE}`,
    ]);
    assert.deepEqual(firstReads('/p/CHK/roadmap'), ['/auth/me', '/products', '/products/CHK/backlog']);
    assert.deepEqual(firstReads('/products'), ['/auth/me', '/products']);
    // A story map's address: its map, and not the whole backlog, which the map does not wait for.
    const mapId = '0b6f1d2e-8c1a-4a53-9d7e-2f4b7c9e1a00';
    assert.deepEqual(firstReads(`/p/CHK/story-maps/${mapId}`, 'p-1'), [
      '/auth/me',
      '/products',
      `/story-maps/${mapId}`,
      ...planningReads('p-1'),
    ]);
    assert.equal(screenOf(`/p/CHK/story-maps/${mapId}`), 'story-map');
    assert.equal(screenOf('/p/CHK/story-maps'), null);
  });

  it("puts a known product's planning reads before the whole backlog", () => {
    assert.deepEqual(firstReads('/p/CHK/roadmap', 'p-1'), [
      '/auth/me',
      '/products',
      ...planningReads('p-1'),
      '/products/CHK/backlog',
    ]);
    assert.deepEqual(firstReads('/p/CHK/backlog', 'p-1').slice(2), [
      `/products/CHK/backlog?limit=${FIRST_PAGE}`,
      ...planningReads('p-1'),
      '/products/CHK/backlog',
    ]);
  });

  it("are the very paths the app's client asks for, so it finds their answers", async () => {
    const sent = recordPaths();
    await sessionApi.me();
    await productsApi.list().catch(() => undefined);
    await itemsApi.get('CHK-42');
    await commentsApi.list({ entityType: 'item', id: 'i-42', key: 'CHK-42' }).catch(() => undefined);
    await backlogApi.get('CHK', FIRST_PAGE);
    await backlogApi.get('CHK');
    const mapId = '0b6f1d2e-8c1a-4a53-9d7e-2f4b7c9e1a00';
    await storyMapsApi.get(mapId).catch(() => undefined);
    assert.deepEqual(sent, [
      ...firstReads('/CHK-42'),
      ...firstReads('/p/CHK/backlog').slice(3),
      ...firstReads(`/p/CHK/story-maps/${mapId}`).slice(2),
    ]);

    sent.length = 0;
    for (const list of [initiativesApi.list, themesApi.list, objectivesApi.list]) {
      await list('p-1').catch(() => undefined);
    }
    await usersApi.list().catch(() => undefined);
    assert.deepEqual(sent, planningReads('p-1'));
  });
});

describe("the client and the boot script's answers", () => {
  it('answers a read from the boot script once, then asks the server', async () => {
    const sent = recordPaths();
    bootWith({ '/auth/me': { id: 'u-boot' } });
    assert.deepEqual(await sessionApi.me(), { id: 'u-boot' });
    assert.deepEqual(sent, []);
    assert.deepEqual(await sessionApi.me(), {});
    assert.deepEqual(sent, ['/auth/me']);
  });

  it('drops every answer at the first write: a login must not be answered by a read made before it', async () => {
    const sent = recordPaths();
    const boot = bootWith({ '/auth/me': { id: 'before' }, '/products': { products: [] } });
    await sessionApi.logIn({ email: 'a@example.com', password: 'long enough password' });
    assert.equal(boot.answers.size, 0);
    await sessionApi.me();
    assert.deepEqual(sent, ['/auth/login', '/auth/me']);
  });

  it('does not use an answer that waited too long', async () => {
    const sent = recordPaths();
    bootWith({ '/auth/me': { id: 'old' } }, Date.now() - 60_000);
    assert.deepEqual(await sessionApi.me(), {});
    assert.deepEqual(sent, ['/auth/me']);
  });
});
