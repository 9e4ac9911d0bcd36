/**
 * The product's trash over HTTP, on both databases: PRDs, story maps, revoked share links, the vision draft
 * and roadmap announcements, each as its own routes present it, bounded by `limit`, restorable.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Body, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`the trash of a product's artifacts over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    const ok = async (method: string, path: string, body?: unknown, status = 200) => {
      const response = await api.call(method, path, body === undefined ? {} : { body });
      assert.equal(response.status, status, `${method} ${path}: ${JSON.stringify(response.body)}`);
      return response.body;
    };
    const trash = async (query = '') => ok('GET', `/products/${product.id}/trash${query}`);
    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
    });
    after(() => api.close());

    it('lists trashed PRDs, story maps, share links, the vision draft and announcements; restores them', async () => {
      const empty = await trash();
      assert.deepEqual(
        [empty.prds, empty.storyMaps, empty.shareLinks, empty.visionDrafts, empty.roadmapAnnouncements],
        [[], [], [], [], []],
      );

      const prd = await ok('POST', `/products/${product.id}/prds`, { title: 'Checkout PRD' }, 201);
      const map = await ok('POST', `/products/${product.id}/story-maps`, { name: 'Journey' }, 201);
      const link = await ok('POST', `/products/${product.id}/share-links`, { view: 'customer' }, 201);
      await ok('PUT', `/products/${product.id}/vision`, {
        statement: 'Plans that stay true.',
        targetCustomers: ['Teams'],
        problems: [],
        differentiators: [],
        periodStart: null,
        periodEnd: null,
      });
      const initiative = await ok(
        'POST',
        `/products/${product.id}/initiatives`,
        { title: 'Billing', confidence: 'committed' },
        201,
      );
      await ok('PATCH', `/initiatives/${initiative.id}`, { horizon: 'next', announcement: 'Later.' });
      const announcement = (await ok('GET', `/products/${product.id}/roadmap-changelog`)).announcements[0];

      const trashedPrd = await ok('DELETE', `/prds/${prd.id}`);
      const trashedMap = await ok('DELETE', `/story-maps/${map.id}`);
      const revoked = await ok('DELETE', `/share-links/${link.id}`);
      await ok('DELETE', `/products/${product.id}/vision`);
      const trashedAnnouncement = await ok('DELETE', `/roadmap-announcements/${announcement.id}`);

      const full = await trash();
      const summary = (await ok('GET', `/products/${product.id}/prds?trashed=true`)).prds;
      assert.deepEqual(full.prds, summary, 'as the PRD list presents it');
      assert.equal(full.prds[0].id, prd.id);
      assert.equal(full.prds[0].deletedAt, trashedPrd.deletedAt);
      assert.deepEqual(
        full.storyMaps.map((m: Body) => [m.id, m.name, m.deletedAt]),
        [[map.id, 'Journey', trashedMap.deletedAt]],
      );
      assert.deepEqual(full.shareLinks, [revoked], 'as the share link routes present it');
      const keys = Object.keys(full.shareLinks[0]);
      assert.ok(!keys.some((key) => /url|token|hash/i.test(key)), 'no token, URL or hash');
      assert.equal(
        full.visionDrafts[0].statement,
        'Plans that stay true.',
        'with the text a restore brings back',
      );
      assert.deepEqual(full.visionDrafts[0].targetCustomers, ['Teams']);
      assert.notEqual(full.visionDrafts[0].deletedAt, null);
      assert.deepEqual(full.roadmapAnnouncements, [trashedAnnouncement]);

      const bounded = await trash('?limit=1');
      assert.ok(bounded.prds.length <= 1 && bounded.shareLinks.length <= 1);

      await ok('POST', `/prds/${prd.id}/restore`);
      await ok('POST', `/story-maps/${map.id}/restore`);
      await ok('POST', `/share-links/${link.id}/restore`);
      await ok('POST', `/products/${product.id}/vision/restore`);
      await ok('POST', `/roadmap-announcements/${announcement.id}/restore`);
      const restored = await trash();
      assert.deepEqual(
        [
          restored.prds,
          restored.storyMaps,
          restored.shareLinks,
          restored.visionDrafts,
          restored.roadmapAnnouncements,
        ],
        [[], [], [], [], []],
      );
    });

    it('bounds each kind by limit', async () => {
      for (const name of ['One', 'Two', 'Three']) {
        const created = await ok('POST', `/products/${product.id}/story-maps`, { name }, 201);
        await ok('DELETE', `/story-maps/${created.id}`);
      }
      assert.equal((await trash('?limit=2')).storyMaps.length, 2);
      assert.deepEqual(
        (await trash()).storyMaps.map((m: Body) => m.name),
        ['Three', 'Two', 'One'],
        'most recently deleted first',
      );
    });

    it('hides the trash from non-members and shows it to viewers', async () => {
      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      const seen = await api.call('GET', `/products/${product.id}/trash`, { token: viewer.token });
      assert.equal(seen.status, 200);
      assert.ok(Array.isArray(seen.body.shareLinks));
      const outsider = await buildUser(api, 'editor');
      const hidden = await api.call('GET', `/products/${product.id}/trash`, { token: outsider.token });
      assert.equal(hidden.status, 404);
    });
  });
}
