/** Roadmap announcements by id over HTTP, on both databases: read, edit the words, trash and restore. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Body, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`roadmap announcements over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let viewer: { user: Body; token: string };
    const changelog = async () => {
      const response = await api.call('GET', `/products/${product.id}/roadmap-changelog`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    };
    /** A committed initiative moved after a baseline, with an announcement: a pivot announced. */
    const announcedPivot = async (title: string) => {
      const created = await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title, horizon: 'now', confidence: 'committed' },
      });
      assert.equal(created.status, 201);
      await api.call('POST', `/products/${product.id}/roadmap-baselines`, {
        body: { name: `Plan ${title}` },
      });
      const moved = await api.call('PATCH', `/initiatives/${created.body.id}`, {
        body: {
          horizon: 'next',
          announcement: `${title} waits.`,
          publicAnnouncement: `${title} comes later.`,
        },
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      const entry = (await changelog()).announcements.find((a: Body) => a.text === `${title} waits.`);
      assert.ok(entry);
      return { initiative: created.body, announcement: entry };
    };
    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
    });
    after(() => api.close());

    it('reads and edits the words of an announcement with If-Match, recording an initiative event', async () => {
      const { initiative, announcement } = await announcedPivot('Billing');
      assert.equal(announcement.version, 1);
      assert.equal(announcement.deletedAt, null);
      const read = await api.call('GET', `/roadmap-announcements/${announcement.id}`);
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('etag'), '"1"');
      assert.deepEqual(read.body, announcement);

      const edited = await api.call('PATCH', `/roadmap-announcements/${announcement.id}`, {
        headers: { 'if-match': '"1"' },
        body: { announcement: 'Billing waits for the provider.', publicAnnouncement: null },
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.headers.get('etag'), '"2"');
      assert.equal(edited.body.text, 'Billing waits for the provider.');
      assert.equal(edited.body.publicText, null);
      assert.equal(edited.body.at, announcement.at, 'still dated when it was announced');
      assert.deepEqual(edited.body.changes, announcement.changes);
      const stale = await api.call('PATCH', `/roadmap-announcements/${announcement.id}`, {
        headers: { 'if-match': '"1"' },
        body: { announcement: 'Lost update.' },
      });
      assert.equal(stale.status, 412);
      const same = await api.call('PATCH', `/roadmap-announcements/${announcement.id}`, {
        body: { announcement: 'Billing waits for the provider.' },
      });
      assert.equal(same.body.version, 2, 'no change, no new version');

      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      const event = events.find((e: Body) => e.action === 'announcement_updated');
      assert.equal(event.entityType, 'initiative');
      assert.equal(event.entityId, initiative.id);
      assert.deepEqual(event.changes.announcement, ['Billing waits.', 'Billing waits for the provider.']);
      assert.deepEqual(event.changes.publicAnnouncement, ['Billing comes later.', null]);
      assert.deepEqual(event.changes.announcementId, [announcement.id, announcement.id]);
      const log = await changelog();
      assert.equal(log.announcements.find((a: Body) => a.id === announcement.id).text, edited.body.text);
    });

    it('refuses bad input naming the field', async () => {
      const { announcement } = await announcedPivot('Search');
      const path = `/roadmap-announcements/${announcement.id}`;
      const empty = await api.call('PATCH', path, { body: { announcement: '   ' } });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.details.issues[0].path, 'announcement');
      const long = await api.call('PATCH', path, { body: { publicAnnouncement: 'x'.repeat(5000) } });
      assert.equal(long.status, 400);
      assert.equal(long.body.error.details.issues[0].path, 'publicAnnouncement');
      const extra = await api.call('PATCH', path, { body: { text: 'no such field' } });
      assert.equal(extra.status, 400);
      const missing = await api.call('GET', '/roadmap-announcements/0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d');
      assert.equal(missing.status, 404);
    });

    it('trashes an announcement: it leaves the changelog and views, its pivot is unannounced again', async () => {
      const { initiative, announcement } = await announcedPivot('Reports');
      const path = `/roadmap-announcements/${announcement.id}`;
      const trashed = await api.call('DELETE', path);
      assert.equal(trashed.status, 200, JSON.stringify(trashed.body));
      assert.notEqual(trashed.body.deletedAt, null);
      assert.equal((await api.call('GET', path)).status, 404);
      assert.equal((await api.call('PATCH', path, { body: { announcement: 'x' } })).status, 404);

      const log = await changelog();
      assert.ok(log.announcements.every((a: Body) => a.id !== announcement.id));
      const pivot = log.unannounced.find((p: Body) => p.initiativeId === initiative.id);
      assert.deepEqual(pivot?.changes.horizon, ['now', 'next'], 'the pivot shows as unannounced again');
      for (const view of ['team', 'executive', 'customer']) {
        const page = await api.call('GET', `/products/${product.id}/roadmap-views/${view}`);
        assert.equal(page.status, 200);
        const text = JSON.stringify(page.body);
        assert.ok(!text.includes('Reports waits.') && !text.includes('Reports comes later.'), view);
      }
      const trash = await api.call('GET', `/products/${product.id}/trash`);
      assert.deepEqual(
        trash.body.roadmapAnnouncements.map((a: Body) => a.id),
        [announcement.id],
      );

      const restored = await api.call('POST', `${path}/restore`);
      assert.equal(restored.status, 200);
      assert.equal(restored.body.deletedAt, null);
      assert.equal(restored.body.version, 3);
      const back = await changelog();
      assert.ok(back.announcements.some((a: Body) => a.id === announcement.id));
      assert.ok(back.unannounced.every((p: Body) => p.initiativeId !== initiative.id));
      const actions = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events
        .filter((e: Body) => e.entityId === initiative.id)
        .map((e: Body) => e.action);
      assert.ok(actions.includes('announcement_deleted') && actions.includes('announcement_restored'));

      // Announced anew while in the trash: the old one cannot come back beside the new one.
      await api.call('DELETE', path);
      const again = (await changelog()).unannounced.find((p: Body) => p.initiativeId === initiative.id);
      const anew = await api.call('POST', `/initiatives/${initiative.id}/announcements`, {
        body: { eventId: again.eventId, announcement: 'Reports wait for the new charts.' },
      });
      assert.equal(anew.status, 201, JSON.stringify(anew.body));
      assert.equal((await api.call('POST', `${path}/restore`)).status, 409);
    });

    it('lets a viewer read but not write, and hides announcements from non-members', async () => {
      const { announcement } = await announcedPivot('Export');
      const path = `/roadmap-announcements/${announcement.id}`;
      assert.equal((await api.call('GET', path, { token: viewer.token })).status, 200);
      const writes: [string, string, Body?][] = [
        ['PATCH', path, { announcement: 'Mine.' }],
        ['DELETE', path],
        ['POST', `${path}/restore`],
      ];
      for (const [method, url, body] of writes) {
        const response = await api.call(method, url, { token: viewer.token, ...(body && { body }) });
        assert.equal(response.status, 403, `${method} ${url}`);
      }
      const outsider = await buildUser(api, 'editor');
      assert.equal((await api.call('GET', path, { token: outsider.token })).status, 404);
      for (const [method, url, body] of writes) {
        const response = await api.call(method, url, { token: outsider.token, ...(body && { body }) });
        assert.equal(response.status, 404, `${method} ${url}`);
      }
      assert.equal((await api.call('GET', path)).body.version, 1, 'refused writes change nothing');
    });
  });
}
