import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { BackoffSettings } from '../../src/services/webhooks/backoff.ts';
import { claimDeliveries } from '../../src/services/webhooks/delivery-queue.ts';
import { startWebhookWorker, type WebhookWorker } from '../../src/services/webhooks/delivery-worker.ts';
import { dispatchEvents } from '../../src/services/webhooks/dispatch-events.ts';
import { pruneDeliveries } from '../../src/services/webhooks/prune-deliveries.ts';
import { verifyWebhook } from '../../src/services/webhooks/signature.ts';
import { classifyAddress, type Resolver } from '../../src/services/webhooks/ssrf-guard.ts';
import { sendWebhookRequest } from '../../src/services/webhooks/webhook-request.ts';
import {
  type Body,
  buildItem,
  buildProduct,
  buildUser,
  createTestApi,
  type TestApi,
} from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';
import { type Receiver, startReceiver, waitFor } from '../support/webhook-receiver.ts';

const FAST: BackoffSettings = { baseMs: 30, maxMs: 60, maxAttempts: 3 };

/** Test DNS: named hosts resolve as listed; nothing goes to real DNS. */
const resolver =
  (table: Record<string, string>): Resolver =>
  async (hostname) => {
    const address = table[hostname];
    if (!address) throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };

for (const dialect of DIALECTS) {
  describe(`webhooks (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let receiver: Receiver;
    const workers: WebhookWorker[] = [];
    const worker = (options: { allowPrivate?: boolean; resolve?: Resolver } = {}) => {
      const started = startWebhookWorker({
        db: api.database.db,
        allowPrivate: options.allowPrivate ?? true,
        resolve: options.resolve,
        log: () => {},
        pollMs: 20,
        backoff: FAST,
      });
      workers.push(started);
      return started;
    };

    before(async () => {
      api = await createTestApi(dialect);
    });
    after(() => api.close());
    afterEach(async () => {
      await Promise.all(workers.splice(0).map((w) => w.close()));
      await receiver?.close();
    });

    const setUp = async (eventTypes: string[] = ['item.created'], url?: string) => {
      product = await buildProduct(api);
      receiver = await startReceiver();
      const created = await api.call('POST', `/products/${product.id}/webhooks`, {
        body: { url: url ?? receiver.url, eventTypes },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body;
    };
    const deliveries = async (webhookId: string) => {
      const page = await api.call('GET', `/webhooks/${webhookId}/deliveries`);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      return page.body.deliveries as Body[];
    };

    it('shows the secret once, hides it afterwards and records events without it', async () => {
      const webhook = await setUp(['item.*'], 'https://hooks.example.com/services/T000/SECRETPATH');
      assert.match(webhook.secret, /^whsec_/);
      const read = await api.call('GET', `/webhooks/${webhook.id}`);
      assert.equal(read.status, 200);
      assert.equal(read.body.secret, undefined);
      assert.equal(read.headers.get('etag'), '"1"');
      const list = await api.call('GET', `/products/${product.key}/webhooks`);
      assert.deepEqual(
        list.body.webhooks.map((w: Body) => [w.id, w.secret]),
        [[webhook.id, undefined]],
      );
      assert.ok(list.body.eventTypes.includes('sprint.closed'));
      const events = await api.call('GET', `/products/${product.id}/events?limit=500`);
      const created = events.body.events.find((e: Body) => e.entityType === 'webhook');
      assert.ok(created, 'the creation is an event');
      const text = JSON.stringify(created);
      assert.ok(!text.includes(webhook.secret) && !text.includes('SECRETPATH'), text);
    });

    it('edits with If-Match, rotates the secret, deletes, and refuses viewers and outsiders', async () => {
      const webhook = await setUp();
      const stale = await api.call('PATCH', `/webhooks/${webhook.id}`, {
        body: { active: false },
        headers: { 'if-match': '"7"' },
      });
      assert.equal(stale.status, 412);
      const rotated = await api.call('PATCH', `/webhooks/${webhook.id}`, {
        body: { rotateSecret: true, eventTypes: ['sprint.*', 'item.created'] },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
      assert.match(rotated.body.secret, /^whsec_/);
      assert.notEqual(rotated.body.secret, webhook.secret);
      assert.deepEqual(rotated.body.eventTypes, ['sprint.*', 'item.created']);
      const badType = await api.call('PATCH', `/webhooks/${webhook.id}`, {
        body: { eventTypes: ['user.created'] },
      });
      assert.equal(badType.status, 400);
      assert.equal(badType.body.error.details.issues[0].path, 'eventTypes.0');
      const badUrl = await api.call('POST', `/products/${product.id}/webhooks`, {
        body: { url: 'ftp://example.com/x', eventTypes: ['*'] },
      });
      assert.equal(badUrl.status, 400);
      assert.equal(badUrl.body.error.details.issues[0].path, 'url');

      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      const outsider = await buildUser(api, 'editor');
      assert.equal((await api.call('GET', `/webhooks/${webhook.id}`, { token: viewer.token })).status, 403);
      assert.equal(
        (await api.call('GET', `/products/${product.id}/webhooks`, { token: viewer.token })).status,
        403,
      );
      assert.equal((await api.call('GET', `/webhooks/${webhook.id}`, { token: outsider.token })).status, 404);
      assert.equal(
        (await api.call('POST', `/webhooks/${webhook.id}/test`, { token: outsider.token })).status,
        404,
      );

      const removed = await api.call('DELETE', `/webhooks/${webhook.id}`, { headers: { 'if-match': '"2"' } });
      assert.equal(removed.status, 200, JSON.stringify(removed.body));
      assert.equal((await api.call('GET', `/webhooks/${webhook.id}`)).status, 404);
    });

    it('claims no more deliveries than asked, so a worker never sends more than its concurrency at once', async () => {
      await setUp(['item.created']);
      for (let n = 0; n < 30; n++) {
        const item = await api.call('POST', `/products/${product.id}/items`, {
          body: { title: `Item ${n}` },
        });
        assert.equal(item.status, 201);
      }
      await dispatchEvents(api.database.db);
      const claim = (limit: number) =>
        claimDeliveries(api.database.db, { workerId: 'w', now: new Date(), leaseMs: 60_000, limit });
      // PostgreSQL once claimed all 30 here: `where id in (select … limit n for update skip locked)`.
      assert.equal((await claim(5)).length, 5);
      assert.equal((await claim(16)).length, 16);
      assert.equal((await claim(16)).length, 9, 'the rest, each row claimed once');
    });

    it('sends the events a webhook lists, signed, and logs each delivery', async () => {
      const webhook = await setUp(['item.created']);
      worker();
      const item = await buildItem(api, product.id, { title: 'Signed' });
      await api.call('PATCH', `/items/${item.id}`, { body: { title: 'Not listed: item.updated' } });
      await waitFor(() => receiver.received.length >= 1);
      const [request] = receiver.received;
      assert.ok(request);
      assert.equal(request.method, 'POST');
      assert.equal(request.headers['x-cairn-event'], 'item.created');
      const timestamp = Number(request.headers['x-cairn-timestamp']);
      assert.ok(
        verifyWebhook(webhook.secret, timestamp, request.body, String(request.headers['x-cairn-signature'])),
        'the signature verifies with the secret',
      );
      assert.ok(
        !verifyWebhook(
          'another secret',
          timestamp,
          request.body,
          String(request.headers['x-cairn-signature']),
        ),
      );
      const body = JSON.parse(request.body);
      assert.equal(body.type, 'item.created');
      assert.equal(body.event.entityId, item.id);
      assert.equal(body.event.changes.title[1], 'Signed');
      await waitFor(async () => (await deliveries(webhook.id)).some((d) => d.status === 'delivered'));
      const log = await deliveries(webhook.id);
      assert.equal(log.length, 1, 'item.updated is not listed');
      assert.equal(log[0].id, request.headers['x-cairn-delivery']);
      assert.equal(log[0].lastStatusCode, 200);
      assert.equal(log[0].attempts, 1);
      assert.equal(receiver.received.length, 1);
    });

    it('retries a failed delivery with backoff, gives up after the last attempt, and redelivers on request', async () => {
      const webhook = await setUp(['item.*']);
      receiver.script.push({ status: 500, body: 'x'.repeat(5_000) });
      worker();
      await buildItem(api, product.id);
      await waitFor(async () => (await deliveries(webhook.id)).some((d) => d.status === 'delivered'));
      const [delivered] = await deliveries(webhook.id);
      assert.equal(delivered.attempts, 2);
      assert.equal(receiver.received.length, 2);
      assert.equal(
        receiver.received[0]?.headers['x-cairn-delivery'],
        receiver.received[1]?.headers['x-cairn-delivery'],
      );

      receiver.script.push({ status: 503 }, { status: 503 }, { status: 503 });
      await api.call('PATCH', `/items/${JSON.parse(receiver.received[0]?.body ?? '{}').event.entityId}`, {
        body: { title: 'Fails three times' },
      });
      await waitFor(async () => (await deliveries(webhook.id)).some((d) => d.status === 'failed'));
      const failed = (await deliveries(webhook.id)).find((d) => d.status === 'failed');
      assert.equal(failed.attempts, 3);
      assert.equal(failed.lastStatusCode, 503);
      assert.equal(failed.lastError, 'HTTP 503');
      assert.equal(failed.nextAttemptAt, null);

      const again = await api.call('POST', `/webhook-deliveries/${failed.id}/redeliver`);
      assert.equal(again.status, 202, JSON.stringify(again.body));
      assert.equal(again.body.redeliveryOf, failed.id);
      await waitFor(
        async () =>
          (await deliveries(webhook.id)).find((d) => d.id === again.body.id)?.status === 'delivered',
      );
      const last = receiver.received.at(-1);
      assert.equal(last?.headers['x-cairn-delivery'], again.body.id);
      assert.equal(last?.body, receiver.received.at(-2)?.body, 'the same body again');
    });

    it('sends a ping on request', async () => {
      const webhook = await setUp();
      worker();
      const ping = await api.call('POST', `/webhooks/${webhook.id}/test`);
      assert.equal(ping.status, 202);
      await waitFor(() => receiver.received.length === 1);
      assert.equal(receiver.received[0]?.headers['x-cairn-event'], 'ping');
      assert.equal(JSON.parse(receiver.received[0]?.body ?? '{}').webhookId, webhook.id);
    });

    it('forgets finished deliveries after the retention period, never pending ones', async () => {
      const webhook = await setUp();
      await api.call('POST', `/webhooks/${webhook.id}/test`);
      await api.call('POST', `/webhooks/${webhook.id}/test`);
      const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
      const [first] = await deliveries(webhook.id);
      await api.database.db
        .updateTable('webhook_deliveries')
        .set({ created_at: old })
        .where('webhook_id', '=', webhook.id)
        .execute();
      await api.database.db
        .updateTable('webhook_deliveries')
        .set({ status: 'delivered' })
        .where('id', '=', first.id)
        .execute();
      assert.equal(await pruneDeliveries(api.database.db, new Date()), 1);
      assert.deepEqual(
        (await deliveries(webhook.id)).map((d) => d.status),
        ['pending'],
      );
    });

    it('keeps deliveries queued while no worker runs, and a new worker sends them', async () => {
      const webhook = await setUp(['item.created']);
      await buildItem(api, product.id);
      await buildItem(api, product.id);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(receiver.received.length, 0);
      worker();
      await waitFor(async () => {
        const log = await deliveries(webhook.id);
        return log.length === 2 && log.every((d) => d.status === 'delivered');
      });
      assert.equal(receiver.received.length, 2);
      const log = await deliveries(webhook.id);
      assert.deepEqual(
        log.map((d) => d.status),
        ['delivered', 'delivered'],
      );
    });

    it('delivers each event exactly once with two workers on one database', async () => {
      const webhook = await setUp(['item.created']);
      worker();
      worker();
      for (let i = 0; i < 15; i++) await buildItem(api, product.id, { title: `Item ${i}` });
      await waitFor(
        async () => (await deliveries(webhook.id)).filter((d) => d.status === 'delivered').length === 15,
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
      const ids = receiver.received.map((r) => JSON.parse(r.body).event.entityId);
      assert.equal(ids.length, 15);
      assert.equal(new Set(ids).size, 15);
      assert.equal((await deliveries(webhook.id)).length, 15);
    });

    it('refuses loopback, private and link-local targets, after DNS and on redirects', async () => {
      product = await buildProduct(api);
      receiver = await startReceiver();
      const targets = [
        'http://127.0.0.1:9/hook',
        'http://localhost:9/hook',
        'http://[::1]:9/hook',
        'http://10.0.0.1/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[::ffff:127.0.0.1]/hook',
        'http://rebind.test/hook',
      ];
      const ids: string[] = [];
      for (const url of targets) {
        const created = await api.call('POST', `/products/${product.id}/webhooks`, {
          body: { url, eventTypes: ['item.created'] },
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        ids.push(created.body.id);
      }
      worker({ allowPrivate: false, resolve: resolver({ 'rebind.test': '127.0.0.1' }) });
      await buildItem(api, product.id);
      for (const [i, id] of ids.entries()) {
        await waitFor(async () => (await deliveries(id)).some((d) => d.status === 'failed'));
        const [failed] = await deliveries(id);
        assert.equal(failed.attempts, 1, 'a refusal is not retried');
        assert.match(failed.lastError, /^refused: /, `${targets[i]}: ${failed.lastError}`);
      }

      // A public-looking name (the receiver, standing in for the internet) that redirects to loopback.
      const guard = {
        allowPrivate: false,
        resolve: resolver({ 'public.test': '127.0.0.1' }),
        classify: (address: string) => (address === '127.0.0.1' ? null : classifyAddress(address)),
      };
      for (const location of [`http://[::1]:${receiver.port}/in`, `http://localhost:${receiver.port}/in`]) {
        receiver.script.push({ status: 302, location });
        await assert.rejects(
          sendWebhookRequest(
            { url: `http://public.test:${receiver.port}/out`, headers: {}, body: '{}', timeoutMs: 2_000 },
            guard,
          ),
          /refused: /,
        );
      }
      assert.deepEqual(
        receiver.received.map((r) => r.path),
        ['/out', '/out'],
        'the redirect target was never contacted',
      );
      receiver.script.push({ status: 307, location: '/next' });
      const followed = await sendWebhookRequest(
        { url: `http://public.test:${receiver.port}/out`, headers: {}, body: '{"a":1}', timeoutMs: 2_000 },
        guard,
      );
      assert.equal(followed.statusCode, 200);
      assert.deepEqual(receiver.received.at(-1)?.body, '{"a":1}', 'a 307 repeats the POST');
    });
  });
}
