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
  describe(`audience views of the roadmap over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let publicOne: Body;
    let secret: Body;
    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      const theme = (await api.call('POST', `/products/${product.id}/themes`, { body: { name: 'Reach' } }))
        .body;
      const objective = (
        await api.call('POST', `/products/${product.id}/objectives`, { body: { title: 'Grow usage' } })
      ).body;
      publicOne = (
        await api.call('POST', `/products/${product.id}/initiatives`, {
          body: {
            title: 'Offline mode',
            summary: 'Internal: needs the sync rewrite',
            publicSummary: 'Work without a connection.',
            visibility: 'public',
            horizon: 'next',
            confidence: 'planned',
            themeId: theme.id,
            objectiveIds: [objective.id],
            startDate: '2031-02-03',
            targetDate: '2031-04-05',
            successMetrics: ['Weekly offline sessions'],
          },
        })
      ).body;
      secret = (
        await api.call('POST', `/products/${product.id}/initiatives`, {
          body: { title: 'Acquire a competitor', horizon: 'now', confidence: 'committed' },
        })
      ).body;
      await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title: 'Dark mode', publicSummary: '=HYPERLINK("http://evil")', visibility: 'public' },
      });
      await buildItem(api, product.id, { title: 'Sync engine', initiativeId: publicOne.id, estimate: 3 });
      const done = await buildItem(api, product.id, {
        title: 'Conflict UI',
        initiativeId: publicOne.id,
        estimate: 2,
      });
      await api.call('PATCH', `/items/${done.id}`, { body: { status: 'done' } });
    });
    after(() => api.close());

    it('shows the team everything, with backlog progress', async () => {
      const team = await api.call('GET', `/products/${product.id}/roadmap-views/team`);
      assert.equal(team.status, 200, JSON.stringify(team.body));
      assert.equal(team.body.view, 'team');
      const offline = team.body.initiatives.find((i: Body) => i.id === publicOne.id);
      assert.equal(offline.summary, 'Internal: needs the sync rewrite');
      assert.equal(offline.theme, 'Reach');
      assert.deepEqual(
        offline.objectives.map((o: Body) => o.title),
        ['Grow usage'],
      );
      assert.deepEqual(offline.progress, {
        doneItems: 1,
        totalItems: 2,
        donePoints: 2,
        totalPoints: 5,
        unestimated: 0,
      });
      assert.ok(team.body.initiatives.some((i: Body) => i.id === secret.id));
    });

    it('shows executives themes, objectives, metrics and risks without item detail', async () => {
      const exec = await api.call('GET', `/products/${product.id}/roadmap-views/executive`);
      assert.equal(exec.status, 200, JSON.stringify(exec.body));
      const offline = exec.body.initiatives.find((i: Body) => i.id === publicOne.id);
      assert.equal(offline.metricsSource, 'initiative');
      assert.deepEqual(
        offline.metrics.map((m: Body) => m.name),
        ['Weekly offline sessions'],
      );
      assert.deepEqual(offline.objectives, ['Grow usage']);
      assert.equal(exec.body.themes[0].initiatives, 1);
      const acquire = exec.body.initiatives.find((i: Body) => i.id === secret.id);
      assert.ok(
        acquire.risks.some((r: Body) => r.kind === 'no_work'),
        'a committed initiative in now without work is a risk',
      );
      const text = JSON.stringify(exec.body);
      assert.ok(!text.includes('Sync engine'), 'no item titles');
      assert.ok(!text.includes('Internal: needs'), 'no internal summary');
    });

    it('shows customers public initiatives in public words, by horizon and never by date', async () => {
      const customer = await api.call('GET', `/products/${product.id}/roadmap-views/customer`);
      assert.equal(customer.status, 200, JSON.stringify(customer.body));
      assert.deepEqual(customer.body.product, { name: product.name });
      const titles = customer.body.initiatives.map((i: Body) => i.title);
      assert.deepEqual(titles, ['Offline mode', 'Dark mode']);
      const offline = customer.body.initiatives[0];
      assert.deepEqual(offline, {
        title: 'Offline mode',
        summary: 'Work without a connection.',
        horizon: 'next',
        stage: 'planned',
      });
      assert.equal(customer.body.initiatives[1].stage, 'exploring');
      const text = JSON.stringify(customer.body);
      for (const internal of ['2031', 'Acquire', 'Internal', 'Reach', 'Grow usage', publicOne.id, 'Weekly']) {
        assert.ok(!text.includes(internal), `no ${internal}`);
      }
    });

    it('tells customers about announced changes in public words only', async () => {
      await api.call('POST', `/products/${product.id}/roadmap-baselines`, { body: { name: 'Q1 plan' } });
      const moved = await api.call('PATCH', `/initiatives/${publicOne.id}`, {
        body: { horizon: 'now', announcement: 'Pulled in: the board asked for it' },
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      const customer = await api.call('GET', `/products/${product.id}/roadmap-views/customer`);
      assert.deepEqual(customer.body.changelog, [{ text: '“Offline mode” moved from Next to Now' }]);
      const exec = await api.call('GET', `/products/${product.id}/roadmap-views/executive`);
      assert.equal(exec.body.changelog[0].text, 'Pulled in: the board asked for it');
      assert.deepEqual(exec.body.changelog[0].changes.horizon, ['next', 'now']);
      const team = await api.call('GET', `/products/${product.id}/roadmap-views/team`);
      assert.ok(team.body.changelog.some((c: Body) => c.announced && c.text.startsWith('Pulled in')));
    });

    it('exports a view as CSV with spreadsheet formulas defused', async () => {
      for (const path of ['customer.csv', 'customer?format=csv']) {
        const response = await api.app.request(
          `http://cairn.test/api/v1/products/${product.id}/roadmap-views/${path}`,
          { headers: { authorization: `Bearer ${api.ownerToken}` } },
        );
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
        assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="roadmap-/);
        const csv = await response.text();
        assert.ok(csv.startsWith('horizon,title,summary,stage\r\n'));
        assert.ok(csv.includes(`"'=HYPERLINK(""http://evil"")"`), csv);
        assert.ok(!csv.includes('Acquire'));
      }
      const team = await api.call('GET', `/products/${product.id}/roadmap-views/team.csv`);
      assert.equal(team.status, 200);
      assert.ok(String(team.body).includes('Acquire a competitor'));
    });

    it('answers 404 to a non-member, lets a viewer read, and names a bad view', async () => {
      const outsider = await buildUser(api, 'editor');
      const hidden = await api.call('GET', `/products/${product.id}/roadmap-views/team`, {
        token: outsider.token,
      });
      assert.equal(hidden.status, 404);
      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      const seen = await api.call('GET', `/products/${product.id}/roadmap-views/executive`, {
        token: viewer.token,
      });
      assert.equal(seen.status, 200);
      const bad = await api.call('GET', `/products/${product.id}/roadmap-views/board`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'view');
    });
  });
}
