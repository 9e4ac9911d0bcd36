import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initiativeFixture, itemFixture, productFixture } from '../api/planning-fixtures.ts';
import type { InitiativeT, ItemT } from '../api/types.ts';
import { ProductStore } from './product-store.ts';

const product = productFixture();
/** Item n as the tests below name it: id `i<n>`, key KEY-n. */
const item = (n: number, overrides: Partial<ItemT> = {}) =>
  itemFixture(n, { id: `i${n}`, key: `KEY-${n}`, ...overrides });

function storeOf(count: number): ProductStore {
  const store = new ProductStore(product);
  for (let n = 1; n <= count; n += 1) store.acceptItem(item(n));
  return store;
}

const keys = (store: ProductStore) => store.orderedItems().map((row) => row.key);

describe('ProductStore local edits', () => {
  it('keeps a second move shown when the first move’s answer arrives, and takes its version', () => {
    const store = storeOf(4);
    // KEY-3 moved down twice, quickly: after KEY-4 (rank a5), then (the screen's order) further down.
    const first = store.holdEdit('i3', { summary: { rank: 'a4V' } });
    const second = store.holdEdit('i3', { summary: { rank: 'a5' } });
    assert.deepEqual(keys(store), ['KEY-1', 'KEY-2', 'KEY-4', 'KEY-3']);

    // The first save's answer: the server placed it between KEY-4 and nothing yet, version 2.
    first();
    store.acceptItem(item(3, { rank: 'a4V', version: 2 }));
    assert.deepEqual(keys(store), ['KEY-1', 'KEY-2', 'KEY-4', 'KEY-3']);
    // The second save must be sent with the version the first produced.
    assert.equal(store.items.get('i3')?.version, 2);

    second();
    store.acceptItem(item(3, { rank: 'a5', version: 3 }));
    assert.deepEqual(keys(store), ['KEY-1', 'KEY-2', 'KEY-4', 'KEY-3']);
    assert.equal(store.items.get('i3')?.rank, 'a5');
  });

  it('keeps a pending title over a live event of the same item, and shows the server’s once released', () => {
    const store = storeOf(2);
    store.fullItems.set('i1', item(1));
    const release = store.holdEdit('i1', { summary: { title: 'Mine' }, full: { title: 'Mine' } });
    store.acceptItem(item(1, { status: 'in_progress', version: 2 }));
    assert.equal(store.items.get('i1')?.title, 'Mine');
    assert.equal(store.items.get('i1')?.status, 'in_progress');
    assert.equal(store.fullItems.get('i1')?.title, 'Mine');
    release();
    assert.equal(store.items.get('i1')?.title, 'Item 1');
    assert.equal(store.fullItems.get('i1')?.status, 'in_progress');
  });

  it('rolls a refused edit back to the server’s version, keeping another edit still being saved', () => {
    const store = storeOf(1);
    const refused = store.holdEdit('i1', { summary: { title: 'Refused' } });
    const pending = store.holdEdit('i1', { summary: { estimate: 3 } });
    refused();
    assert.equal(store.items.get('i1')?.title, 'Item 1');
    assert.equal(store.items.get('i1')?.estimate, 3);
    pending();
    assert.equal(store.items.get('i1')?.estimate, null);
  });

  it('ignores an answer older than the version it holds, and drops the edits of an item deleted meanwhile', () => {
    const store = storeOf(2);
    store.acceptItem(item(1, { title: 'New', version: 3 }));
    const release = store.holdEdit('i1', { summary: { estimate: 5 } });
    store.acceptItem(item(1, { title: 'Old', version: 2 }));
    assert.equal(store.items.get('i1')?.title, 'New');
    store.acceptItem(item(1, { version: 4, deletedAt: '2025-01-02T00:00:00.000Z' }));
    assert.equal(store.items.has('i1'), false);
    release();
    assert.equal(store.items.has('i1'), false);
    assert.deepEqual(keys(store), ['KEY-2']);
  });
});

const initiative = (overrides: Partial<InitiativeT> = {}) =>
  initiativeFixture({ id: 'n1', status: 'proposed', version: 1, ...overrides });

describe('ProductStore local edits of initiatives', () => {
  it('keeps a start date being saved when an earlier save’s answer arrives, so a later check sees it', () => {
    const store = new ProductStore(product);
    store.acceptInitiative(initiative());
    const visibility = store.holdInitiativeEdit('n1', { visibility: 'public' });
    const start = store.holdInitiativeEdit('n1', { startDate: '2026-04-01' });
    visibility();
    store.acceptInitiative(initiative({ visibility: 'public', version: 2 }));
    // The initiative screen checks a new target date against this start date.
    assert.equal(store.initiatives.get('n1')?.startDate, '2026-04-01');
    assert.equal(store.initiatives.get('n1')?.version, 2);
    start();
    store.acceptInitiative(initiative({ visibility: 'public', startDate: '2026-04-01', version: 3 }));
    assert.equal(store.initiatives.get('n1')?.startDate, '2026-04-01');
  });

  it('drops the held edits of an initiative deleted meanwhile', () => {
    const store = new ProductStore(product);
    store.acceptInitiative(initiative());
    const release = store.holdInitiativeEdit('n1', { title: 'Mine' });
    store.acceptInitiative(initiative({ version: 2, deletedAt: '2025-01-02T00:00:00.000Z' }));
    release();
    assert.equal(store.initiatives.has('n1'), false);
  });
});
