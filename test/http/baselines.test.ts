import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Body, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`roadmap baselines and their diff over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let editor: { user: Body; token: string };
    let viewer: { user: Body; token: string };
    const initiative = async (body: Record<string, unknown>) => {
      const created = await api.call('POST', `/products/${product.id}/initiatives`, { body });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body;
    };
    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      editor = await buildUser(api, 'editor');
      viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${editor.user.id}`);
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
    });
    after(() => api.close());

    it('saves a baseline, then lists what changed since, with who changed it and when', async () => {
      const moving = await initiative({ title: 'Billing', horizon: 'now', confidence: 'committed' });
      const redated = await initiative({
        title: 'Search',
        startDate: '2026-01-05',
        targetDate: '2026-03-31',
      });
      const unsure = await initiative({ title: 'Exports', confidence: 'committed' });
      const doomed = await initiative({ title: 'Legacy' });
      const saved = await api.call('POST', `/products/${product.id}/roadmap-baselines`, {
        body: { name: 'Q3 plan' },
      });
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
      assert.equal(saved.headers.get('etag'), '"1"');
      assert.equal(saved.body.initiativeCount, 4);
      assert.deepEqual(
        saved.body.initiatives.map((i: Body) => i.title),
        ['Billing', 'Search', 'Exports', 'Legacy'],
      );
      const baselineId = saved.body.id;

      const empty = await api.call('GET', `/roadmap-baselines/${baselineId}/diff?against=now`);
      assert.equal(empty.status, 200, JSON.stringify(empty.body));
      assert.deepEqual([empty.body.added, empty.body.removed, empty.body.changes], [[], [], []]);

      const as = (token: string, method: string, path: string, body?: unknown) =>
        api.call(method, path, { token, body });
      assert.equal(
        (
          await as(editor.token, 'PATCH', `/initiatives/${moving.id}`, {
            horizon: 'next',
            announcement: 'Later',
          })
        ).status,
        200,
      );
      await api.call('PATCH', `/initiatives/${redated.id}`, { body: { targetDate: '2026-05-29' } });
      await as(editor.token, 'PATCH', `/initiatives/${unsure.id}`, { confidence: 'planned' });
      await api.call('DELETE', `/initiatives/${doomed.id}`);
      const added = await initiative({ title: 'Mobile' });

      const diff = await api.call('GET', `/roadmap-baselines/${baselineId}/diff`);
      assert.equal(diff.status, 200, JSON.stringify(diff.body));
      assert.deepEqual(
        diff.body.added.map((a: Body) => [a.initiative.id, a.by.actorId]),
        [[added.id, api.ownerId]],
      );
      assert.deepEqual(
        diff.body.removed.map((r: Body) => [r.initiative.title, r.by.actorId]),
        [['Legacy', api.ownerId]],
        'trashed after the baseline: removed',
      );
      assert.deepEqual(
        diff.body.changes.map((c: Body) => [c.title, c.kind, c.before, c.after, c.by.actorId]),
        [
          ['Billing', 'moved', 'now', 'next', editor.user.id],
          ['Search', 'dates', '2026-03-31', '2026-05-29', api.ownerId],
          ['Exports', 'confidence', 'committed', 'planned', editor.user.id],
        ],
      );
      for (const change of diff.body.changes) assert.match(change.by.at, /^\d{4}-\d\d-\d\dT/);
      assert.equal(diff.body.to.baselineId, null);
      assert.ok(diff.body.to.asOf > diff.body.from.asOf);

      // A second baseline: the diff between the two is the same, either way round.
      const second = await api.call('POST', `/products/${product.id}/roadmap-baselines`, {
        body: { name: 'Q4 plan' },
      });
      await api.call('PATCH', `/initiatives/${added.id}`, { body: { horizon: 'now' } });
      const between = await api.call(
        'GET',
        `/roadmap-baselines/${baselineId}/diff?against=${second.body.id}`,
      );
      assert.equal(between.status, 200, JSON.stringify(between.body));
      assert.deepEqual(between.body.changes, diff.body.changes);
      assert.deepEqual(between.body.added, diff.body.added, 'the later move of Mobile is after the second');
      const reversed = await api.call(
        'GET',
        `/roadmap-baselines/${second.body.id}/diff?against=${baselineId}`,
      );
      assert.equal(reversed.body.from.baselineId, baselineId, 'the older baseline is the start');
      assert.deepEqual(reversed.body.changes, diff.body.changes);
      const sinceSecond = await api.call('GET', `/roadmap-baselines/${second.body.id}/diff?against=now`);
      assert.deepEqual(
        sinceSecond.body.changes.map((c: Body) => [c.title, c.after]),
        [['Mobile', 'now']],
      );

      // Restoring the trashed initiative: no longer removed.
      await api.call('POST', `/initiatives/${doomed.id}/restore`);
      const restored = await api.call('GET', `/roadmap-baselines/${baselineId}/diff?against=now`);
      assert.deepEqual(restored.body.removed, []);

      const list = await api.call('GET', `/products/${product.key}/roadmap-baselines`, {
        token: viewer.token,
      });
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.roadmapBaselines.map((b: Body) => b.name),
        ['Q4 plan', 'Q3 plan'],
      );
      assert.equal(list.body.roadmapBaselines[0].initiatives, undefined, 'summaries only');
    });

    it('renames with If-Match, keeps names unique, trashes and restores, and records each as an event', async () => {
      const own = await buildProduct(api);
      const created = await api.call('POST', `/products/${own.id}/roadmap-baselines`, {
        body: { name: 'H1' },
      });
      assert.equal(created.status, 201);
      const duplicate = await api.call('POST', `/products/${own.id}/roadmap-baselines`, {
        body: { name: ' h1 ' },
      });
      assert.equal(duplicate.status, 409);
      assert.equal(duplicate.body.error.details.issues[0].path, 'name');
      const renamed = await api.call('PATCH', `/roadmap-baselines/${created.body.id}`, {
        headers: { 'if-match': '"1"' },
        body: { name: 'H1 plan' },
      });
      assert.equal(renamed.status, 200);
      assert.equal(renamed.headers.get('etag'), '"2"');
      const stale = await api.call('PATCH', `/roadmap-baselines/${created.body.id}`, {
        headers: { 'if-match': '"1"' },
        body: { name: 'Again' },
      });
      assert.equal(stale.status, 412);
      const bad = await api.call('POST', `/products/${own.id}/roadmap-baselines`, {
        body: { name: 'x'.repeat(81) },
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'name');
      const badAgainst = await api.call('GET', `/roadmap-baselines/${created.body.id}/diff?against=soon`);
      assert.equal(badAgainst.status, 400);

      assert.equal((await api.call('DELETE', `/roadmap-baselines/${created.body.id}`)).status, 200);
      assert.equal((await api.call('GET', `/roadmap-baselines/${created.body.id}`)).status, 404);
      const trash = await api.call('GET', `/products/${own.id}/trash`);
      assert.deepEqual(
        trash.body.roadmapBaselines.map((b: Body) => b.name),
        ['H1 plan'],
      );
      assert.deepEqual(
        (await api.call('GET', `/products/${own.id}/roadmap-baselines`)).body.roadmapBaselines,
        [],
      );
      assert.equal((await api.call('POST', `/roadmap-baselines/${created.body.id}/restore`)).status, 200);
      const events = (await api.call('GET', `/products/${own.id}/events?limit=500`)).body.events;
      assert.deepEqual(
        events.filter((e: Body) => e.entityType === 'roadmap_baseline').map((e: Body) => e.action),
        ['created', 'updated', 'deleted', 'restored'],
      );

      // Baselines of two products are not compared.
      const other = await api.call('POST', `/products/${product.id}/roadmap-baselines`, {
        body: { name: 'Other' },
      });
      const across = await api.call(
        'GET',
        `/roadmap-baselines/${created.body.id}/diff?against=${other.body.id}`,
      );
      assert.equal(across.status, 400);
      assert.equal(across.body.error.details.issues[0].path, 'against');
    });

    it('lets a viewer read but not write, and hides baselines from non-members', async () => {
      const saved = await api.call('POST', `/products/${product.id}/roadmap-baselines`, {
        body: { name: 'Seen' },
      });
      const read = await api.call('GET', `/roadmap-baselines/${saved.body.id}`, { token: viewer.token });
      assert.equal(read.status, 200);
      const diff = await api.call('GET', `/roadmap-baselines/${saved.body.id}/diff`, { token: viewer.token });
      assert.equal(diff.status, 200);
      const refused = await api.call('POST', `/products/${product.id}/roadmap-baselines`, {
        token: viewer.token,
        body: { name: 'Mine' },
      });
      assert.equal(refused.status, 403);
      const rename = await api.call('PATCH', `/roadmap-baselines/${saved.body.id}`, {
        token: viewer.token,
        body: { name: 'Mine' },
      });
      assert.equal(rename.status, 403);
      const outsider = await buildUser(api, 'editor');
      for (const path of [
        `/roadmap-baselines/${saved.body.id}`,
        `/roadmap-baselines/${saved.body.id}/diff`,
        `/products/${product.id}/roadmap-baselines`,
        `/products/${product.id}/roadmap-changelog`,
      ]) {
        assert.equal((await api.call('GET', path, { token: outsider.token })).status, 404, path);
      }
      const create = await api.call('POST', `/products/${product.id}/roadmap-baselines`, {
        token: outsider.token,
        body: { name: 'Theirs' },
      });
      assert.equal(create.status, 404);
    });
  });
}
