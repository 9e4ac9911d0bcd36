/**
 * The charts' projections of item events (item_replay_events, item_flow_slots) are written with the
 * events by every writer — single edits, trash and restore, bulk updates, imports, sprint closes, release
 * deletion — and must always equal what rebuilding them from the log alone gives.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { FLOW_STATUSES } from '../../src/domain/cumulative-flow.ts';
import { rebuildItemProjections } from '../../src/services/events/item-projections.ts';
import { importItems } from '../../src/services/items/import-items.ts';
import type { Db } from '../../src/store/database.ts';
import { type Body, buildItem, buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

async function projections(db: Db) {
  const replay = await db
    .selectFrom('item_replay_events')
    .selectAll()
    .orderBy('item_id')
    .orderBy('event_id')
    .execute();
  const slots = await db
    .selectFrom('item_flow_slots')
    .selectAll()
    .orderBy('product_id')
    .orderBy('slot')
    .execute();
  const steps = await db
    .selectFrom('sprint_burndown_steps')
    .selectAll()
    .orderBy('sprint_id')
    .orderBy('event_id')
    .execute();
  return { replay, slots, steps };
}

for (const dialect of DIALECTS) {
  describe(`chart projections (${dialect})`, () => {
    let api: TestApi;
    let product: Body;

    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
    });
    after(() => api.close());

    it('equal a rebuild from the log after every kind of write, and sum to the live items per status', async () => {
      const items: Body[] = [];
      for (const [i, status] of ['backlog', 'ready', 'in_progress', 'done', 'backlog'].entries()) {
        items.push(await buildItem(api, product.id, { title: `Item ${i}`, status, estimate: i }));
      }
      const [a, b, c, d, e] = items as [Body, Body, Body, Body, Body];
      const patch = async (item: Body, body: Record<string, unknown>) => {
        const response = await api.call('PATCH', `/items/${item.id}`, { body });
        assert.equal(response.status, 200, JSON.stringify(response.body));
      };
      await patch(a, { status: 'in_progress', estimate: 5, title: 'Renamed "quoted" \\ item' });
      await patch(b, { description: 'no replayed field here' });
      assert.equal((await api.call('DELETE', `/items/${c.id}`)).status, 200);
      assert.equal((await api.call('DELETE', `/items/${e.id}`)).status, 200);
      assert.equal((await api.call('POST', `/items/${e.id}/restore`)).status, 200);
      await patch(d, { status: 'wont_do' });

      const bulk = await api.call('POST', `/products/${product.id}/items/bulk-update`, {
        body: { ids: [a.id, b.id, e.id], set: { status: 'in_review', estimate: 8 } },
      });
      assert.equal(bulk.status, 200, JSON.stringify(bulk.body));

      const owner = { id: api.ownerId, role: 'owner' as const };
      await importItems({
        db: api.database.db,
        actor: owner,
        productId: product.id,
        items: ['backlog', 'done', 'ready'].map((status, i) => ({
          type: 'story' as const,
          title: `Imported ${i}`,
          story: null,
          description: '',
          acceptanceCriteria: [],
          estimate: i,
          status: status as 'backlog',
          initiativeId: null,
          labels: [],
          assigneeId: null,
        })),
      });

      const sprint = await api.call('POST', `/products/${product.id}/sprints`, {
        body: { name: 'S1', startDate: '2026-01-05', endDate: '2026-01-16' },
      });
      assert.equal(sprint.status, 201, JSON.stringify(sprint.body));
      await patch(a, { sprintId: sprint.body.id });
      await patch(b, { sprintId: sprint.body.id });
      assert.equal((await api.call('POST', `/sprints/${sprint.body.id}/start`)).status, 200);
      // Title edits that the next edit of the same item supersedes are not kept.
      await patch(a, { title: 'Renamed once' });
      await patch(a, { title: 'Renamed twice' });
      await patch(a, { status: 'done' });
      await patch(b, { title: 'B renamed' });
      await patch(b, { title: 'B renamed again', estimate: 3 });
      await patch(b, { title: 'B renamed at last' });
      const closed = await api.call('POST', `/sprints/${sprint.body.id}/close`, {
        body: { leftovers: 'backlog' },
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));

      const release = await api.call('POST', `/products/${product.id}/releases`, { body: { name: '1.0' } });
      await patch(b, { releaseId: release.body.id });
      assert.equal((await api.call('DELETE', `/releases/${release.body.id}`)).status, 200);

      // An item in a sprint deleted while planned, changed while in none, then joining another one.
      const newSprint = async (name: string) => {
        const created = await api.call('POST', `/products/${product.id}/sprints`, {
          body: { name, startDate: '2026-02-02', endDate: '2026-02-13' },
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        return created.body;
      };
      const dropped = await newSprint('S2');
      await patch(d, { sprintId: dropped.id, status: 'ready' });
      assert.equal((await api.call('DELETE', `/sprints/${dropped.id}`)).status, 200);
      await patch(d, { estimate: 13 });
      await patch(d, { sprintId: (await newSprint('S3')).id });

      const db = api.database.db;
      const written = await projections(db);
      // Replayed fields are kept for items that were ever in a sprint, their history from before it too.
      assert.deepEqual(
        [...new Set(written.replay.map((row) => row.item_id))].sort(),
        [a.id, b.id, d.id].sort(),
      );
      assert.ok(
        written.replay.some((row) => row.item_id === a.id && row.title === 'Renamed "quoted" \\ item'),
        'the title a set before joining the sprint, as written',
      );
      const titles = written.replay.map((row) => row.title);
      for (const superseded of ['Renamed once', 'B renamed'])
        assert.ok(!titles.includes(superseded), `${superseded}: superseded, not kept`);
      for (const kept of ['Renamed twice', 'B renamed again', 'B renamed at last'])
        assert.ok(titles.includes(kept), `${kept}: kept`);

      // Every slot's moves together are the product's live items per status now.
      const live = await db
        .selectFrom('items')
        .select(['status', sql<number>`count(*)`.as('n')])
        .where('product_id', '=', product.id)
        .where('deleted_at', 'is', null)
        .groupBy('status')
        .execute();
      for (const status of FLOW_STATUSES) {
        const total = written.slots.reduce((sum, row) => sum + Number(row[status]), 0);
        const expected = Number(live.find((row) => row.status === status)?.n ?? 0);
        assert.equal(total, expected, `${status}: the slots sum to ${total}, the items say ${expected}`);
      }

      await db.transaction().execute((trx) => rebuildItemProjections(trx));
      assert.deepEqual(await projections(db), written);
    });
  });
}
