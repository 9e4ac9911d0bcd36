import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`products, objectives, themes and initiatives (${dialect})`, () => {
    let api: TestApi;
    let productId: string;

    before(async () => {
      api = await createTestApi(dialect);
      productId = (await buildProduct(api)).id;
    });
    after(() => api.close());

    it('creates a product with a unique key of 2–10 capitals and edits its name', async () => {
      const bad = await api.call('POST', '/products', { body: { key: 'cai', name: 'x' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'key');
      const created = await api.call('POST', '/products', { body: { key: 'UNIQ', name: 'Unique' } });
      assert.equal(created.status, 201);
      const again = await api.call('POST', '/products', { body: { key: 'UNIQ', name: 'Again' } });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'duplicate_key');
      const renamed = await api.call('PATCH', `/products/${created.body.id}`, { body: { name: 'Renamed' } });
      assert.equal(renamed.body.name, 'Renamed');
      assert.equal(renamed.body.version, 2);
      const keyChange = await api.call('PATCH', `/products/${created.body.id}`, { body: { key: 'NEW' } });
      assert.equal(keyChange.status, 400, 'the key is permanent');
    });

    it('creates an initiative tied to a theme and objectives, with defaults', async () => {
      const objective = await api.call('POST', `/products/${productId}/objectives`, {
        body: { title: 'Grow conversion' },
      });
      const theme = await api.call('POST', `/products/${productId}/themes`, {
        body: { name: 'Payments', color: '#112233' },
      });
      assert.equal(objective.status, 201);
      assert.equal(theme.body.color, '#112233');
      const initiative = await api.call('POST', `/products/${productId}/initiatives`, {
        body: {
          title: 'One-click checkout',
          themeId: theme.body.id,
          objectiveIds: [objective.body.id],
          horizon: 'now',
          startDate: '2026-10-01',
          targetDate: '2027-01-31',
          confidence: 'committed',
          visibility: 'public',
          publicSummary: 'Pay in one click.',
          successMetrics: ['Checkout time under 30 s'],
        },
      });
      assert.equal(initiative.status, 201);
      assert.deepEqual(initiative.body.objectiveIds, [objective.body.id]);
      assert.equal(initiative.body.status, 'proposed');
      const minimal = await api.call('POST', `/products/${productId}/initiatives`, {
        body: { title: 'Someday' },
      });
      assert.equal(minimal.body.horizon, 'later');
      assert.equal(minimal.body.confidence, 'exploratory');
      assert.equal(minimal.body.visibility, 'internal');
      const list = await api.call('GET', `/products/${productId}/initiatives`);
      assert.equal(list.body.initiatives.length, 2);
    });

    it('validates initiative dates and references, naming the field', async () => {
      const backwards = await api.call('POST', `/products/${productId}/initiatives`, {
        body: { title: 'x', startDate: '2027-02-01', targetDate: '2027-01-01' },
      });
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.error.details.issues[0].path, 'targetDate');
      const impossible = await api.call('POST', `/products/${productId}/initiatives`, {
        body: { title: 'x', startDate: '2027-02-30' },
      });
      assert.equal(impossible.body.error.details.issues[0].path, 'startDate');
      const other = await buildProduct(api);
      const foreignTheme = await api.call('POST', `/products/${other.id}/themes`, {
        body: { name: 'Elsewhere' },
      });
      const cross = await api.call('POST', `/products/${productId}/initiatives`, {
        body: { title: 'x', themeId: foreignTheme.body.id },
      });
      assert.equal(cross.status, 400);
      assert.equal(cross.body.error.details.issues[0].path, 'themeId');
      const initiative = await api.call('POST', `/products/${productId}/initiatives`, {
        body: { title: 'Dated', startDate: '2027-01-01' },
      });
      const patch = await api.call('PATCH', `/initiatives/${initiative.body.id}`, {
        body: { targetDate: '2026-12-01' },
      });
      assert.equal(patch.status, 400, 'a patch is checked against the stored start date');
    });

    it('updates an initiative and records field changes; no-op patches record nothing', async () => {
      const created = await api.call('POST', `/products/${productId}/initiatives`, {
        body: { title: 'Move me' },
      });
      const id = created.body.id;
      const moved = await api.call('PATCH', `/initiatives/${id}`, {
        body: { horizon: 'next', confidence: 'planned' },
      });
      assert.equal(moved.body.horizon, 'next');
      assert.equal(moved.body.version, 2);
      const same = await api.call('PATCH', `/initiatives/${id}`, { body: { horizon: 'next' } });
      assert.equal(same.body.version, 2);
      const events = await api.call('GET', `/products/${productId}/events?limit=1000`);
      const mine = events.body.events.filter((e: { entityId: string }) => e.entityId === id);
      assert.deepEqual(
        mine.map((e: { action: string }) => e.action),
        ['created', 'updated'],
      );
      assert.deepEqual(mine[1].changes.horizon, ['later', 'next']);
    });

    it('trashes and restores objectives, themes and initiatives', async () => {
      for (const [kind, body] of [
        ['objectives', { title: 'Temporary' }],
        ['themes', { name: 'Temporary' }],
        ['initiatives', { title: 'Temporary' }],
      ] as const) {
        const created = await api.call('POST', `/products/${productId}/${kind}`, { body });
        const removed = await api.call('DELETE', `/${kind}/${created.body.id}`);
        assert.equal(removed.status, 200);
        assert.ok(removed.body.deletedAt);
        const listed = await api.call('GET', `/products/${productId}/${kind}`);
        assert.ok(
          !listed.body[kind].some((x: { id: string }) => x.id === created.body.id),
          `${kind} hidden from list`,
        );
        const restored = await api.call('POST', `/${kind}/${created.body.id}/restore`);
        assert.equal(restored.body.deletedAt, null);
        assert.equal((await api.call('GET', `/${kind}/${created.body.id}`)).status, 200);
      }
    });

    it('lists the trash, newest first, until things are restored', async () => {
      const product = await buildProduct(api);
      const item = await api.call('POST', `/products/${product.id}/items`, {
        body: { title: 'Binned story' },
      });
      const theme = await api.call('POST', `/products/${product.id}/themes`, {
        body: { name: 'Binned theme' },
      });
      await api.call('DELETE', `/items/${item.body.id}`);
      await api.call('DELETE', `/themes/${theme.body.id}`);
      const trash = await api.call('GET', `/products/${product.id}/trash`);
      assert.equal(trash.status, 200);
      assert.deepEqual(
        trash.body.items.map((i: { title: string }) => i.title),
        ['Binned story'],
      );
      assert.deepEqual(
        trash.body.themes.map((t: { name: string }) => t.name),
        ['Binned theme'],
      );
      assert.deepEqual(trash.body.initiatives, []);
      await api.call('POST', `/items/${item.body.id}/restore`);
      assert.deepEqual((await api.call('GET', `/products/${product.id}/trash`)).body.items, []);
    });

    it('does not link items to a trashed initiative', async () => {
      const initiative = await api.call('POST', `/products/${productId}/initiatives`, {
        body: { title: 'Gone' },
      });
      await api.call('DELETE', `/initiatives/${initiative.body.id}`);
      const item = await api.call('POST', `/products/${productId}/items`, {
        body: { title: 'x', initiativeId: initiative.body.id },
      });
      assert.equal(item.status, 400);
      assert.equal(item.body.error.details.issues[0].path, 'initiativeId');
    });
    for (const [plural, field] of [
      ['initiatives', 'title'],
      ['objectives', 'title'],
      ['themes', 'name'],
    ] as const) {
      it(`sends ${plural} with an ETag and refuses a stale If-Match with 412, changing nothing`, async () => {
        const created = await api.call('POST', `/products/${productId}/${plural}`, {
          body: { [field]: `Contested ${plural}` },
        });
        assert.equal(created.headers.get('etag'), '"1"');
        const read = await api.call('GET', `/${plural}/${created.body.id}`);
        assert.equal(read.headers.get('etag'), '"1"');
        const theirs = await api.call('PATCH', `/${plural}/${created.body.id}`, {
          body: { [field]: `Theirs ${plural}` },
          headers: { 'if-match': read.headers.get('etag') ?? '' },
        });
        assert.equal(theirs.status, 200);
        assert.equal(theirs.headers.get('etag'), '"2"');
        const stale = await api.call('PATCH', `/${plural}/${created.body.id}`, {
          body: { [field]: `Mine ${plural}` },
          headers: { 'if-match': '"1"' },
        });
        assert.equal(stale.status, 412);
        assert.equal(stale.body.error.code, 'version_conflict');
        assert.equal(stale.body.error.details.currentVersion, 2);
        assert.equal(stale.body.error.details.current[field], `Theirs ${plural}`);
        assert.equal(
          (await api.call('GET', `/${plural}/${created.body.id}`)).body[field],
          `Theirs ${plural}`,
        );
        const badHeader = await api.call('PATCH', `/${plural}/${created.body.id}`, {
          body: { [field]: 'x' },
          headers: { 'if-match': 'banana' },
        });
        assert.equal(badHeader.status, 400);
        assert.equal(badHeader.body.error.details.issues[0].path, 'If-Match');
      });
    }

    it('sends a product with an ETag and refuses a stale If-Match with 412', async () => {
      const product = await buildProduct(api);
      const read = await api.call('GET', `/products/${product.id}`);
      assert.equal(read.headers.get('etag'), `"${read.body.version}"`);
      const theirs = await api.call('PATCH', `/products/${product.id}`, {
        body: { name: 'Theirs' },
        headers: { 'if-match': read.headers.get('etag') ?? '' },
      });
      assert.equal(theirs.status, 200);
      assert.equal(theirs.headers.get('etag'), `"${read.body.version + 1}"`);
      const stale = await api.call('PATCH', `/products/${product.id}`, {
        body: { name: 'Mine' },
        headers: { 'if-match': read.headers.get('etag') ?? '' },
      });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.error.code, 'version_conflict');
      assert.equal(stale.body.error.details.current.name, 'Theirs');
      assert.equal((await api.call('GET', `/products/${product.id}`)).body.name, 'Theirs');
    });

    for (const [plural, field] of [
      ['objectives', 'title'],
      ['themes', 'name'],
    ] as const) {
      it(`refuses a second live ${field} among a product's ${plural}, whatever its case and spaces`, async () => {
        const product = await buildProduct(api);
        const first = await api.call('POST', `/products/${product.id}/${plural}`, {
          body: { [field]: 'Growth' },
        });
        assert.equal(first.status, 201);
        const again = await api.call('POST', `/products/${product.id}/${plural}`, {
          body: { [field]: '  GROWTH ' },
        });
        assert.equal(again.status, 409);
        assert.equal(again.body.error.code, 'duplicate_name');
        assert.equal(again.body.error.details.issues[0].path, field);

        const other = await api.call('POST', `/products/${product.id}/${plural}`, {
          body: { [field]: 'Retention' },
        });
        const rename = await api.call('PATCH', `/${plural}/${other.body.id}`, {
          body: { [field]: 'growth' },
        });
        assert.equal(rename.status, 409);
        assert.equal(rename.body.error.details.issues[0].path, field);
        const recase = await api.call('PATCH', `/${plural}/${first.body.id}`, {
          body: { [field]: 'GROWTH' },
        });
        assert.equal(recase.status, 200, 'an object may change the case of its own name');

        const elsewhere = await buildProduct(api);
        const sameNameElsewhere = await api.call('POST', `/products/${elsewhere.id}/${plural}`, {
          body: { [field]: 'Growth' },
        });
        assert.equal(sameNameElsewhere.status, 201, 'names are unique per product only');

        await api.call('DELETE', `/${plural}/${first.body.id}`);
        const reused = await api.call('POST', `/products/${product.id}/${plural}`, {
          body: { [field]: 'Growth' },
        });
        assert.equal(reused.status, 201, 'a name in the trash is free');
        const restore = await api.call('POST', `/${plural}/${first.body.id}/restore`);
        assert.equal(restore.status, 409, 'restoring would make a duplicate');
        assert.equal(restore.body.error.code, 'duplicate_name');
      });
    }
  });
}
