import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Body, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`announced pivots and the roadmap changelog over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    const initiative = async (body: Record<string, unknown>) => {
      const created = await api.call('POST', `/products/${product.id}/initiatives`, { body });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body;
    };
    const changelog = async () => {
      const response = await api.call('GET', `/products/${product.id}/roadmap-changelog`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    };
    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
    });
    after(() => api.close());

    it('stores the announcement of a pivot and lists a pivot made without one as unannounced', async () => {
      const billing = await initiative({ title: 'Billing', horizon: 'now', confidence: 'committed' });
      const search = await initiative({ title: 'Search', confidence: 'committed', targetDate: '2026-03-31' });
      const idea = await initiative({ title: 'Idea', confidence: 'exploratory' });

      // Before any baseline, a change to a committed initiative is no pivot.
      await api.call('PATCH', `/initiatives/${billing.id}`, { body: { targetDate: '2026-06-30' } });
      assert.deepEqual(await changelog(), { announcements: [], unannounced: [] });

      await api.call('POST', `/products/${product.id}/roadmap-baselines`, { body: { name: 'Q3 plan' } });
      const announced = await api.call('PATCH', `/initiatives/${billing.id}`, {
        headers: { 'if-match': `"${billing.version + 1}"` },
        body: {
          horizon: 'next',
          announcement: 'Billing waits for the payments provider.',
          publicAnnouncement: 'Billing arrives next quarter.',
        },
      });
      assert.equal(announced.status, 200, JSON.stringify(announced.body));
      assert.equal(announced.body.horizon, 'next');
      assert.equal(announced.body.announcement, undefined, 'no field of the initiative');
      const silent = await api.call('PATCH', `/initiatives/${search.id}`, {
        body: { targetDate: '2026-04-30' },
      });
      assert.equal(silent.status, 200);
      // Not pivots: an exploratory initiative, and a title.
      await api.call('PATCH', `/initiatives/${idea.id}`, { body: { horizon: 'now' } });
      await api.call('PATCH', `/initiatives/${search.id}`, { body: { title: 'Search v2' } });

      const log = await changelog();
      assert.deepEqual(
        log.announcements.map((a: Body) => [
          a.initiativeId,
          a.text,
          a.publicText,
          a.changes.horizon,
          a.actorId,
        ]),
        [
          [
            billing.id,
            'Billing waits for the payments provider.',
            'Billing arrives next quarter.',
            ['now', 'next'],
            api.ownerId,
          ],
        ],
      );
      assert.deepEqual(
        log.unannounced.map((p: Body) => [p.initiativeId, p.changes.targetDate]),
        [[search.id, ['2026-03-31', '2026-04-30']]],
      );
      assert.equal(typeof log.unannounced[0].eventId, 'number');

      // The event of the announced change holds the change only; the announcement links to it.
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      const billingEvent = events.filter((e: Body) => e.entityId === billing.id).at(-1);
      assert.deepEqual(Object.keys(billingEvent.changes), ['horizon']);

      // Lowering confidence is a pivot too; once planned, a move is not.
      await api.call('PATCH', `/initiatives/${search.id}`, { body: { confidence: 'planned' } });
      await api.call('PATCH', `/initiatives/${search.id}`, { body: { horizon: 'later' } });
      const later = await changelog();
      assert.deepEqual(
        later.unannounced.map((p: Body) => Object.keys(p.changes)),
        [['confidence'], ['targetDate']],
        'newest first',
      );

      // A pivot announced afterwards leaves the unannounced list, once.
      const [, redate] = later.unannounced;
      const announcedLater = await api.call('POST', `/initiatives/${search.id}/announcements`, {
        body: { eventId: redate.eventId, announcement: 'Search slipped a month: indexing took longer.' },
      });
      assert.equal(announcedLater.status, 201, JSON.stringify(announcedLater.body));
      assert.deepEqual(announcedLater.body.changes.targetDate, ['2026-03-31', '2026-04-30']);
      const after = await changelog();
      assert.deepEqual(
        after.unannounced.map((p: Body) => Object.keys(p.changes)),
        [['confidence']],
      );
      assert.equal(after.announcements[0].text, 'Search slipped a month: indexing took longer.');
      const again = await api.call('POST', `/initiatives/${search.id}/announcements`, {
        body: { eventId: redate.eventId, announcement: 'Twice.' },
      });
      assert.equal(again.status, 409);
      const wrong = await api.call('POST', `/initiatives/${billing.id}/announcements`, {
        body: { eventId: later.unannounced[0].eventId, announcement: 'Not this one.' },
      });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.details.issues[0].path, 'eventId');
      // The announcing event names no roadmap field: the diff since the baseline is unchanged by it.
      const diffs = await api.call('GET', `/products/${product.id}/roadmap-baselines`);
      const diff = await api.call('GET', `/roadmap-baselines/${diffs.body.roadmapBaselines[0].id}/diff`);
      assert.ok(diff.body.changes.every((c: Body) => c.field !== 'announcement'));
    });

    it('accepts an announcement of a plain change as a changelog entry, and refuses one of no change', async () => {
      const plain = await initiative({ title: 'Plain', confidence: 'planned' });
      const noted = await api.call('PATCH', `/initiatives/${plain.id}`, {
        body: { horizon: 'now', announcement: 'Pulled forward.' },
      });
      assert.equal(noted.status, 200);
      assert.ok((await changelog()).announcements.some((a: Body) => a.text === 'Pulled forward.'));

      const nothing = await api.call('PATCH', `/initiatives/${plain.id}`, {
        body: { horizon: 'now', announcement: 'Nothing moved.' },
      });
      assert.equal(nothing.status, 400);
      assert.equal(nothing.body.error.details.issues[0].path, 'announcement');

      const publicOnly = await api.call('PATCH', `/initiatives/${plain.id}`, {
        body: { horizon: 'later', publicAnnouncement: 'Soon.' },
      });
      assert.equal(publicOnly.status, 400);
      assert.equal(publicOnly.body.error.details.issues[0].path, 'publicAnnouncement');
      const tooLong = await api.call('PATCH', `/initiatives/${plain.id}`, {
        body: { horizon: 'later', announcement: 'x'.repeat(501) },
      });
      assert.equal(tooLong.status, 400);
      assert.equal(tooLong.body.error.details.issues[0].path, 'announcement');
      const unchanged = await api.call('GET', `/initiatives/${plain.id}`);
      assert.equal(unchanged.body.horizon, 'now', 'a refused announcement changes nothing');

      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      const read = await api.call('GET', `/products/${product.id}/roadmap-changelog`, {
        token: viewer.token,
      });
      assert.equal(read.status, 200);
      const write = await api.call('PATCH', `/initiatives/${plain.id}`, {
        token: viewer.token,
        body: { horizon: 'later', announcement: 'Mine.' },
      });
      assert.equal(write.status, 403);
    });
  });
}
