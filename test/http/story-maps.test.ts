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

for (const dialect of DIALECTS) {
  describe(`story maps over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let release1: Body;
    let release2: Body;
    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      release1 = (await api.call('POST', `/products/${product.id}/releases`, { body: { name: 'MVP' } })).body;
      release2 = (await api.call('POST', `/products/${product.id}/releases`, { body: { name: '2.0' } })).body;
    });
    after(() => api.close());

    /** Applies one operation; asserts success unless `status` says otherwise. */
    const op = async (mapId: string, body: Body, options: { status?: number; ifMatch?: string } = {}) => {
      const response = await api.call('POST', `/story-maps/${mapId}/operations`, {
        body,
        ...(options.ifMatch && { headers: { 'if-match': options.ifMatch } }),
      });
      assert.equal(response.status, options.status ?? 200, JSON.stringify(response.body));
      return response;
    };

    const newMap = async (name: string, extra: Body = {}) => {
      const created = await api.call('POST', `/products/${product.id}/story-maps`, {
        body: { name, ...extra },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body;
    };

    it('builds a backbone, places stories, and orders everything as asked', async () => {
      const map = await newMap('Checkout journey');
      assert.equal(map.version, 1);
      assert.deepEqual(map.activities, []);
      let body = (await op(map.id, { op: 'addActivity', title: 'Pay' })).body;
      body = (await op(map.id, { op: 'addActivity', title: 'Browse', position: 0 })).body;
      assert.deepEqual(
        body.activities.map((a: Body) => a.title),
        ['Browse', 'Pay'],
      );
      const [browse, pay] = body.activities;
      body = (await op(map.id, { op: 'addStep', activityId: pay.id, title: 'Enter card' })).body;
      body = (await op(map.id, { op: 'addStep', activityId: browse.id, title: 'Search' })).body;
      body = (await op(map.id, { op: 'addStep', activityId: browse.id, title: 'Filter' })).body;
      assert.deepEqual(
        body.steps.map((s: Body) => s.title),
        ['Search', 'Filter', 'Enter card'],
      );
      const [search, filter] = body.steps;
      const a = await buildItem(api, product.id, { title: 'Search by name', estimate: 3 });
      const b = await buildItem(api, product.id, { title: 'Search by tag', estimate: 5 });
      await op(map.id, { op: 'placeStory', itemId: a.id, stepId: search.id });
      body = (await op(map.id, { op: 'placeStory', itemId: b.id, stepId: search.id, position: 0 })).body;
      assert.deepEqual(
        body.cards.map((c: Body) => c.key),
        [b.key, a.key],
      );
      assert.equal(body.cards[0].estimate, 5);
      body = (await op(map.id, { op: 'moveStory', itemId: b.id, stepId: filter.id })).body;
      assert.deepEqual(
        body.cards.map((c: Body) => [c.key, c.stepId]),
        [
          [a.key, search.id],
          [b.key, filter.id],
        ],
      );
      body = (await op(map.id, { op: 'moveActivity', activityId: pay.id, position: 0 })).body;
      assert.deepEqual(
        body.steps.map((s: Body) => s.title),
        ['Enter card', 'Search', 'Filter'],
      );
      body = (await op(map.id, { op: 'renameStep', stepId: filter.id, title: 'Narrow down' })).body;
      body = (await op(map.id, { op: 'removeStep', stepId: filter.id })).body;
      assert.deepEqual(
        body.cards.map((c: Body) => c.key),
        [a.key],
        'the step’s stories leave the map with it',
      );
      const dup = await op(map.id, { op: 'placeStory', itemId: a.id, stepId: search.id }, { status: 400 });
      assert.equal(dup.body.error.details.issues[0].path, 'itemId');

      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events.filter(
        (e: Body) => e.entityType === 'story_map' && e.entityId === map.id,
      );
      assert.equal(events.length, body.version, 'one event per version');
      assert.ok(events.some((e: Body) => e.changes.operation?.[1] === 'renameStep'));
    });

    it('honours If-Match on operations and on PATCH', async () => {
      const map = await newMap('Versions');
      const first = await op(map.id, { op: 'addActivity', title: 'One' }, { ifMatch: '"1"' });
      assert.equal(first.headers.get('etag'), '"2"');
      const stale = await op(map.id, { op: 'addActivity', title: 'Two' }, { ifMatch: '"1"', status: 412 });
      assert.equal(stale.body.error.code, 'version_conflict');
      const renamed = await api.call('PATCH', `/story-maps/${map.id}`, {
        headers: { 'if-match': '"2"' },
        body: { name: 'Versions renamed' },
      });
      assert.equal(renamed.status, 200);
      const again = await api.call('PATCH', `/story-maps/${map.id}`, {
        headers: { 'if-match': '"2"' },
        body: { name: 'Again' },
      });
      assert.equal(again.status, 412);
    });

    it('slices stories by their items’ releases; a move across a line changes the release with an item event', async () => {
      const map = await newMap('Sliced');
      let body = (await op(map.id, { op: 'addActivity', title: 'Act' })).body;
      body = (await op(map.id, { op: 'addStep', activityId: body.activities[0].id, title: 'Step' })).body;
      const step = body.steps[0];
      await op(map.id, { op: 'addSlice', name: 'Walking skeleton', releaseId: release1.id });
      body = (await op(map.id, { op: 'addSlice', name: 'Later', releaseId: release2.id })).body;
      const [mvp, later] = body.slices;
      assert.equal(mvp.targetName, 'MVP');
      const done = await buildItem(api, product.id, { estimate: 2, status: 'done', releaseId: release1.id });
      const open = await buildItem(api, product.id, { estimate: 3, releaseId: release1.id });
      const loose = await buildItem(api, product.id, { estimate: 8 });
      for (const item of [done, open, loose])
        await op(map.id, { op: 'placeStory', itemId: item.id, stepId: step.id });
      body = (await api.call('GET', `/story-maps/${map.id}`)).body;
      assert.deepEqual(body.slices[0].figures, { points: 5, items: 2, doneItems: 1, doneShare: 0.5 });
      assert.deepEqual(body.unplanned, { points: 8, items: 1, doneItems: 0, doneShare: 0 });
      assert.equal(body.cards.find((c: Body) => c.itemId === loose.id).sliceId, null);

      body = (
        await op(map.id, {
          op: 'moveStory',
          itemId: open.id,
          stepId: step.id,
          sliceId: later.id,
          itemVersion: open.version,
        })
      ).body;
      assert.equal(body.cards.find((c: Body) => c.itemId === open.id).sliceId, later.id);
      assert.deepEqual(body.slices[1].figures, { points: 3, items: 1, doneItems: 0, doneShare: 0 });
      const item = (await api.call('GET', `/items/${open.id}`)).body;
      assert.equal(item.releaseId, release2.id);
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      const itemEvent = events.find(
        (e: Body) => e.entityType === 'item' && e.entityId === open.id && e.action === 'updated',
      );
      assert.deepEqual(itemEvent.changes.releaseId, [release1.id, release2.id]);

      const stale = await op(
        map.id,
        { op: 'moveStory', itemId: open.id, stepId: step.id, sliceId: null, itemVersion: open.version },
        { status: 412 },
      );
      assert.equal(stale.body.error.code, 'version_conflict');
      assert.equal(
        (await api.call('GET', `/items/${open.id}`)).body.releaseId,
        release2.id,
        'nothing changed',
      );
      body = (
        await op(map.id, {
          op: 'placeStory',
          itemId: (await buildItem(api, product.id)).id,
          stepId: step.id,
          sliceId: mvp.id,
        })
      ).body;
      assert.equal(body.slices[0].figures.items, 2);
      body = (await op(map.id, { op: 'moveStory', itemId: open.id, stepId: step.id, sliceId: null })).body;
      assert.equal((await api.call('GET', `/items/${open.id}`)).body.releaseId, null);
    });

    it('reports the three kinds of gaps', async () => {
      const initiative = (
        await api.call('POST', `/products/${product.id}/initiatives`, { body: { title: 'Growth' } })
      ).body;
      const map = await newMap('Gaps', { initiativeId: initiative.id });
      let body = (await op(map.id, { op: 'addActivity', title: 'Act' })).body;
      await op(map.id, { op: 'addStep', activityId: body.activities[0].id, title: 'Covered' });
      body = (await op(map.id, { op: 'addStep', activityId: body.activities[0].id, title: 'Bare' })).body;
      const [covered, bare] = body.steps;
      await op(map.id, { op: 'addSlice', name: 'Skeleton', releaseId: release1.id });
      const inSkeleton = await buildItem(api, product.id, {
        releaseId: release1.id,
        initiativeId: initiative.id,
      });
      const doomed = await buildItem(api, product.id);
      const unmapped = await buildItem(api, product.id, {
        initiativeId: initiative.id,
        title: 'Not on a map',
      });
      await op(map.id, { op: 'placeStory', itemId: inSkeleton.id, stepId: covered.id });
      await op(map.id, { op: 'placeStory', itemId: doomed.id, stepId: bare.id });
      assert.equal((await api.call('DELETE', `/items/${doomed.id}`)).status, 200);
      const gaps = (await api.call('GET', `/story-maps/${map.id}/gaps`)).body;
      assert.deepEqual(gaps.skeletonSteps, [bare.id]);
      assert.deepEqual(gaps.trashedItems, [doomed.id]);
      assert.deepEqual(
        gaps.unmappedItems.map((i: Body) => i.key),
        [unmapped.key],
      );
      const full = (await api.call('GET', `/story-maps/${map.id}`)).body;
      assert.equal(full.cards.find((c: Body) => c.itemId === doomed.id).trashed, true);
    });

    it('refuses foreign releases, sprints and items, and names the field', async () => {
      const other = await buildProduct(api);
      const foreignRelease = (
        await api.call('POST', `/products/${other.id}/releases`, { body: { name: 'X' } })
      ).body;
      const foreignItem = await buildItem(api, other.id);
      const map = await newMap('Foreign');
      let body = (await op(map.id, { op: 'addActivity', title: 'Act' })).body;
      body = (await op(map.id, { op: 'addStep', activityId: body.activities[0].id, title: 'S' })).body;
      const paths = async (operation: Body) =>
        (await op(map.id, operation, { status: 400 })).body.error.details.issues.map((i: Body) => i.path);
      assert.deepEqual(await paths({ op: 'addSlice', name: 'X', releaseId: foreignRelease.id }), [
        'releaseId',
      ]);
      assert.deepEqual(await paths({ op: 'addSlice', name: 'X' }), ['releaseId']);
      assert.deepEqual(await paths({ op: 'placeStory', itemId: foreignItem.id, stepId: body.steps[0].id }), [
        'itemId',
      ]);
      assert.deepEqual(await paths({ op: 'addStep', activityId: foreignItem.id, title: 'S' }), [
        'activityId',
      ]);
      assert.deepEqual(await paths({ op: 'addActivity', title: '' }), ['title']);
      assert.deepEqual(await paths({ op: 'nope' }), ['op']);
      await op(map.id, { op: 'addSlice', name: 'One', releaseId: release1.id });
      assert.deepEqual(await paths({ op: 'addSlice', name: 'Two', releaseId: release1.id }), ['releaseId']);
      const bad = await api.call('POST', `/products/${product.id}/story-maps`, {
        body: { name: 'Bad', initiativeId: foreignItem.id },
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'initiativeId');
    });

    it('lets viewers read but not write, and hides maps from non-members', async () => {
      const map = await newMap('Access');
      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      assert.equal((await api.call('GET', `/story-maps/${map.id}`, { token: viewer.token })).status, 200);
      const refused = await api.call('POST', `/story-maps/${map.id}/operations`, {
        token: viewer.token,
        body: { op: 'addActivity', title: 'No' },
      });
      assert.equal(refused.status, 403);
      const stranger = await buildUser(api, 'editor');
      assert.equal((await api.call('GET', `/story-maps/${map.id}`, { token: stranger.token })).status, 404);
      const hidden = await api.call('POST', `/story-maps/${map.id}/operations`, {
        token: stranger.token,
        body: { op: 'addActivity', title: 'No' },
      });
      assert.equal(hidden.status, 404);
      assert.equal(
        (await api.call('GET', `/products/${product.id}/story-maps`, { token: stranger.token })).status,
        404,
      );
    });

    it('trashes and restores a map, keeping names unique among live maps', async () => {
      const map = await newMap('Trash me');
      assert.equal(
        (await api.call('POST', `/products/${product.id}/story-maps`, { body: { name: 'trash ME' } })).status,
        409,
      );
      assert.equal((await api.call('DELETE', `/story-maps/${map.id}`)).status, 200);
      assert.equal((await api.call('GET', `/story-maps/${map.id}`)).status, 404);
      const listed = (await api.call('GET', `/products/${product.id}/story-maps`)).body.storyMaps;
      assert.ok(!listed.some((m: Body) => m.id === map.id));
      const restored = await api.call('POST', `/story-maps/${map.id}/restore`);
      assert.equal(restored.status, 200);
      assert.equal(restored.body.deletedAt, null);
      const actions = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events
        .filter((e: Body) => e.entityId === map.id)
        .map((e: Body) => e.action);
      assert.deepEqual(actions, ['created', 'deleted', 'restored']);
    });

    it('holds at most 50 activities and 20 steps per activity', async () => {
      const map = await newMap('Limits');
      let body: Body;
      for (let i = 0; i < 50; i++) body = (await op(map.id, { op: 'addActivity', title: `A${i}` })).body;
      const full = await op(map.id, { op: 'addActivity', title: 'One too many' }, { status: 409 });
      assert.equal(full.body.error.code, 'invalid_state');
      const activityId = body.activities[0].id;
      for (let i = 0; i < 20; i++) await op(map.id, { op: 'addStep', activityId, title: `S${i}` });
      await op(map.id, { op: 'addStep', activityId, title: 'One too many' }, { status: 409 });
      body = (await op(map.id, { op: 'moveActivity', activityId, position: 49 })).body;
      assert.equal(body.activities[49].id, activityId);
    });
  });
}
