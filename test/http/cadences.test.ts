/** Cadences, process profiles and grooming sessions over HTTP, on both databases, from real events. */
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

const entry = (cadences: Body, artifact: string) =>
  cadences.cadences.find((c: Body) => c.artifact === artifact);

for (const dialect of DIALECTS) {
  describe(`cadences and process profiles over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let viewer: { user: Body; token: string };
    let outsider: { user: Body; token: string };
    const path = (rest = 'cadences') => `/products/${product.id}/${rest}`;
    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      viewer = await buildUser(api, 'viewer');
      outsider = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
    });
    after(() => api.close());

    it("gives a new product the full profile's cadences, with what was never done overdue", async () => {
      const response = await api.call('GET', `/products/${product.key}/cadences`, { token: viewer.token });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.equal(response.headers.get('etag'), '"0"');
      const c = response.body;
      assert.equal(c.profile, 'full');
      assert.equal(c.timeZone, 'UTC');
      assert.deepEqual(
        c.cadences.map((e: Body) => [e.artifact, e.every, e.isDefault]),
        [
          ['vision', 'yearly', true],
          ['roadmap', 'quarterly', true],
          ['strategic_review', 'monthly', true],
          ['backlog_grooming', 'weekly', true],
          ['burndown', 'daily', true],
          ['release_notes', 'per_release', true],
        ],
      );
      const review = entry(c, 'strategic_review');
      assert.equal(review.overdue, true);
      assert.equal(review.lastDoneAt, null);
      assert.match(review.message, /no strategic review/);
      assert.equal(entry(c, 'burndown').overdue, false, 'no sprint is active');
      assert.equal(entry(c, 'release_notes').overdue, false, 'nothing released');
    });

    it('reads when each artifact was last done from its events', async () => {
      await api.call('PUT', path('vision'), { body: { statement: 'Where we go' } });
      assert.equal((await api.call('POST', path('vision/publish'))).status, 201);
      const review = await api.call('POST', path('reviews'), { body: { decisions: 'Keep going' } });
      assert.equal(review.status, 201, JSON.stringify(review.body));
      const groomed = await api.call('POST', path('grooming-sessions'), { body: { seen: 5, changed: 2 } });
      assert.equal(groomed.status, 201, JSON.stringify(groomed.body));
      assert.equal(
        (
          await api.call('POST', path('grooming-sessions'), {
            body: { seen: 1, changed: 0 },
            token: viewer.token,
          })
        ).status,
        403,
      );

      const c = (await api.call('GET', path())).body;
      for (const artifact of ['vision', 'strategic_review', 'backlog_grooming']) {
        const e = entry(c, artifact);
        assert.equal(e.overdue, false, artifact);
        assert.ok(e.lastDoneAt, artifact);
        assert.equal(e.message, null);
        assert.ok(e.nextDueOn > c.today, `${artifact} is due after today`);
      }
      assert.equal(entry(c, 'vision').nextDueOn.slice(0, 4), String(Number(c.today.slice(0, 4)) + 1));
      assert.equal(entry(c, 'roadmap').overdue, true, 'no baseline saved');

      // A released release without published notes makes its notes overdue.
      const release = (await api.call('POST', path('releases'), { body: { name: '1.0' } })).body;
      const released = await api.call('PATCH', `/releases/${release.id}`, { body: { state: 'released' } });
      assert.equal(released.status, 200, JSON.stringify(released.body));
      const notes = entry((await api.call('GET', path())).body, 'release_notes');
      assert.equal(notes.overdue, true);
      assert.equal(notes.message, 'release 1.0 has no published release notes');

      // An active sprint makes the burndown due, counted from its start.
      const today = c.today;
      const sprint = (
        await api.call('POST', path('sprints'), { body: { name: 'S1', startDate: today, endDate: today } })
      ).body;
      await buildItem(api, product.id, { estimate: 1, sprintId: sprint.id });
      assert.equal((await api.call('POST', `/sprints/${sprint.id}/start`)).status, 200);
      const burndown = entry((await api.call('GET', path())).body, 'burndown');
      assert.equal(burndown.overdue, false);
      assert.ok(burndown.nextDueOn > today);
    });

    it('adjusts a cadence with an event, honouring If-Match; back to the default is no longer adjusted', async () => {
      const before = await api.call('GET', path());
      const version = before.body.version;
      const put = await api.call('PUT', path(), {
        headers: { 'if-match': `"${version}"` },
        body: { cadences: [{ artifact: 'strategic_review', every: 'quarterly' }], timeZone: 'Europe/Paris' },
      });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      assert.equal(put.headers.get('etag'), `"${version + 1}"`);
      assert.equal(put.body.timeZone, 'Europe/Paris');
      const review = entry(put.body, 'strategic_review');
      assert.deepEqual([review.every, review.isDefault], ['quarterly', false]);
      const stale = await api.call('PUT', path(), {
        headers: { 'if-match': `"${version}"` },
        body: { cadences: [{ artifact: 'vision', every: 'off' }] },
      });
      assert.equal(stale.status, 412);
      const back = await api.call('PUT', path(), {
        body: { cadences: [{ artifact: 'strategic_review', every: 'monthly' }] },
      });
      assert.equal(entry(back.body, 'strategic_review').isDefault, true);
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      assert.equal(events.filter((e: Body) => e.action === 'cadences_updated').length, 2);
    });

    it('switches the profile: the Definition of Ready and the cadences follow, in one version', async () => {
      const dorBefore = (await api.call('GET', path('definition-of-ready'))).body;
      const rule = (dor: Body, name: string) => dor.rules.find((r: Body) => r.rule === name).enabled;
      assert.equal(rule(dorBefore, 'user_story'), true);
      const process = await api.call('GET', path('process'));
      assert.deepEqual([process.body.profile, process.body.prdsExpected], ['full', true]);
      assert.equal(process.body.screens[0], 'roadmap');

      const light = await api.call('PUT', path('process'), {
        headers: { 'if-match': `"${process.body.version}"` },
        body: { profile: 'light' },
      });
      assert.equal(light.status, 200, JSON.stringify(light.body));
      assert.equal(light.body.profile, 'light');
      assert.equal(light.body.screens.includes('sprints'), false);
      assert.equal(light.body.screens[0], 'board');
      const dor = await api.call('GET', path('definition-of-ready'));
      assert.equal(rule(dor.body, 'user_story'), false);
      assert.equal(rule(dor.body, 'estimated'), true);
      assert.equal(dor.headers.get('etag'), `"${light.body.version}"`, 'one version for the row');
      const c = (await api.call('GET', path())).body;
      assert.equal(entry(c, 'burndown').every, 'off');
      assert.equal(entry(c, 'burndown').overdue, false);
      assert.deepEqual(
        [entry(c, 'backlog_grooming').every, entry(c, 'backlog_grooming').isDefault],
        ['fortnightly', true],
      );
      assert.equal(entry(c, 'strategic_review').every, 'quarterly');
      assert.equal(c.timeZone, 'Europe/Paris', 'the calendar stays');
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      const actions = events.filter((e: Body) => e.entityType === 'product').map((e: Body) => e.action);
      assert.deepEqual(actions.slice(-2), ['process_updated', 'definition_of_ready_updated']);

      // The Definition of Ready's own PUT still works on the shared row.
      const dorPut = await api.call('PUT', path('definition-of-ready'), {
        headers: { 'if-match': dor.headers.get('etag') ?? '' },
        body: { rules: [{ rule: 'estimated' }] },
      });
      assert.equal(dorPut.status, 200, JSON.stringify(dorPut.body));
      assert.equal((await api.call('GET', path('process'))).body.profile, 'light');
      const full = await api.call('PUT', path('process'), { body: { profile: 'full' } });
      assert.equal(full.body.screens[0], 'roadmap');
      assert.equal(rule((await api.call('GET', path('definition-of-ready'))).body, 'user_story'), true);
    });

    it('expects a PRD for each committed initiative under the full profile', async () => {
      const initiative = await api.call('POST', path('initiatives'), {
        body: { title: 'Gift cards', confidence: 'committed', horizon: 'now' },
      });
      assert.equal(initiative.status, 201, JSON.stringify(initiative.body));
      const c = (await api.call('GET', path())).body;
      assert.deepEqual(c.attention, [
        { code: 'prd_missing', message: '1 committed initiative has no PRD', count: 1 },
      ]);
    });

    it('refuses bad input naming the field, viewers (403) and outsiders (404)', async () => {
      const cases: [unknown, string, string][] = [
        [{ cadences: [{ artifact: 'vision', every: 'hourly' }] }, 'cadences.0.every', 'cadences'],
        [
          {
            cadences: [
              { artifact: 'burndown', every: 'daily' },
              { artifact: 'burndown', every: 'off' },
            ],
          },
          'cadences.1.artifact',
          'cadences',
        ],
        [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'cadences'],
        [{ profile: 'heavy' }, 'profile', 'process'],
      ];
      for (const [body, field, where] of cases) {
        const response = await api.call('PUT', path(where), { body });
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.ok(
          response.body.error.details.issues.some((issue: Body) => issue.path === field),
          `${JSON.stringify(body)} names ${field}: ${JSON.stringify(response.body.error)}`,
        );
      }
      const body = { cadences: [{ artifact: 'vision', every: 'off' }] };
      assert.equal((await api.call('PUT', path(), { body, token: viewer.token })).status, 403);
      assert.equal(
        (await api.call('PUT', path('process'), { body: { profile: 'light' }, token: viewer.token })).status,
        403,
      );
      assert.equal((await api.call('GET', path(), { token: outsider.token })).status, 404);
      assert.equal((await api.call('GET', path('process'), { token: outsider.token })).status, 404);
      assert.equal((await api.call('PUT', path(), { body, token: outsider.token })).status, 404);
    });
  });
}
