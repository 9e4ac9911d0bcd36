import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { itemFixture, productFixture } from '../../api/planning-fixtures.ts';
import { currentNotices, dismiss } from '../../state/notices.ts';
import { ProductStore } from '../../state/product-store.ts';
import { mergeItems, trashItems } from './grooming-mutations.ts';

interface Sent {
  method: string;
  url: string;
  body: unknown;
}

/** Answers the app's requests by method and path, and records what it sent. */
function serve(answer: (sent: Sent) => { status: number; body?: unknown }): Sent[] {
  const sent: Sent[] = [];
  mock.method(globalThis, 'fetch', async (request: Request) => {
    const text = await request.text();
    const url = new URL(request.url);
    const entry = { method: request.method, url: url.pathname, body: text ? JSON.parse(text) : undefined };
    sent.push(entry);
    const { status, body } = answer(entry);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return sent;
}

const refused = { status: 409, body: { error: { code: 'conflict', message: 'locked' } } };

describe('grooming mutations', () => {
  let store: ProductStore;
  beforeEach(() => {
    store = new ProductStore(productFixture());
    for (const n of [1, 2, 3]) store.acceptItem(itemFixture(n));
    mock.timers.enable({ apis: ['setTimeout'] });
  });
  afterEach(() => {
    mock.restoreAll();
    mock.timers.reset();
    for (const notice of currentNotices()) dismiss(notice.id);
  });

  it('moves items to the trash with one undo for them all, keeping any the server refused', async () => {
    const sent = serve(({ url, method }) =>
      method === 'DELETE' && url.endsWith('/item2') ? refused : { status: 204 },
    );
    const trashed = trashItems(store, ['item1', 'item2', 'item3']);
    // Gone from the screen before the server answers.
    assert.deepEqual(store.order, []);
    assert.equal(await trashed, 2);
    assert.deepEqual(store.order, ['item2']);
    assert.deepEqual(
      sent.map((s) => `${s.method} ${s.url}`),
      ['DELETE /api/v1/items/item1', 'DELETE /api/v1/items/item2', 'DELETE /api/v1/items/item3'],
    );
    const undo = currentNotices().find((notice) => notice.action?.label === 'Undo');
    assert.equal(undo?.message, '2 items moved to the trash.');

    mock.restoreAll();
    const restores = serve(({ url }) => ({
      status: 200,
      body: itemFixture(Number(/item(\d)/.exec(url)?.[1])),
    }));
    undo?.action?.run();
    for (let turn = 0; turn < 50 && store.order.length < 3; turn += 1) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(
      restores.map((s) => `${s.method} ${s.url}`),
      ['POST /api/v1/items/item1/restore', 'POST /api/v1/items/item3/restore'],
    );
    assert.deepEqual(store.order, ['item1', 'item2', 'item3']);
  });

  it('merges a duplicate: the kept item as the server answers it, the duplicate out of the backlog', async () => {
    const kept = itemFixture(1, { acceptanceCriteria: [{ text: 'Theirs too', done: false }], version: 2 });
    const sent = serve(() => ({ status: 200, body: kept }));
    assert.equal((await mergeItems(store, 'item1', 'item3'))?.version, 2);
    assert.deepEqual(sent[0], {
      method: 'POST',
      url: '/api/v1/items/item1/merge',
      body: { duplicateId: 'item3' },
    });
    assert.deepEqual(store.order, ['item1', 'item2']);
    assert.equal(store.items.get('item1')?.criteriaTotal, 1);
  });

  it('keeps both items and says why when a merge is refused', async () => {
    serve(() => refused);
    assert.equal(await mergeItems(store, 'item1', 'item3'), null);
    assert.deepEqual(store.order, ['item1', 'item2', 'item3']);
    assert.match(currentNotices().at(-1)?.message ?? '', /^Merging CHK-3 into CHK-1 was not saved: locked/);
  });

  it('refuses a viewer at once, without asking the server', async () => {
    store.readOnly = true;
    const sent = serve(() => ({ status: 500 }));
    assert.equal(await trashItems(store, ['item1']), 0);
    assert.equal(await mergeItems(store, 'item1', 'item2'), null);
    assert.deepEqual(sent, []);
    assert.deepEqual(store.order, ['item1', 'item2', 'item3']);
  });
});
