import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type Body,
  buildItem,
  buildProduct,
  buildUser,
  createTestApi,
  type TestApi,
} from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';
import { changes, follow, openStream, SseReader } from '../support/sse.ts';

for (const dialect of DIALECTS) {
  describe(`live updates over Server-Sent Events (${dialect})`, () => {
    let api: TestApi;
    let productId: string;

    before(async () => {
      api = await createTestApi(dialect);
      productId = (await buildProduct(api)).id;
    });
    after(() => api.close());

    it('sends each new change with the item as it is now, starting at the current end', async () => {
      await buildItem(api, productId, { title: 'Before connecting' });
      const response = await openStream(api, productId);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('x-accel-buffering'), 'no');
      const reader = new SseReader(response);
      const item = await buildItem(api, productId, { title: 'Live', labels: ['ux'] });
      const [created] = await changes(reader, 1);
      assert.equal(created.event.entityType, 'item');
      assert.equal(created.event.action, 'created');
      assert.equal(created.event.entityId, item.id);
      assert.deepEqual(created.entity, item, 'the entity is the Item as the API presents it');
      const patched = await api.call('PATCH', `/items/${item.id}`, { body: { title: 'Renamed' } });
      const [updated] = await changes(reader, 1);
      assert.equal(updated.event.action, 'updated');
      assert.deepEqual(updated.event.changes, { title: ['Live', 'Renamed'] });
      assert.deepEqual(updated.entity, patched.body);
      const events = await api.call('GET', `/products/${productId}/events?after=${created.event.id - 1}`);
      assert.deepEqual(events.body.events[0], created.event, 'the event as GET /events presents it');
      await reader.cancel();
    });

    it('presents initiatives, themes, objectives and the product; null for other kinds', async () => {
      const reader = await follow(api, productId);
      const theme = await api.call('POST', `/products/${productId}/themes`, { body: { name: 'Growth' } });
      const objective = await api.call('POST', `/products/${productId}/objectives`, {
        body: { title: 'More users' },
      });
      const initiative = await api.call('POST', `/products/${productId}/initiatives`, {
        body: { title: 'Onboarding', themeId: theme.body.id, objectiveIds: [objective.body.id] },
      });
      const a = await buildItem(api, productId);
      const b = await buildItem(api, productId);
      const dependency = await api.call('POST', `/items/${b.id}/dependencies`, { body: { blockedBy: a.id } });
      assert.equal(dependency.status, 201);
      const renamed = await api.call('PATCH', `/products/${productId}`, {
        body: { name: 'Renamed product' },
      });
      const received = await changes(reader, 7);
      assert.deepEqual(
        received.map((change) => change.event.entityType),
        ['theme', 'objective', 'initiative', 'item', 'item', 'dependency', 'product'],
      );
      assert.deepEqual(received[0].entity, theme.body);
      assert.deepEqual(received[1].entity, objective.body);
      assert.deepEqual(received[2].entity, initiative.body);
      assert.equal(received[5].entity, null, 'no presented object for a dependency');
      assert.deepEqual(received[6].entity, renamed.body);
      await reader.cancel();
    });

    it('presents teams and sprints, and sends release events without an object', async () => {
      const reader = await follow(api, productId);
      const team = await api.call('POST', `/products/${productId}/teams`, {
        body: { name: 'Squad', memberIds: [api.ownerId] },
      });
      const sprint = await api.call('POST', `/products/${productId}/sprints`, {
        body: { name: 'Sprint 1', teamId: team.body.id, startDate: '2027-01-04', endDate: '2027-01-15' },
      });
      const started = await api.call('POST', `/sprints/${sprint.body.id}/start`);
      assert.equal(started.status, 200);
      const release = await api.call('POST', `/products/${productId}/releases`, { body: { name: '1.0' } });
      assert.equal(release.status, 201);
      const received = await changes(reader, 4);
      assert.deepEqual(
        received.map((change) => [change.event.entityType, change.event.action]),
        [
          ['team', 'created'],
          ['sprint', 'created'],
          ['sprint', 'started'],
          ['release', 'created'],
        ],
      );
      assert.deepEqual(received[0].entity, team.body);
      assert.equal(received[1].entity.id, sprint.body.id);
      assert.deepEqual(received[2].entity, started.body);
      assert.equal(received[3].entity, null);
      await reader.cancel();
    });

    it('starts after `after`, and a reconnect with Last-Event-ID gets exactly the missed events', async () => {
      const product = await buildProduct(api);
      const [a, b, c] = [
        await buildItem(api, product.id, { title: 'A' }),
        await buildItem(api, product.id, { title: 'B' }),
        await buildItem(api, product.id, { title: 'C' }),
      ];
      const history = await api.call('GET', `/products/${product.id}/events`);
      const createdA = history.body.events.find((e: { entityId: string }) => e.entityId === a.id);
      const first = await follow(api, product.id, { query: `?after=${createdA.id}` });
      const caughtUp = await changes(first, 2);
      assert.deepEqual(
        caughtUp.map((change) => change.entity.id),
        [b.id, c.id],
      );
      assert.equal(await first.nextWithin(200), null, 'nothing more');
      await first.cancel();
      const lastSeen = caughtUp[1].event.id;

      const d = await buildItem(api, product.id, { title: 'D' });
      const e = await buildItem(api, product.id, { title: 'E' });
      // EventSource repeats the URL it was opened with and adds Last-Event-ID: the header wins.
      const second = await follow(api, product.id, {
        query: `?after=${createdA.id}`,
        headers: { 'last-event-id': String(lastSeen) },
      });
      const missed = await changes(second, 2);
      assert.deepEqual(
        missed.map((change) => change.entity.id),
        [d.id, e.id],
      );
      assert.equal(await second.nextWithin(200), null, 'no duplicates, nothing extra');
      const f = await buildItem(api, product.id, { title: 'F' });
      assert.equal((await changes(second, 1))[0].entity.id, f.id);
      await second.cancel();
    });

    it('delivers a burst larger than a read batch in order, without gaps', async () => {
      const product = await buildProduct(api);
      const reader = await follow(api, product.id);
      const { importItems } = await import('../../src/services/items/import-items.ts');
      await importItems({
        db: api.database.db,
        actor: { id: api.ownerId, role: 'owner' },
        productId: product.id,
        items: Array.from({ length: 1_234 }, (_, i) => ({
          type: 'task' as const,
          title: `Imported ${i}`,
          story: null,
          description: '',
          acceptanceCriteria: [],
          estimate: null,
          status: 'backlog' as const,
          initiativeId: null,
          labels: [],
          assigneeId: null,
        })),
      });
      // The import ran outside HTTP, as the CLI would: on SQLite the poll finds it.
      api.live.wake();
      const received = await changes(reader, 1_234);
      for (let i = 1; i < received.length; i += 1) {
        assert.equal(received[i].event.id, received[i - 1].event.id + 1, 'consecutive ids');
      }
      assert.equal(received.at(-1).entity.title, 'Imported 1233');
      assert.equal(await reader.nextWithin(200), null);
      await reader.cancel();
    });

    it('answers 401 without credentials, 404 for a product the caller cannot see, 400 for a bad cursor', async () => {
      assert.equal((await openStream(api, productId, { token: null })).status, 401);
      const editor = await buildUser(api, 'editor');
      const hidden = await openStream(api, productId, { token: editor.token });
      assert.equal(hidden.status, 404);
      assert.equal(((await hidden.json()) as Body).error.code, 'not_found');
      const missing = await openStream(api, '0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d');
      assert.equal(missing.status, 404);
      const badAfter = await openStream(api, productId, { query: '?after=abc' });
      assert.equal(badAfter.status, 400);
      assert.equal(((await badAfter.json()) as Body).error.details.issues[0].path, 'after');
      const badHeader = await openStream(api, productId, { headers: { 'last-event-id': 'x' } });
      assert.equal(badHeader.status, 400);
      assert.equal(((await badHeader.json()) as Body).error.details.issues[0].path, 'Last-Event-ID');
    });

    it('is documented as text/event-stream', async () => {
      const doc = (await api.call('GET', '/openapi.json', { token: null })).body;
      const operation = doc.paths['/products/{productId}/stream'].get;
      assert.ok(operation.responses['200'].content['text/event-stream'].schema);
      assert.ok(doc.components.schemas.LiveChange);
    });
  });
}
