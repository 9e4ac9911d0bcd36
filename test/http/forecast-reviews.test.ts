/** The forecast and the strategic reviews over HTTP, on both databases. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateItemInput } from '../../src/schemas/item.ts';
import { createItem } from '../../src/services/items/create-item.ts';
import { updateItem } from '../../src/services/items/update-item.ts';
import {
  type Body,
  buildItem,
  buildProduct,
  buildUser,
  createTestApi,
  type TestApi,
} from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`forecast over HTTP (${dialect})`, () => {
    let api: TestApi;
    before(async () => {
      api = await createTestApi(dialect);
    });
    after(() => api.close());

    /** An item completed `daysAgo` days ago, through the service with that day's time. */
    const completed = async (productId: string, daysAgo: number) => {
      const at = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
      const actor = { id: api.ownerId, role: 'owner' as const };
      const item = await createItem({
        db: api.database.db,
        actor,
        now: at,
        productId,
        input: CreateItemInput.parse({ title: `Done ${daysAgo}`, estimate: 2 }),
      });
      await updateItem({ db: api.database.db, actor, now: at, id: item.id, input: { status: 'done' } });
    };

    it('forecasts initiatives and releases from the throughput of the last weeks, with its history', async () => {
      const p = await buildProduct(api);
      // Two items done every day for the last 28 days: 56 in the window.
      for (let day = 1; day <= 28; day++) {
        await completed(p.id, day);
        await completed(p.id, day);
      }
      const soon = await api.call('POST', `/products/${p.id}/initiatives`, {
        body: { title: 'Soon', horizon: 'now', targetDate: '2199-12-31' },
      });
      const never = await api.call('POST', `/products/${p.id}/initiatives`, {
        body: { title: 'Tomorrow', horizon: 'now', targetDate: new Date().toISOString().slice(0, 10) },
      });
      for (let i = 0; i < 6; i++) await buildItem(api, p.id, { initiativeId: soon.body.id, estimate: 1 });
      await buildItem(api, p.id, { initiativeId: never.body.id, estimate: 1 });
      const release = (
        await api.call('POST', `/products/${p.id}/releases`, {
          body: { name: '1.0', targetDate: '2199-06-30' },
        })
      ).body;
      await buildItem(api, p.id, { releaseId: release.id });

      const response = await api.call('GET', `/products/${p.id}/forecast?trials=2000`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const result = response.body;
      assert.equal(result.trials, 2000);
      assert.equal(result.unit, 'items');
      const stream = result.streams.find((s: Body) => s.streamId === 'product');
      assert.equal(stream.completed, 56);
      assert.equal(stream.tooShort, false);
      assert.equal(stream.daily.length, stream.days);
      const target = result.initiatives.find((i: Body) => i.id === soon.body.id);
      assert.equal(target.status, 'forecast');
      assert.equal(target.remainingItems, 6);
      assert.equal(target.sampleSize, 56);
      assert.ok(target.p50 <= target.p85 && target.p85 <= target.p95, JSON.stringify(target));
      assert.ok(target.p50 > result.today);
      assert.equal(target.probabilityOnTime, 1);
      assert.equal(target.atRisk, false);
      const late = result.initiatives.find((i: Body) => i.id === never.body.id);
      assert.equal(late.probabilityOnTime, 0, 'due today, with work open');
      assert.equal(late.atRisk, true);
      assert.equal(result.releases[0].id, release.id);
      assert.equal(result.releases[0].remainingItems, 1);

      // The server reads only the events since its last forecast: a completion, a reopening, the trash.
      const [first, second] = (await api.call('GET', `/products/${p.id}/items?status=done&limit=2`)).body
        .items as Body[];
      await completed(p.id, 3);
      assert.equal(
        (await api.call('PATCH', `/items/${first!.id}`, { body: { status: 'in_progress' } })).status,
        200,
      );
      assert.equal((await api.call('DELETE', `/items/${second!.id}`)).status, 200);
      const again = (await api.call('GET', `/products/${p.id}/forecast?trials=2000`)).body;
      assert.equal(again.streams.find((s: Body) => s.streamId === 'product').completed, 56 + 1 - 2);

      const bad = await api.call('GET', `/products/${p.id}/forecast?trials=5&unit=hours`);
      assert.equal(bad.status, 400);
      const fields = bad.body.error.details.issues.map((i: Body) => i.path).sort();
      assert.deepEqual(fields, ['trials', 'unit']);
    });

    it('gives no dates, only a warning, while the history is too short', async () => {
      const p = await buildProduct(api);
      for (let day = 1; day <= 4; day++) await completed(p.id, day);
      const goal = await api.call('POST', `/products/${p.id}/initiatives`, { body: { title: 'Goal' } });
      await buildItem(api, p.id, { initiativeId: goal.body.id });
      const result = (await api.call('GET', `/products/${p.id}/forecast`)).body;
      const [target] = result.initiatives;
      assert.equal(target.status, 'insufficient-history');
      assert.equal(target.p50, null);
      assert.equal(target.p85, null);
      assert.match(target.warning, /only 4 items completed/);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`strategic reviews over HTTP (${dialect})`, () => {
    let api: TestApi;
    before(async () => {
      api = await createTestApi(dialect);
    });
    after(() => api.close());

    it('shows the figures of the moment, records decisions with a snapshot, and counts changes from it', async () => {
      const p = await buildProduct(api);
      const goal = (
        await api.call('POST', `/products/${p.id}/initiatives`, {
          body: { title: 'Checkout', horizon: 'next' },
        })
      ).body;
      await buildItem(api, p.id, { initiativeId: goal.id });
      await buildItem(api, p.id, { title: 'Orphan' });

      const figures = (await api.call('GET', `/products/${p.id}/review-figures`)).body;
      assert.equal(figures.previousReviewId, null);
      assert.equal(figures.snapshot.alignment.openItems, 2);
      assert.equal(figures.snapshot.alignment.orphanItems, 1);
      assert.equal(figures.snapshot.forecast[0].initiativeId, goal.id);
      assert.equal(figures.snapshot.changesTotal, 1, 'the initiative was added');

      const bad = await api.call('POST', `/products/${p.id}/reviews`, { body: { decisions: ' ' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'decisions');
      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${p.id}/members/${viewer.user.id}`);
      const refused = await api.call('POST', `/products/${p.id}/reviews`, {
        body: { decisions: 'x' },
        token: viewer.token,
      });
      assert.equal(refused.status, 403);

      const created = await api.call('POST', `/products/${p.key}/reviews`, {
        body: { decisions: 'Keep checkout in next; link the orphan.' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.decisions, 'Keep checkout in next; link the orphan.');
      assert.deepEqual(created.body.snapshot.alignment, figures.snapshot.alignment);
      assert.equal(created.body.createdBy, api.ownerId);

      // After the review, only what changes next counts.
      const after = (await api.call('GET', `/products/${p.id}/review-figures`)).body;
      assert.equal(after.previousReviewId, created.body.id);
      assert.equal(after.snapshot.changesTotal, 0);
      await api.call('PATCH', `/initiatives/${goal.id}`, { body: { horizon: 'now' } });
      const moved = (await api.call('GET', `/products/${p.id}/alignment`)).body;
      const change = moved.drift.filter((d: Body) => d.kind === 'roadmap_changed');
      assert.equal(change.length, 1);
      assert.match(change[0].message, /"Checkout" moved from next to now/);

      await api.call('POST', `/products/${p.id}/reviews`, { body: { decisions: 'Second' } });
      const list = (await api.call('GET', `/products/${p.id}/reviews`, { token: viewer.token })).body.reviews;
      assert.deepEqual(
        list.map((r: Body) => r.decisions),
        ['Second', 'Keep checkout in next; link the orphan.'],
      );
      assert.equal(list[0].snapshot.changes[0].field, 'horizon');
      const events = (await api.call('GET', `/products/${p.id}/events?limit=500`)).body.events;
      assert.equal(events.filter((e: Body) => e.entityType === 'review').length, 2);
    });
  });
}
