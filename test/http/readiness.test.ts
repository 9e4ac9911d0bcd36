import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HIDDEN_ITEM_LABEL } from '../../src/domain/hidden-item.ts';
import {
  type Body,
  buildItem,
  buildProduct,
  buildUser,
  createTestApi,
  type TestApi,
} from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const criteria = [{ text: 'it works' }];
const story = { asA: 'buyer', iWant: 'to pay by card', soThat: 'I can check out' };

for (const dialect of DIALECTS) {
  describe(`Definition of Ready and readiness over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let viewer: { user: Body; token: string };
    let outsider: { user: Body; token: string };

    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      viewer = await buildUser(api, 'viewer');
      outsider = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
    });
    after(() => api.close());

    const dorPath = () => `/products/${product.id}/definition-of-ready`;
    const readiness = async (productRef = product.id) => {
      const response = await api.call('GET', `/products/${productRef}/readiness`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    };
    const codesOf = (report: Body, itemId: string) =>
      report.items.find((entry: Body) => entry.itemId === itemId)?.reasons.map((r: Body) => r.code);

    it('starts from the default rules, each with its words, and version 0', async () => {
      const response = await api.call('GET', dorPath());
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('etag'), '"0"');
      const rules = Object.fromEntries(response.body.rules.map((r: Body) => [r.rule, r]));
      assert.deepEqual(
        response.body.rules.map((r: Body) => [r.rule, r.enabled]),
        [
          ['estimated', true],
          ['acceptance_criteria', true],
          ['user_story', true],
          ['fits_sprint', true],
          ['description', false],
          ['initiative', false],
          ['unblocked', true],
        ],
      );
      assert.equal(rules.fits_sprint.maxPoints, 13);
      assert.equal(rules.fits_sprint.velocityShare, 0.5);
      assert.match(rules.user_story.label, /As a/);
      assert.equal((await api.call('GET', dorPath(), { token: viewer.token })).status, 200);
      assert.equal((await api.call('GET', dorPath(), { token: outsider.token })).status, 404);
    });

    it('reports every open item with each rule it fails, one code per rule, and the event cursor', async () => {
      const ready = await buildItem(api, product.id, { story, acceptanceCriteria: criteria, estimate: 3 });
      const bare = await buildItem(api, product.id, { title: 'Bare' });
      const task = await buildItem(api, product.id, {
        type: 'task',
        acceptanceCriteria: criteria,
        estimate: 40,
      });
      const done = await buildItem(api, product.id, { status: 'done' });
      const blocker = await buildItem(api, product.id, {
        type: 'task',
        acceptanceCriteria: criteria,
        estimate: 1,
      });
      const blocked = await buildItem(api, product.id, { story, acceptanceCriteria: criteria, estimate: 2 });
      await api.call('POST', `/items/${blocked.id}/dependencies`, { body: { blockedBy: blocker.id } });
      await api.call('POST', `/items/${blocked.id}/external-dependencies`, {
        body: { title: 'Legal sign-off' },
      });

      const report = await readiness(product.key);
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      assert.equal(report.asOf, Math.max(...events.map((e: Body) => e.id)));
      assert.ok(!report.items.some((entry: Body) => entry.itemId === done.id), 'done work is not listed');
      assert.deepEqual(codesOf(report, ready.id), []);
      assert.equal(report.items.find((e: Body) => e.itemId === ready.id).ready, true);
      assert.deepEqual(codesOf(report, bare.id), ['no_estimate', 'no_acceptance_criteria', 'not_user_story']);
      assert.deepEqual(
        codesOf(report, task.id),
        ['too_large'],
        'a task needs no story; 40 points is too big',
      );
      const blockedEntry = report.items.find((e: Body) => e.itemId === blocked.id);
      assert.equal(blockedEntry.ready, false);
      assert.deepEqual(blockedEntry.reasons[0].blockers, [
        { key: blocker.key, title: blocker.title, external: false },
        { key: null, title: 'Legal sign-off', external: true },
      ]);
      assert.equal(report.ready, report.items.filter((e: Body) => e.ready).length);
      assert.deepEqual(
        report.items.map((e: Body) => e.key),
        [ready, bare, task, blocker, blocked].map((i) => i.key),
        'in rank order',
      );
    });

    it('changes the rules with an event, honours If-Match, and readiness follows at once', async () => {
      const item = await buildItem(api, product.id, {
        type: 'bug',
        acceptanceCriteria: criteria,
        estimate: 8,
      });
      const put = await api.call('PUT', dorPath(), {
        headers: { 'if-match': '"0"' },
        body: {
          rules: [
            { rule: 'estimated' },
            { rule: 'description' },
            { rule: 'initiative', enabled: true },
            { rule: 'fits_sprint', maxPoints: 5, velocityShare: null },
          ],
        },
      });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      assert.equal(put.headers.get('etag'), '"1"');
      assert.deepEqual(
        put.body.rules.filter((r: Body) => r.enabled).map((r: Body) => r.rule),
        ['estimated', 'fits_sprint', 'description', 'initiative'],
      );
      assert.deepEqual(codesOf(await readiness(), item.id), ['too_large', 'no_description', 'no_initiative']);

      const stale = await api.call('PUT', dorPath(), {
        headers: { 'if-match': '"0"' },
        body: { rules: [{ rule: 'estimated' }] },
      });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.error.code, 'version_conflict');

      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      const event = events.find((e: Body) => e.action === 'definition_of_ready_updated');
      assert.equal(event.entityType, 'product');
      assert.deepEqual(event.changes.definitionOfReady[1].enabled, [
        'estimated',
        'fits_sprint',
        'description',
        'initiative',
      ]);

      // Back to the defaults for the tests that follow.
      const reset = await api.call('PUT', dorPath(), {
        body: {
          rules: ['estimated', 'acceptance_criteria', 'user_story', 'unblocked']
            .map((rule) => ({ rule }))
            .concat([{ rule: 'fits_sprint', maxPoints: 13, velocityShare: 0.5 } as never]),
        },
      });
      assert.equal(reset.status, 200);
      assert.equal(reset.body.version, 2);
    });

    it('refuses bad rules, naming the field, and viewers and outsiders', async () => {
      const cases: [unknown, string][] = [
        [{ rules: [{ rule: 'estimated' }, { rule: 'estimated' }] }, 'rules.1.rule'],
        [{ rules: [{ rule: 'no_such_rule' }] }, 'rules.0.rule'],
        [{ rules: [{ rule: 'estimated', maxPoints: 3 }] }, 'rules.0.maxPoints'],
        [{ rules: [{ rule: 'fits_sprint', maxPoints: 0 }] }, 'rules.0.maxPoints'],
        [{ rules: [{ rule: 'fits_sprint', velocityShare: 2 }] }, 'rules.0.velocityShare'],
        [{ rules: 'all' }, 'rules'],
      ];
      for (const [body, field] of cases) {
        const response = await api.call('PUT', dorPath(), { body });
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.ok(
          response.body.error.details.issues.some((issue: Body) => issue.path === field),
          `${JSON.stringify(body)} names ${field}: ${JSON.stringify(response.body.error)}`,
        );
      }
      const body = { rules: [{ rule: 'estimated' }] };
      assert.equal((await api.call('PUT', dorPath(), { body, token: viewer.token })).status, 403);
      assert.equal((await api.call('PUT', dorPath(), { body, token: outsider.token })).status, 404);
      assert.equal(
        (await api.call('GET', `/products/${product.id}/readiness`, { token: outsider.token })).status,
        404,
      );
      assert.equal((await api.call('GET', dorPath())).body.version, 2, 'nothing was written');
    });

    it('names a blocker in a product the reader may not see only as an item in another product', async () => {
      const theirs = await buildProduct(api);
      const secret = await buildItem(api, theirs.id, { title: 'Acquire Initech' });
      const mine = await buildItem(api, product.id, {
        type: 'task',
        acceptanceCriteria: criteria,
        estimate: 1,
      });
      await api.call('POST', `/items/${mine.id}/dependencies`, { body: { blockedBy: secret.id } });
      const member = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${product.id}/members/${member.user.id}`);
      const response = await api.call('GET', `/products/${product.id}/readiness`, { token: member.token });
      const reason = response.body.items.find((e: Body) => e.itemId === mine.id).reasons[0];
      assert.equal(reason.message, `blocked by ${HIDDEN_ITEM_LABEL}`);
      assert.deepEqual(reason.blockers, [{ key: null, title: null, external: false }]);
      assert.ok(!JSON.stringify(response.body).includes(secret.id));
      assert.ok(!JSON.stringify(response.body).includes('Initech'));

      // The other product finishing its item is that product's event; the report still follows at once.
      await api.call('PATCH', `/items/${secret.id}`, { body: { status: 'done' } });
      const after = await api.call('GET', `/products/${product.id}/readiness`, { token: member.token });
      assert.equal(after.body.items.find((e: Body) => e.itemId === mine.id).ready, true);
      // Losing access to the product ends the report at once too.
      await api.call('DELETE', `/products/${product.id}/members/${member.user.id}`);
      const gone = await api.call('GET', `/products/${product.id}/readiness`, { token: member.token });
      assert.equal(gone.status, 404);
    });

    it('measures "fits a sprint" against a share of the velocity once sprints have closed', async () => {
      const p = await buildProduct(api);
      const big = await buildItem(api, p.id, { type: 'task', acceptanceCriteria: criteria, estimate: 8 });
      assert.deepEqual(codesOf(await readiness(p.id), big.id), [], 'no history: 13 points');
      // One closed sprint that completed 10 points: half of it is 5.
      const sprint = (
        await api.call('POST', `/products/${p.id}/sprints`, {
          body: { name: 'S1', startDate: '2026-01-05', endDate: '2026-01-16' },
        })
      ).body;
      const work = await buildItem(api, p.id, {
        type: 'task',
        acceptanceCriteria: criteria,
        estimate: 10,
        sprintId: sprint.id,
      });
      assert.equal((await api.call('POST', `/sprints/${sprint.id}/start`)).status, 200);
      await api.call('PATCH', `/items/${work.id}`, { body: { status: 'done' } });
      const closed = await api.call('POST', `/sprints/${sprint.id}/close`, { body: {} });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      const reasons = (await readiness(p.id)).items.find((e: Body) => e.itemId === big.id).reasons;
      assert.deepEqual(
        reasons.map((r: Body) => r.code),
        ['too_large'],
      );
      assert.match(reasons[0].message, /at most 5/);
    });
  });
}
