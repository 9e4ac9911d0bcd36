import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isOneActiveViolation } from '../../src/services/sprints/sprint-errors.ts';
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
/** A story as the Definition of Ready wants it written, so readiness names only what a test breaks. */
const story = { asA: 'planner', iWant: 'this done', soThat: 'the sprint delivers' };

for (const dialect of DIALECTS) {
  describe(`sprints over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let viewer: { user: Body; token: string };

    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
    });
    after(() => api.close());

    const team = async (name: string, productId = product.id) =>
      (await api.call('POST', `/products/${productId}/teams`, { body: { name } })).body;

    const sprint = async (body: Record<string, unknown>, productId = product.id) => {
      const response = await api.call('POST', `/products/${productId}/sprints`, {
        body: { name: 'Sprint', startDate: '2026-03-02', endDate: '2026-03-13', ...body },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body;
    };

    const item = (overrides: Record<string, unknown>, productId = product.id) =>
      buildItem(api, productId, { acceptanceCriteria: criteria, estimate: 1, story, ...overrides });

    const setItem = async (id: string, body: Record<string, unknown>) => {
      const response = await api.call('PATCH', `/items/${id}`, { body });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    };

    it('plans a sprint with defaults, by product id or key, and records its creation', async () => {
      const created = await api.call('POST', `/products/${product.key}/sprints`, {
        body: { name: 'Sprint 1', startDate: '2026-03-02', endDate: '2026-03-13' },
      });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('etag'), '"1"');
      const s = created.body;
      assert.equal(s.productId, product.id);
      assert.equal(s.state, 'planned');
      assert.equal(s.teamId, null);
      assert.equal(s.goal, '');
      assert.equal(s.timezone, 'UTC');
      assert.equal(s.capacity, null);
      assert.deepEqual(s.wipLimits, {});
      assert.equal(s.startedAt, null);
      assert.equal(s.committedPoints, null);
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      const event = events.find((e: Body) => e.entityType === 'sprint' && e.entityId === s.id);
      assert.equal(event.action, 'created');
      assert.deepEqual(event.changes.name, [null, 'Sprint 1']);
    });

    it('refuses bad sprint fields, naming each', async () => {
      const other = await buildProduct(api);
      const foreignTeam = await team('Elsewhere', other.id);
      const cases: [Record<string, unknown>, string][] = [
        [{ teamId: foreignTeam.id }, 'teamId'],
        [{ endDate: '2026-03-01' }, 'endDate'],
        [{ startDate: '2026-02-30' }, 'startDate'],
        [{ timezone: 'Mars/Olympus' }, 'timezone'],
        [{ capacity: -1 }, 'capacity'],
        [{ wipLimits: { in_progress: 0 } }, 'wipLimits.in_progress'],
        [{ name: '' }, 'name'],
      ];
      for (const [body, path] of cases) {
        const response = await api.call('POST', `/products/${product.id}/sprints`, {
          body: { name: 'Bad', startDate: '2026-03-02', endDate: '2026-03-13', ...body },
        });
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.equal(response.body.error.details.issues[0].path, path, JSON.stringify(body));
      }
      const unknownStatus = await api.call('POST', `/products/${product.id}/sprints`, {
        body: { name: 'Bad', startDate: '2026-03-02', endDate: '2026-03-13', wipLimits: { doing: 3 } },
      });
      assert.equal(unknownStatus.status, 400);
    });

    it("takes WIP limits from the team's latest sprint; sprints without a team count as one team", async () => {
      const p = await buildProduct(api);
      const alpha = await team('Alpha', p.id);
      const beta = await team('Beta', p.id);
      await sprint({ teamId: alpha.id, wipLimits: { in_progress: 3 } }, p.id);
      await sprint(
        { teamId: alpha.id, startDate: '2026-03-16', endDate: '2026-03-27', wipLimits: { in_review: 2 } },
        p.id,
      );
      await sprint({ wipLimits: { ready: 9 } }, p.id);
      const next = await sprint({ teamId: alpha.id, startDate: '2026-03-30', endDate: '2026-04-10' }, p.id);
      assert.deepEqual(next.wipLimits, { in_review: 2 });
      assert.deepEqual((await sprint({ teamId: beta.id }, p.id)).wipLimits, {});
      assert.deepEqual((await sprint({ startDate: '2026-04-13', endDate: '2026-04-24' }, p.id)).wipLimits, {
        ready: 9,
      });
      assert.deepEqual((await sprint({ teamId: alpha.id, wipLimits: {} }, p.id)).wipLimits, {});
    });

    it('lists sprints by start date then name, by team (or none) and state', async () => {
      const p = await buildProduct(api);
      const alpha = await team('Alpha', p.id);
      const b = await sprint(
        { name: 'B', teamId: alpha.id, startDate: '2026-05-04', endDate: '2026-05-15' },
        p.id,
      );
      const a = await sprint(
        { name: 'A', teamId: alpha.id, startDate: '2026-05-04', endDate: '2026-05-15' },
        p.id,
      );
      const early = await sprint({ name: 'Z', startDate: '2026-04-20', endDate: '2026-05-01' }, p.id);
      await api.call('POST', `/sprints/${a.id}/start`);
      const names = async (query: string) =>
        (
          await api.call('GET', `/products/${p.key}/sprints${query}`, { token: viewer.token })
        ).body.sprints.map((s: Body) => s.name);
      const hidden = await api.call('GET', `/products/${p.id}/sprints`, { token: viewer.token });
      assert.equal(hidden.status, 404, 'the viewer is not a member of this product yet');
      await api.call('PUT', `/products/${p.id}/members/${viewer.user.id}`);
      assert.deepEqual(await names(''), ['Z', 'A', 'B']);
      assert.deepEqual(await names(`?teamId=${alpha.id}`), ['A', 'B']);
      assert.deepEqual(await names('?teamId=none'), ['Z']);
      assert.deepEqual(await names('?state=active'), ['A']);
      assert.deepEqual(await names(`?state=planned&teamId=${alpha.id}`), ['B']);
      const bad = await api.call('GET', `/products/${p.id}/sprints?state=running`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'state');
      assert.ok(b && early);
    });

    it('details a sprint: items in rank order, points, and every not-ready reason', async () => {
      const p = await buildProduct(api);
      const s = await sprint({ name: 'Detail' }, p.id);
      const blocker = await item({ title: 'Export CSV', status: 'in_progress' }, p.id);
      const doneBlocker = await item({ title: 'Schema', status: 'done' }, p.id);
      const ready = await item({ title: 'Ready', estimate: 3, sprintId: s.id }, p.id);
      const noEstimate = await item({ title: 'No estimate', estimate: null, sprintId: s.id }, p.id);
      const noCriteria = await item({ title: 'No criteria', acceptanceCriteria: [], sprintId: s.id }, p.id);
      const blocked = await item({ title: 'Blocked', estimate: 5, sprintId: s.id }, p.id);
      const waiting = await item({ title: 'Waiting', estimate: 2, sprintId: s.id }, p.id);
      const done = await item(
        { title: 'Done', estimate: 8, status: 'done', acceptanceCriteria: [], sprintId: s.id },
        p.id,
      );
      const dropped = await item({ title: 'Dropped', estimate: 13, status: 'wont_do', sprintId: s.id }, p.id);
      const trashed = await item({ title: 'Trashed', estimate: 21, sprintId: s.id }, p.id);
      await api.call('DELETE', `/items/${trashed.id}`);
      await api.call('POST', `/items/${ready.id}/move`, { body: { beforeId: blocker.id } });
      await api.call('POST', `/items/${blocked.id}/dependencies`, { body: { blockedBy: blocker.key } });
      await api.call('POST', `/items/${ready.id}/dependencies`, { body: { blockedBy: doneBlocker.key } });
      await api.call('POST', `/items/${waiting.id}/external-dependencies`, {
        body: { title: 'Legal approval' },
      });
      await api.call('POST', `/items/${ready.id}/external-dependencies`, {
        body: { title: 'Met', met: true },
      });

      const detail = await api.call('GET', `/sprints/${s.id}`, { token: viewer.token });
      assert.equal(detail.status, 404, 'the viewer is not a member of this product');
      const response = await api.call('GET', `/sprints/${s.id}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('etag'), '"1"');
      const body = response.body;
      assert.equal(body.sprint.id, s.id);
      assert.deepEqual(
        body.items.map((i: Body) => i.title),
        ['Ready', 'No estimate', 'No criteria', 'Blocked', 'Waiting', 'Done', 'Dropped'],
      );
      assert.equal(body.items[0].criteriaTotal, 1);
      assert.deepEqual(body.points, { planned: 3 + 0 + 1 + 5 + 2 + 8, done: 8, unestimated: 1 });
      assert.deepEqual(body.velocity, { mean: null, min: null, max: null, sprints: 0 });

      const reasons = Object.fromEntries(
        body.notReady.map((n: Body) => [n.key, n.reasons.map((r: Body) => [r.code, r.message])]),
      );
      assert.deepEqual(reasons, {
        [noEstimate.key]: [['no_estimate', 'no estimate']],
        [noCriteria.key]: [['no_acceptance_criteria', 'no acceptance criteria']],
        [blocked.key]: [['blocked', `blocked by ${blocker.key} "Export CSV" (in progress)`]],
        [waiting.key]: [['blocked', 'waiting on "Legal approval" (external)']],
      });
      const blockedReason = body.notReady.find((n: Body) => n.itemId === blocked.id).reasons[0];
      assert.deepEqual(blockedReason.blockers, [{ key: blocker.key, title: 'Export CSV', external: false }]);

      await setItem(blocker.id, { status: 'done' });
      const after = (await api.call('GET', `/sprints/${s.id}`)).body;
      assert.ok(
        !after.notReady.some((n: Body) => n.itemId === blocked.id),
        'a done blocker no longer blocks',
      );
      assert.ok(done && dropped);
    });

    it('gives the velocity of the last three closed sprints of the same team', async () => {
      const p = await buildProduct(api);
      const alpha = await team('Alpha', p.id);
      const beta = await team('Beta', p.id);
      let start = 2;
      for (const points of [20, 5, 8, 3]) {
        const day = String(start).padStart(2, '0');
        const s = await sprint(
          { teamId: alpha.id, startDate: `2026-06-${day}`, endDate: `2026-06-${day}` },
          p.id,
        );
        const it1 = await item({ estimate: points, sprintId: s.id }, p.id);
        await item({ estimate: 1, sprintId: s.id }, p.id); // not finished
        assert.equal((await api.call('POST', `/sprints/${s.id}/start`)).status, 200);
        await setItem(it1.id, { status: 'done' });
        const closed = await api.call('POST', `/sprints/${s.id}/close`, { body: { leftovers: 'backlog' } });
        assert.equal(closed.status, 200, JSON.stringify(closed.body));
        assert.equal(closed.body.completedPoints, points);
        start += 1;
      }
      const planned = await sprint(
        { teamId: alpha.id, startDate: '2026-07-01', endDate: '2026-07-10' },
        p.id,
      );
      const detail = (await api.call('GET', `/sprints/${planned.id}`)).body;
      assert.deepEqual(detail.velocity, { mean: (5 + 8 + 3) / 3, min: 3, max: 8, sprints: 3 });
      const other = await sprint({ teamId: beta.id }, p.id);
      assert.deepEqual((await api.call('GET', `/sprints/${other.id}`)).body.velocity, {
        mean: null,
        min: null,
        max: null,
        sprints: 0,
      });
      const closed = (await api.call('GET', `/products/${p.id}/sprints?state=closed`)).body.sprints;
      assert.deepEqual(
        closed.map((s: Body) => [s.committedPoints, s.completedPoints]),
        [
          [21, 20],
          [6, 5],
          [9, 8],
          [4, 3],
        ],
      );
    });

    it('starts a sprint committing to its points; one active sprint per team', async () => {
      const p = await buildProduct(api);
      const alpha = await team('Alpha', p.id);
      const beta = await team('Beta', p.id);
      const first = await sprint({ name: 'Alpha 1', teamId: alpha.id }, p.id);
      const second = await sprint({ name: 'Alpha 2', teamId: alpha.id }, p.id);
      const betaSprint = await sprint({ name: 'Beta 1', teamId: beta.id }, p.id);
      const teamless = await sprint({ name: 'Teamless 1' }, p.id);
      const teamless2 = await sprint({ name: 'Teamless 2' }, p.id);
      await item({ estimate: 3, sprintId: first.id }, p.id);
      await item({ estimate: null, sprintId: first.id }, p.id);
      await item({ estimate: 5, status: 'wont_do', sprintId: first.id }, p.id);
      const trashed = await item({ estimate: 8, sprintId: first.id }, p.id);
      await api.call('DELETE', `/items/${trashed.id}`);
      await item({ estimate: 2, status: 'done', sprintId: first.id }, p.id);

      const started = await api.call('POST', `/sprints/${first.id}/start`);
      assert.equal(started.status, 200);
      assert.equal(started.body.state, 'active');
      assert.equal(started.body.committedPoints, 5);
      assert.ok(started.body.startedAt);
      assert.equal(started.body.version, 2);

      const refused = await api.call('POST', `/sprints/${second.id}/start`);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.details.reason, 'sprint_active');
      assert.equal(refused.body.error.details.activeSprintId, first.id);
      assert.match(refused.body.error.message, /"Alpha 1" is already active/);
      assert.equal((await api.call('GET', `/sprints/${second.id}`)).body.sprint.state, 'planned');

      assert.equal((await api.call('POST', `/sprints/${betaSprint.id}/start`)).status, 200, 'another team');
      assert.equal((await api.call('POST', `/sprints/${teamless.id}/start`)).status, 200, 'no team');
      assert.equal((await api.call('POST', `/sprints/${teamless2.id}/start`)).status, 409);
      const again = await api.call('POST', `/sprints/${first.id}/start`);
      assert.equal(again.status, 409);
      assert.equal(again.body.error.details.reason, 'sprint_not_planned');

      const events = (await api.call('GET', `/products/${p.id}/events?limit=500`)).body.events;
      const startEvent = events.find((e: Body) => e.entityId === first.id && e.action === 'started');
      assert.deepEqual(startEvent.changes.state, ['planned', 'active']);
      assert.deepEqual(startEvent.changes.committedPoints, [null, 5]);
    });

    it('backs the one-active rule with a unique index whose violation is recognised on both databases', async () => {
      const p = await buildProduct(api);
      const a = await sprint({ name: 'Race A' }, p.id);
      const b = await sprint({ name: 'Race B' }, p.id);
      const { db } = api.database;
      await db.updateTable('sprints').set({ state: 'active' }).where('id', '=', a.id).execute();
      const violation = await db
        .updateTable('sprints')
        .set({ state: 'active' })
        .where('id', '=', b.id)
        .execute()
        .then(
          () => null,
          (error: unknown) => error,
        );
      assert.ok(violation, 'the index refuses a second active sprint of a team');
      assert.ok(isOneActiveViolation(violation), String(violation));
      assert.equal(isOneActiveViolation(new Error('other')), false);
    });

    it('changes a sprint with If-Match; a closed sprint keeps all but its name and goal', async () => {
      const p = await buildProduct(api);
      const s = await sprint({ name: 'Edit me' }, p.id);
      const patched = await api.call('PATCH', `/sprints/${s.id}`, {
        body: { goal: 'Ship it', capacity: 30, wipLimits: { in_progress: 4 }, endDate: '2026-03-16' },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(patched.status, 200);
      assert.equal(patched.headers.get('etag'), '"2"');
      assert.equal(patched.body.capacity, 30);
      assert.deepEqual(patched.body.wipLimits, { in_progress: 4 });
      const stale = await api.call('PATCH', `/sprints/${s.id}`, {
        body: { capacity: 10 },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.error.code, 'version_conflict');
      assert.equal(stale.body.error.details.current.capacity, 30);
      const backwards = await api.call('PATCH', `/sprints/${s.id}`, { body: { endDate: '2026-03-01' } });
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.error.details.issues[0].path, 'endDate');

      await api.call('POST', `/sprints/${s.id}/start`);
      await api.call('POST', `/sprints/${s.id}/close`, { body: {} });
      const frozen = await api.call('PATCH', `/sprints/${s.id}`, { body: { capacity: 40, goal: 'x' } });
      assert.equal(frozen.status, 409);
      assert.equal(frozen.body.error.details.reason, 'sprint_closed');
      assert.match(frozen.body.error.message, /only its name and goal can change \(not capacity\)/);
      const renamed = await api.call('PATCH', `/sprints/${s.id}`, {
        body: { name: 'Renamed', goal: 'Shipped' },
      });
      assert.equal(renamed.status, 200);
      assert.equal(renamed.body.name, 'Renamed');
      assert.equal(renamed.body.state, 'closed');
    });

    it('deletes only a planned sprint, sending its items back to the backlog', async () => {
      const p = await buildProduct(api);
      const s = await sprint({ name: 'Doomed' }, p.id);
      const a = await item({ title: 'a', sprintId: s.id }, p.id);
      const b = await item({ title: 'b', sprintId: s.id }, p.id);
      const deleted = await api.call('DELETE', `/sprints/${s.id}`);
      assert.equal(deleted.status, 200);
      assert.notEqual(deleted.body.deletedAt, null);
      for (const moved of [a, b]) {
        const now = (await api.call('GET', `/items/${moved.id}`)).body;
        assert.equal(now.sprintId, null);
        assert.equal(now.version, 2);
        assert.equal(now.rank, moved.rank, 'it keeps its place in the backlog');
        const history = (await api.call('GET', `/items/${moved.id}/history`)).body.events;
        assert.deepEqual(history.at(-1).changes, { sprintId: [s.id, null] });
      }
      assert.deepEqual((await api.call('GET', `/products/${p.id}/sprints`)).body.sprints, []);
      assert.equal((await api.call('GET', `/sprints/${s.id}`)).body.sprint.deletedAt, deleted.body.deletedAt);
      const joinTrashed = await api.call('PATCH', `/items/${a.id}`, { body: { sprintId: s.id } });
      assert.equal(joinTrashed.status, 400);
      assert.equal(joinTrashed.body.error.details.issues[0].path, 'sprintId');

      const active = await sprint({ name: 'Running' }, p.id);
      await api.call('POST', `/sprints/${active.id}/start`);
      const refused = await api.call('DELETE', `/sprints/${active.id}`);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.details.reason, 'sprint_not_planned');
    });

    it('lets a viewer read sprints and refuses every sprint write with 403', async () => {
      const s = await sprint({ name: 'Read only' });
      assert.equal((await api.call('GET', `/sprints/${s.id}`, { token: viewer.token })).status, 200);
      assert.equal(
        (await api.call('GET', `/products/${product.id}/sprints`, { token: viewer.token })).status,
        200,
      );
      for (const [method, path, body] of [
        [
          'POST',
          `/products/${product.id}/sprints`,
          { name: 'x', startDate: '2026-03-02', endDate: '2026-03-03' },
        ],
        ['PATCH', `/sprints/${s.id}`, { name: 'x' }],
        ['DELETE', `/sprints/${s.id}`, undefined],
        ['POST', `/sprints/${s.id}/start`, undefined],
        ['POST', `/sprints/${s.id}/close`, {}],
      ] as const) {
        const response = await api.call(method, path, { token: viewer.token, body });
        assert.equal(response.status, 403, `${method} ${path}`);
      }
      assert.equal((await api.call('GET', '/sprints/0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d')).status, 404);
    });
  });
}
