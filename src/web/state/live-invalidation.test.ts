import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SprintDetailT } from '../api/execution.ts';
import type { LiveMessage, ProductT } from '../api/types.ts';
import { DEBOUNCE_MS, invalidateFromLive } from './live-invalidation.ts';
import { ProductStore } from './product-store.ts';
import { createQueryClient } from './query-client.ts';
import { queryKeys } from './query-keys.ts';

const product: ProductT = {
  id: 'p1',
  key: 'CHK',
  name: 'Checkout',
  description: '',
  releaseNotesPublic: false,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

let nextEventId = 1;
function itemEvent(itemId: string): LiveMessage {
  return {
    event: {
      id: nextEventId++,
      at: '2026-12-01T10:00:00.000Z',
      actorId: null,
      productId: product.id,
      entityType: 'item',
      entityId: itemId,
      action: 'updated',
      changes: { status: ['ready', 'done'] },
    },
    entity: null,
  } as LiveMessage;
}

/** A cache holding sprint s1 (with item i1) and sprint s2 (with item i2), as a screen left them. */
function setUp() {
  const client = createQueryClient();
  const store = new ProductStore(product);
  for (const [sprintId, itemId] of [
    ['s1', 'i1'],
    ['s2', 'i2'],
  ] as const) {
    const detail = { sprint: { id: sprintId }, items: [{ id: itemId }] } as unknown as SprintDetailT;
    client.setQueryData(queryKeys.sprint(product.id, sprintId), detail);
  }
  const invalidated = (sprintId: string) =>
    client.getQueryState(queryKeys.sprint(product.id, sprintId))?.isInvalidated ?? false;
  return { client, store, invalidated };
}

describe('invalidateFromLive', () => {
  it("marks a held sprint stale once, a moment after a burst of its items' events", async () => {
    const { client, store, invalidated } = setUp();
    const calls = mock.method(client, 'invalidateQueries');
    const stop = invalidateFromLive(client, store);
    for (let i = 0; i < 5; i += 1) store.applyLive(itemEvent('i1'));
    assert.equal(invalidated('s1'), false, 'not before the burst is over');
    await sleep(DEBOUNCE_MS + 100);
    assert.equal(invalidated('s1'), true);
    assert.equal(invalidated('s2'), false, 'the other sprint is left alone');
    const sprintCalls = calls.mock.calls.filter(
      (call) =>
        JSON.stringify(call.arguments[0]?.queryKey) === JSON.stringify(queryKeys.sprint(product.id, 's1')),
    );
    assert.equal(sprintCalls.length, 1, 'five events, one invalidation');
    stop();
    client.clear(); // its collection timers would keep the test process alive
  });

  it('stops invalidating when stopped (the product screen left)', async () => {
    const { client, store, invalidated } = setUp();
    const stop = invalidateFromLive(client, store);
    store.applyLive(itemEvent('i2'));
    stop();
    await sleep(DEBOUNCE_MS + 100);
    assert.equal(invalidated('s2'), false);
    store.applyLive(itemEvent('i2'));
    await sleep(DEBOUNCE_MS + 100);
    assert.equal(invalidated('s2'), false);
    client.clear();
  });
});
