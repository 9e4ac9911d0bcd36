import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HIDDEN_ITEM_LABEL } from '../../src/domain/hidden-item.ts';
import { CreateItemInput } from '../../src/schemas/item.ts';
import { createItem } from '../../src/services/items/create-item.ts';
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
  describe(`alignment, dependency map and sequence over HTTP (${dialect})`, () => {
    let api: TestApi;
    let outsider: { user: Body; token: string };

    before(async () => {
      api = await createTestApi(dialect);
      outsider = await buildUser(api, 'editor');
    });
    after(() => api.close());

    const get = async (path: string) => {
      const response = await api.call('GET', path);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    };
    const initiative = async (productId: string, body: Record<string, unknown>) => {
      const response = await api.call('POST', `/products/${productId}/initiatives`, { body });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body;
    };
    const block = async (blocker: Body, blocked: Body) => {
      const response = await api.call('POST', `/items/${blocked.id}/dependencies`, {
        body: { blockedBy: blocker.id },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
    };

    it('measures coverage, orphan work, initiatives without work and drift', async () => {
      const p = await buildProduct(api);
      const theme = (await api.call('POST', `/products/${p.id}/themes`, { body: { name: 'Payments' } })).body;
      const objective = (
        await api.call('POST', `/products/${p.id}/objectives`, { body: { title: 'Grow revenue' } })
      ).body;
      const now = await initiative(p.id, {
        title: 'Card payments',
        horizon: 'now',
        themeId: theme.id,
        objectiveIds: [objective.id],
        targetDate: '2020-01-31',
      });
      const empty = await initiative(p.id, { title: 'Wallets', horizon: 'next' });
      await initiative(p.id, { title: 'Crypto', horizon: 'later' });
      const later = await initiative(p.id, { title: 'Loyalty', horizon: 'later' });
      await buildItem(api, p.id, { initiativeId: now.id, estimate: 3 });
      await buildItem(api, p.id, { initiativeId: now.id, estimate: 5, status: 'done' });
      const orphan = await buildItem(api, p.id, { title: 'Fix typo', estimate: 1 });
      const sprint = (
        await api.call('POST', `/products/${p.id}/sprints`, {
          body: { name: 'S1', startDate: '2026-11-30', endDate: '2026-12-11' },
        })
      ).body;
      const early = await buildItem(api, p.id, { initiativeId: later.id, estimate: 4, sprintId: sprint.id });
      assert.equal((await api.call('POST', `/sprints/${sprint.id}/start`)).status, 200);

      const report = await get(`/products/${p.key}/alignment`);
      assert.ok(report.asOf > 0);
      assert.deepEqual(report.coverage.total, { items: 3, points: 8 });
      assert.equal(report.coverage.linked.items, 2);
      assert.equal(report.coverage.linked.itemShare, 0.667);
      assert.equal(report.coverage.linked.pointShare, 0.875);
      const payments = report.coverage.byTheme.find((t: Body) => t.themeId === theme.id);
      assert.equal(payments.items, 1);
      assert.equal(payments.points, 3);
      assert.equal(report.coverage.byObjective[0].objectiveId, objective.id);
      assert.equal(report.coverage.byObjective[0].points, 3);
      assert.deepEqual(report.orphanItems, [{ itemId: orphan.id, key: orphan.key, title: 'Fix typo' }]);
      assert.equal(report.orphanTotal, 1);
      assert.deepEqual(
        report.initiativesWithoutWork.map((i: Body) => i.initiativeId),
        [empty.id],
      );
      const kinds = report.drift.map((d: Body) => [d.kind, d.initiativeId]);
      assert.ok(kinds.some(([k, i]: string[]) => k === 'now_without_progress' && i === now.id));
      assert.ok(kinds.some(([k, i]: string[]) => k === 'past_target_with_open_work' && i === now.id));
      const forLater = report.drift.find((d: Body) => d.kind === 'sprint_work_for_later');
      assert.equal(forLater.itemId, early.id);
      assert.match(forLater.message, /Loyalty/);
      // No review yet: the roadmap's changes of the last 30 days, such as the initiatives added.
      assert.ok(report.drift.some((d: Body) => d.kind === 'roadmap_changed' && /Wallets/.test(d.message)));

      await api.call('PATCH', `/initiatives/${later.id}`, { body: { status: 'dropped' } });
      const again = await get(`/products/${p.id}/alignment`);
      assert.ok(again.asOf > report.asOf);
      assert.ok(
        again.drift.some(
          (d: Body) => d.kind === 'sprint_work_for_closed_initiative' && d.itemId === early.id,
        ),
      );
      assert.ok(again.drift.some((d: Body) => /Loyalty" went from proposed to dropped/.test(d.message)));
      assert.equal(
        (await api.call('GET', `/products/${p.id}/alignment`, { token: outsider.token })).status,
        404,
      );
    });

    it('maps dependencies with blocked items, the critical path, externals and hidden items', async () => {
      const p = await buildProduct(api);
      const goal = await initiative(p.id, { title: 'Checkout', horizon: 'now' });
      const a = await buildItem(api, p.id, { title: 'Schema', estimate: 5, initiativeId: goal.id });
      const b = await buildItem(api, p.id, { title: 'API', estimate: 3, initiativeId: goal.id });
      const c = await buildItem(api, p.id, { title: 'UI', estimate: 8 });
      const d = await buildItem(api, p.id, { title: 'Small', estimate: 1 });
      await buildItem(api, p.id, { title: 'Alone', estimate: 10 });
      await block(a, b);
      await block(b, c);
      await block(d, c);
      const external = (
        await api.call('POST', `/items/${a.id}/external-dependencies`, {
          body: { title: 'Bank approval', expectedDate: '2020-01-01' },
        })
      ).body;
      const theirs = await buildProduct(api);
      const secret = await buildItem(api, theirs.id, { title: 'Acquire Initech' });
      await block(secret, d);

      const map = await get(`/products/${p.id}/dependency-graph`);
      assert.deepEqual(map.criticalPath, [a.id, b.id, c.id]);
      assert.equal(map.criticalPoints, 16);
      assert.equal(map.truncated, false);
      const node = (id: string) => map.nodes.find((n: Body) => n.id === id);
      assert.equal(node(a.id).blocked, true, 'waits on the bank');
      assert.equal(node(a.id).waitingOnOverdue, true);
      assert.equal(node(b.id).blocked, true);
      assert.equal(node(b.id).onCriticalPath, true);
      assert.equal(node(d.id).onCriticalPath, false);
      assert.equal(node(goal.id).kind, 'initiative');
      assert.equal(node(goal.id).waitingOnOverdue, true);
      assert.equal(node(external.id).overdue, true);
      assert.ok(!map.nodes.some((n: Body) => n.title === 'Alone'), 'no dependency, not on the map');
      assert.ok(map.edges.some((e: Body) => e.from === a.id && e.to === b.id && e.kind === 'blocks'));
      assert.ok(map.edges.some((e: Body) => e.from === a.id && e.to === goal.id && e.kind === 'serves'));

      const member = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${p.id}/members/${member.user.id}`);
      const seen = (await api.call('GET', `/products/${p.id}/dependency-graph`, { token: member.token }))
        .body;
      const hidden = seen.nodes.find((n: Body) => n.foreign);
      assert.equal(hidden.title, HIDDEN_ITEM_LABEL);
      assert.equal(hidden.key, null);
      assert.equal(hidden.status, null);
      assert.ok(!JSON.stringify(seen).includes(secret.id));

      const scoped = await get(`/products/${p.id}/dependency-graph?initiativeId=${goal.id}`);
      assert.deepEqual(
        scoped.nodes
          .filter((n: Body) => n.kind === 'item')
          .map((n: Body) => n.id)
          .sort(),
        [a.id, b.id, c.id].sort(),
        "the initiative's items and their neighbours",
      );
      assert.deepEqual(scoped.criticalPath, map.criticalPath, 'the path is the whole product’s');
      const unknown = await api.call('GET', `/products/${p.id}/dependency-graph?initiativeId=${theirs.id}`);
      assert.equal(unknown.status, 404);
    });

    it('suggests a dependency-respecting order and applies it as one move event each', async () => {
      const p = await buildProduct(api);
      const top = await buildItem(api, p.id, { title: 'Top' });
      const middle = await buildItem(api, p.id, { title: 'Middle' });
      const bottom = await buildItem(api, p.id, { title: 'Bottom' });
      const plain = await get(`/products/${p.id}/sequence`);
      assert.deepEqual(plain.order, [top.id, middle.id, bottom.id], 'no dependency: the rank order');
      assert.deepEqual(plain.moves, []);

      await block(bottom, top);
      const response = await api.call('GET', `/products/${p.id}/sequence`);
      const etag = response.headers.get('etag');
      assert.ok(etag);
      assert.deepEqual(response.body.order, [bottom.id, top.id, middle.id], 'the blocker is pulled up');
      assert.deepEqual(response.body.moves, [
        { itemId: bottom.id, beforeItemId: top.id, blockedIds: [top.id], blockerIds: [] },
      ]);

      // Someone moves an item meanwhile: the stale sequence is refused and nothing moves.
      await api.call('POST', `/items/${middle.id}/move`, { body: { beforeId: top.id } });
      const stale = await api.call('POST', `/products/${p.id}/sequence/apply`, {
        headers: { 'if-match': etag! },
      });
      assert.equal(stale.status, 412);
      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${p.id}/members/${viewer.user.id}`);
      const refused = await api.call('POST', `/products/${p.id}/sequence/apply`, { token: viewer.token });
      assert.equal(refused.status, 403);

      const fresh = await api.call('GET', `/products/${p.id}/sequence`);
      const applied = await api.call('POST', `/products/${p.id}/sequence/apply`, {
        headers: { 'if-match': fresh.headers.get('etag')! },
      });
      assert.equal(applied.status, 200, JSON.stringify(applied.body));
      assert.equal(applied.body.applied, 1);
      assert.deepEqual(applied.body.moves, [], 'nothing left to move');
      const backlog = (await api.call('GET', `/products/${p.id}/backlog`)).body.items.map((i: Body) => i.id);
      assert.deepEqual(backlog, [middle.id, bottom.id, top.id]);
      const events = (await api.call('GET', `/products/${p.id}/events?limit=500`)).body.events;
      const moves = events.filter(
        (e: Body) => e.entityId === bottom.id && e.action !== 'created' && e.changes.rank,
      );
      assert.equal(moves.length, 1, 'one event for the move');
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`grooming report over HTTP (${dialect})`, () => {
    let api: TestApi;
    before(async () => {
      api = await createTestApi(dialect);
    });
    after(() => api.close());

    it('lists what to refine, with duplicates, depth and when the backlog was last refined', async () => {
      const p = await buildProduct(api);
      const actor = { id: api.ownerId, role: 'owner' as const };
      const old = await createItem({
        db: api.database.db,
        actor,
        now: new Date(Date.now() - 45 * 86_400_000).toISOString(),
        productId: p.id,
        input: CreateItemInput.parse({ title: 'Forgotten idea', type: 'task' }),
      });
      const ready = { type: 'task', acceptanceCriteria: [{ text: 'works' }] };
      const big = await buildItem(api, p.id, { ...ready, title: 'Rebuild everything', estimate: 40 });
      const goal = (await api.call('POST', `/products/${p.id}/initiatives`, { body: { title: 'Polish' } }))
        .body;
      const tiny = [];
      for (const title of ['Fix margin', 'Fix colour', 'Fix icon']) {
        tiny.push(await buildItem(api, p.id, { ...ready, title, estimate: 1, initiativeId: goal.id }));
      }
      const a = await buildItem(api, p.id, {
        ...ready,
        title: 'Export the invoice list as CSV',
        estimate: 3,
      });
      const b = await buildItem(api, p.id, {
        ...ready,
        title: 'Export invoice list to CSV',
        estimate: 3,
      });
      const dropped = (
        await api.call('POST', `/products/${p.id}/initiatives`, {
          body: { title: 'Old plan', status: 'dropped' },
        })
      ).body;
      const leftover = await buildItem(api, p.id, {
        ...ready,
        title: 'Leftover',
        estimate: 2,
        initiativeId: dropped.id,
      });

      const response = await api.call('GET', `/products/${p.id}/grooming`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const report = response.body;
      assert.deepEqual(
        report.stale.items.map((i: Body) => i.itemId),
        [old.id],
      );
      assert.ok(report.stale.items[0].days >= 44);
      assert.equal(report.stale.staleDays, 30);
      assert.deepEqual(
        report.oversized.items.map((i: Body) => [i.itemId, i.limit]),
        [[big.id, 13]],
      );
      assert.equal(report.undersized[0].initiativeId, goal.id);
      assert.deepEqual(
        report.undersized[0].items.map((i: Body) => i.itemId),
        tiny.map((i) => i.id),
      );
      assert.deepEqual(report.duplicates[0].itemIds, [a.id, b.id], 'the higher-ranked item first');
      assert.ok(report.duplicates[0].score >= 0.6);
      assert.deepEqual(
        report.servingClosedInitiatives.items.map((i: Body) => [i.itemId, i.initiativeStatus]),
        [[leftover.id, 'dropped']],
      );
      // No velocity yet: near the top is the first 20 items; the forgotten one has no estimate.
      const notReady = report.notReadyNearTop.items.find((i: Body) => i.itemId === old.id);
      assert.deepEqual(
        notReady.reasons.map((r: Body) => r.code),
        ['no_estimate', 'no_acceptance_criteria'],
      );
      assert.equal(
        report.notReadyNearTop.items.find((i: Body) => i.itemId === big.id).reasons[0].code,
        'too_large',
      );
      assert.equal(report.depth.velocity, null);
      assert.equal(report.depth.sprints, null);
      assert.equal(report.depth.readyItems, 6);
      assert.equal(report.depth.readyPoints, 11);
      assert.equal(report.lastRefinedAt, null, 'nothing edited yet');

      await api.call('PATCH', `/items/${old.id}`, { body: { estimate: 2 } });
      const again = (await api.call('GET', `/products/${p.id}/grooming?staleDays=90`)).body;
      assert.ok(again.lastRefinedAt);
      assert.deepEqual(again.stale.items, []);
      const bad = await api.call('GET', `/products/${p.id}/grooming?staleDays=0`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'staleDays');
    });
  });
}
