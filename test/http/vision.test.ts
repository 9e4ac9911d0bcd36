/** A product's vision over HTTP, on both databases: draft, publish, versions, diff, trash and restore. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Body, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`the vision over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let viewer: { user: Body; token: string };
    let outsider: { user: Body; token: string };
    const path = (rest = '') => `/products/${product.id}/vision${rest}`;
    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      viewer = await buildUser(api, 'viewer');
      outsider = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
    });
    after(() => api.close());

    it('reads an empty draft at version 0, saves it with an event and honours If-Match', async () => {
      const empty = await api.call('GET', `/products/${product.key}/vision`);
      assert.equal(empty.status, 200);
      assert.equal(empty.headers.get('etag'), '"0"');
      assert.equal(empty.body.statement, '');
      assert.deepEqual(empty.body.targetCustomers, []);

      const saved = await api.call('PUT', path(), {
        headers: { 'if-match': '"0"' },
        body: {
          statement: 'Plans that **stay true** to the work.',
          targetCustomers: ['Product teams of 5 to 50'],
          problems: ['Roadmaps rot beside the backlog'],
          differentiators: ['One model from vision to item'],
          periodStart: '2027-01-01',
          periodEnd: '2027-12-31',
        },
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.headers.get('etag'), '"1"');
      assert.equal(saved.body.problems[0], 'Roadmaps rot beside the backlog');
      const stale = await api.call('PUT', path(), {
        headers: { 'if-match': '"0"' },
        body: { statement: 'x' },
      });
      assert.equal(stale.status, 412);
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      assert.deepEqual(
        events.filter((e: Body) => e.entityType === 'vision').map((e: Body) => e.action),
        ['updated'],
      );
    });

    it('publishes numbered versions, refuses an unchanged one, lists them newest first and diffs any two', async () => {
      const first = await api.call('POST', path('/publish'));
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(first.body.number, 1);
      assert.equal(first.body.statement, 'Plans that **stay true** to the work.');
      assert.ok(first.body.publishedAt);
      const again = await api.call('POST', path('/publish'));
      assert.equal(again.status, 409);
      assert.match(again.body.error.message, /same as version 1/);

      const draft = (await api.call('GET', path())).body;
      await api.call('PUT', path(), {
        headers: { 'if-match': `"${draft.version}"` },
        body: {
          ...strip(draft),
          statement: 'Plans that stay true to the work, for every team.',
          problems: [],
        },
      });
      const second = await api.call('POST', path('/publish'));
      assert.equal(second.status, 201);
      assert.equal(second.body.number, 2);

      const list = await api.call('GET', path('/versions'), { token: viewer.token });
      assert.deepEqual(
        list.body.versions.map((v: Body) => v.number),
        [2, 1],
      );
      assert.equal((await api.call('GET', path('/versions/1'))).body.problems.length, 1);
      assert.equal((await api.call('GET', path('/versions/9'))).status, 404);

      const diff = await api.call('GET', path('/diff?from=1&to=2'));
      assert.equal(diff.status, 200, JSON.stringify(diff.body));
      const field = (name: string) => diff.body.fields.find((f: Body) => f.field === name);
      assert.equal(field('statement').changed, true);
      assert.ok(field('statement').parts.some((p: Body) => p.kind === 'inserted' && /every/.test(p.value)));
      assert.deepEqual(field('problems').parts, [
        { kind: 'deleted', value: 'Roadmaps rot beside the backlog' },
      ]);
      assert.equal(field('periodEnd').changed, false);
      const toDraft = await api.call('GET', path('/diff?from=2'));
      assert.equal(toDraft.body.to, 'draft');
      assert.ok(toDraft.body.fields.every((f: Body) => !f.changed));
      const bad = await api.call('GET', path('/diff?from=first'));
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'from');
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      assert.equal(
        events.filter((e: Body) => e.entityType === 'vision' && e.action === 'published').length,
        2,
      );
    });

    it('moves the draft to the trash (it reads as empty, versions stay) and restores it', async () => {
      const trashed = await api.call('DELETE', path());
      assert.equal(trashed.status, 200);
      assert.ok(trashed.body.deletedAt);
      assert.equal(trashed.body.statement, '');
      assert.equal((await api.call('GET', path('/versions'))).body.versions.length, 2);
      assert.equal((await api.call('POST', path('/publish'))).status, 409, 'an empty draft is not published');
      const restored = await api.call('POST', path('/restore'));
      assert.equal(restored.status, 200);
      assert.equal(restored.body.deletedAt, null);
      assert.match(restored.body.statement, /every team/);
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      const actions = events.filter((e: Body) => e.entityType === 'vision').map((e: Body) => e.action);
      assert.deepEqual(actions.slice(-2), ['deleted', 'restored']);
    });

    it('refuses bad input naming the field, viewers (403) and outsiders (404)', async () => {
      const cases: [unknown, string][] = [
        [{ statement: 'x'.repeat(20_001) }, 'statement'],
        [{ problems: ['ok', ''] }, 'problems.1'],
        [{ differentiators: Array.from({ length: 21 }, (_, i) => `d${i}`) }, 'differentiators'],
        [{ periodStart: '2027-12-31', periodEnd: '2027-01-01' }, 'periodEnd'],
        [{ periodStart: '2027-02-30' }, 'periodStart'],
        [{ colour: 'blue' }, 'colour'],
      ];
      for (const [body, field] of cases) {
        const response = await api.call('PUT', path(), { body });
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.ok(
          response.body.error.details.issues.some((issue: Body) => issue.path === field),
          `${JSON.stringify(body).slice(0, 80)} names ${field}: ${JSON.stringify(response.body.error).slice(0, 300)}`,
        );
      }
      const body = { statement: 'Mine' };
      assert.equal((await api.call('PUT', path(), { body, token: viewer.token })).status, 403);
      assert.equal((await api.call('POST', path('/publish'), { token: viewer.token })).status, 403);
      assert.equal((await api.call('DELETE', path(), { token: viewer.token })).status, 403);
      assert.equal((await api.call('GET', path(), { token: viewer.token })).status, 200);
      assert.equal((await api.call('GET', path(), { token: outsider.token })).status, 404);
      assert.equal((await api.call('PUT', path(), { body, token: outsider.token })).status, 404);
      assert.equal((await api.call('GET', path('/versions'), { token: outsider.token })).status, 404);
    });
  });
}

/** The draft's fields a PUT takes. */
function strip(draft: Body): Body {
  const { productId: _p, version: _v, updatedAt: _u, deletedAt: _d, ...fields } = draft;
  return fields;
}
