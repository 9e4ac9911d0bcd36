import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Body, buildItem, buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

/** Lets the clock move on, so changes made after a start happen after it to the millisecond. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

for (const dialect of DIALECTS) {
  describe(`closing a sprint over HTTP (${dialect})`, () => {
    let api: TestApi;

    before(async () => {
      api = await createTestApi(dialect);
    });
    after(() => api.close());

    async function setup() {
      const product = await buildProduct(api);
      const team = (await api.call('POST', `/products/${product.id}/teams`, { body: { name: 'Alpha' } }))
        .body;
      return { product, team };
    }

    async function sprint(productId: string, body: Record<string, unknown>) {
      const response = await api.call('POST', `/products/${productId}/sprints`, {
        body: { name: 'Sprint', startDate: '2026-03-02', endDate: '2026-03-13', ...body },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body;
    }

    const item = (productId: string, title: string, overrides: Record<string, unknown> = {}) =>
      buildItem(api, productId, { title, estimate: 1, ...overrides });

    async function setItem(id: string, body: Record<string, unknown>) {
      const response = await api.call('PATCH', `/items/${id}`, { body });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    }

    async function start(sprintId: string) {
      const response = await api.call('POST', `/sprints/${sprintId}/start`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      await tick();
      return response.body;
    }

    async function close(sprintId: string, body: Record<string, unknown>) {
      const response = await api.call('POST', `/sprints/${sprintId}/close`, { body });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    }

    const keys = (list: Body[]) => list.map((i) => i.key).sort();
    const getItem = async (id: string) => (await api.call('GET', `/items/${id}`)).body;
    const backlogTitles = async (productId: string) =>
      (await api.call('GET', `/products/${productId}/backlog`)).body.items.map((i: Body) => i.title);

    it('reports completed, not completed, added after start and removed, and moves leftovers to a chosen sprint', async () => {
      const { product, team } = await setup();
      const s = await sprint(product.id, { name: 'Sprint 14', teamId: team.id });
      const later = await sprint(product.id, {
        name: 'Later',
        teamId: team.id,
        startDate: '2026-03-16',
        endDate: '2026-03-27',
      });
      const outside = await item(product.id, 'outside');
      const a = await item(product.id, 'A', { estimate: 3, sprintId: s.id });
      const b = await item(product.id, 'B', { estimate: 5, sprintId: s.id, status: 'in_progress' });
      const c = await item(product.id, 'C', { estimate: 2, sprintId: s.id });
      const d = await item(product.id, 'D', { estimate: 1, sprintId: s.id });
      const e = await item(product.id, 'E', { estimate: 2, sprintId: s.id });
      const h = await item(product.id, 'H', { estimate: 4, sprintId: s.id });
      await start(s.id);

      await setItem(a.id, { status: 'done' });
      await setItem(d.id, { sprintId: null });
      await setItem(e.id, { status: 'wont_do' });
      await api.call('DELETE', `/items/${h.id}`);
      const f = await item(product.id, 'F', { estimate: 3, sprintId: s.id });
      await setItem(f.id, { status: 'done' });
      const g = await item(product.id, 'G', { estimate: 1, sprintId: s.id, status: 'in_progress' });
      await setItem(b.id, { title: 'B renamed' });

      const report = await close(s.id, { leftovers: 'next', nextSprintId: later.id });
      assert.equal(report.sprintId, s.id);
      assert.equal(report.committedPoints, 3 + 5 + 2 + 1 + 2 + 4);
      assert.equal(report.completedPoints, 3 + 3);
      assert.deepEqual(keys(report.completed), keys([a, f]));
      assert.deepEqual(keys(report.notCompleted), keys([b, c, g]));
      assert.ok(report.notCompleted.every((i: Body) => i.movedTo === 'next'));
      assert.deepEqual(keys(report.addedAfterStart), keys([f, g]));
      assert.deepEqual(keys(report.removed), keys([d, e, h]));
      assert.equal(report.nextSprintId, later.id);
      const reportB = report.notCompleted.find((i: Body) => i.id === b.id);
      assert.deepEqual(reportB, {
        id: b.id,
        key: b.key,
        title: 'B renamed',
        estimate: 5,
        status: 'in_progress',
        movedTo: 'next',
      });
      assert.equal(report.removed.find((i: Body) => i.id === e.id).status, 'wont_do');

      const closed = (await api.call('GET', `/sprints/${s.id}`)).body.sprint;
      assert.equal(closed.state, 'closed');
      assert.ok(closed.closedAt > closed.startedAt);
      assert.equal(closed.committedPoints, 17);
      assert.equal(closed.completedPoints, 6);
      assert.deepEqual((await api.call('GET', `/sprints/${s.id}/report`)).body, report);

      for (const leftover of [b, c, g]) {
        const now = await getItem(leftover.id);
        assert.equal(now.sprintId, later.id);
        const history = (await api.call('GET', `/items/${leftover.id}/history`)).body.events;
        assert.deepEqual(history.at(-1).changes, { sprintId: [s.id, later.id] });
        assert.equal(history.at(-1).at, closed.closedAt);
      }
      assert.equal((await getItem(a.id)).sprintId, s.id, 'done items stay in the closed sprint');
      const laterDetail = (await api.call('GET', `/sprints/${later.id}`)).body;
      assert.deepEqual(
        laterDetail.items.map((i: Body) => i.id),
        [b.id, c.id, g.id],
      );

      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      const closedEvent = events.find((ev: Body) => ev.entityId === s.id && ev.action === 'closed');
      assert.deepEqual(closedEvent.changes.state, ['active', 'closed']);
      assert.deepEqual(closedEvent.changes.completedPoints, [null, 6]);
      assert.deepEqual(closedEvent.changes.closedAt, [null, closed.closedAt]);

      const join = await api.call('PATCH', `/items/${outside.id}`, { body: { sprintId: s.id } });
      assert.equal(join.status, 400, 'a closed sprint takes no new items');
      assert.equal(join.body.error.details.issues[0].path, 'sprintId');
      const again = await api.call('POST', `/sprints/${s.id}/close`, { body: {} });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.details.reason, 'sprint_not_active');
    });

    it('creates the following sprint when leftovers go to a next sprint that does not exist yet', async () => {
      const { product, team } = await setup();
      const s = await sprint(product.id, {
        name: 'Sprint 14',
        teamId: team.id,
        goal: 'Checkout',
        capacity: 20,
        timezone: 'Europe/Berlin',
        wipLimits: { in_progress: 3 },
      });
      const left = await item(product.id, 'left', { sprintId: s.id });
      await start(s.id);
      const report = await close(s.id, { leftovers: 'next' });
      assert.ok(report.nextSprintId);
      const next = (await api.call('GET', `/sprints/${report.nextSprintId}`)).body;
      assert.deepEqual(
        {
          name: next.sprint.name,
          teamId: next.sprint.teamId,
          state: next.sprint.state,
          startDate: next.sprint.startDate,
          endDate: next.sprint.endDate,
          capacity: next.sprint.capacity,
          timezone: next.sprint.timezone,
          wipLimits: next.sprint.wipLimits,
          goal: next.sprint.goal,
        },
        {
          name: 'Sprint 15',
          teamId: team.id,
          state: 'planned',
          startDate: '2026-03-14',
          endDate: '2026-03-25',
          capacity: 20,
          timezone: 'Europe/Berlin',
          wipLimits: { in_progress: 3 },
          goal: '',
        },
      );
      assert.deepEqual(
        next.items.map((i: Body) => i.id),
        [left.id],
      );
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      assert.ok(events.some((ev: Body) => ev.entityId === next.sprint.id && ev.action === 'created'));

      // A name without a number continues; nothing unfinished creates nothing.
      const kickoff = await sprint(product.id, {
        name: 'Kickoff',
        startDate: '2026-04-01',
        endDate: '2026-04-01',
      });
      await item(product.id, 'straggler', { sprintId: kickoff.id });
      await start(kickoff.id);
      const continued = await close(kickoff.id, { leftovers: 'next' });
      const follow = (await api.call('GET', `/sprints/${continued.nextSprintId}`)).body.sprint;
      assert.equal(follow.name, 'Kickoff (continued)');
      assert.equal(follow.teamId, null);
      assert.deepEqual([follow.startDate, follow.endDate], ['2026-04-02', '2026-04-02']);
      const empty = await sprint(product.id, {
        name: 'Empty 1',
        startDate: '2026-05-01',
        endDate: '2026-05-02',
      });
      await start(empty.id);
      assert.equal((await close(empty.id, { leftovers: 'next' })).nextSprintId, null);
    });

    it('puts leftovers at the top of the backlog, keeping their order', async () => {
      const { product } = await setup();
      const s = await sprint(product.id, { name: 'Top' });
      const trashedTop = await item(product.id, 'trashed top');
      await item(product.id, 'X1');
      await item(product.id, 'L1', { sprintId: s.id });
      await item(product.id, 'X2');
      await item(product.id, 'L2', { sprintId: s.id, status: 'in_review' });
      const done = await item(product.id, 'Done', { sprintId: s.id });
      await item(product.id, 'X3');
      const l3 = await item(product.id, 'L3', { sprintId: s.id });
      await api.call('DELETE', `/items/${trashedTop.id}`);
      await start(s.id);
      await setItem(done.id, { status: 'done' });

      const report = await close(s.id, {});
      assert.ok(report.notCompleted.every((i: Body) => i.movedTo === 'backlog'));
      assert.equal(report.nextSprintId, null);
      assert.deepEqual(await backlogTitles(product.id), ['L1', 'L2', 'L3', 'X1', 'X2', 'Done', 'X3']);
      const moved = await getItem(l3.id);
      assert.equal(moved.sprintId, null);
      const last = (await api.call('GET', `/items/${l3.id}/history`)).body.events.at(-1);
      assert.deepEqual(last.changes.sprintId, [s.id, null]);
      assert.deepEqual(last.changes.rank, [l3.rank, moved.rank]);
      assert.equal(last.action, 'updated');
      const restored = await api.call('POST', `/items/${trashedTop.id}/restore`);
      assert.equal(restored.status, 200);
      assert.equal((await backlogTitles(product.id))[0], 'trashed top', 'a restore still finds its place');
    });

    it('moves each leftover as chosen, and refuses bad choices without closing', async () => {
      const { product, team } = await setup();
      const other = (await api.call('POST', `/products/${product.id}/teams`, { body: { name: 'Beta' } }))
        .body;
      const s = await sprint(product.id, { name: 'Choices', teamId: team.id });
      const next = await sprint(product.id, {
        name: 'Next',
        teamId: team.id,
        startDate: '2026-03-16',
        endDate: '2026-03-27',
      });
      const otherTeams = await sprint(product.id, { name: 'Theirs', teamId: other.id });
      await item(product.id, 'X');
      const keep = await item(product.id, 'keep', { sprintId: s.id });
      const back = await item(product.id, 'back', { sprintId: s.id });
      const finished = await item(product.id, 'finished', { sprintId: s.id });
      const elsewhere = await item(product.id, 'elsewhere');
      await start(s.id);
      await setItem(finished.id, { status: 'done' });

      const refusals: [Record<string, unknown>, string][] = [
        [{ leftovers: 'next', nextSprintId: otherTeams.id }, 'nextSprintId'],
        [{ leftovers: 'next', nextSprintId: s.id }, 'nextSprintId'],
        [{ moves: [{ itemId: finished.id, to: 'next' }] }, 'moves.0.itemId'],
        [
          {
            moves: [
              { itemId: keep.id, to: 'backlog' },
              { itemId: elsewhere.id, to: 'next' },
            ],
          },
          'moves.1.itemId',
        ],
        [{ leftovers: 'later' }, 'leftovers'],
      ];
      for (const [body, path] of refusals) {
        const refused = await api.call('POST', `/sprints/${s.id}/close`, { body });
        assert.equal(refused.status, 400, JSON.stringify(body));
        assert.equal(refused.body.error.details.issues[0].path, path);
      }
      assert.equal((await api.call('GET', `/sprints/${s.id}`)).body.sprint.state, 'active');

      const report = await close(s.id, {
        leftovers: 'backlog',
        nextSprintId: next.id,
        moves: [{ itemId: keep.id, to: 'next' }],
      });
      const movedTo = Object.fromEntries(report.notCompleted.map((i: Body) => [i.title, i.movedTo]));
      assert.deepEqual(movedTo, { keep: 'next', back: 'backlog' });
      assert.equal((await getItem(keep.id)).sprintId, next.id);
      assert.equal((await getItem(back.id)).sprintId, null);
      assert.equal((await backlogTitles(product.id))[0], 'back');
    });

    it('previews the active sprint report and has none for a planned sprint', async () => {
      const { product } = await setup();
      const s = await sprint(product.id, { name: 'Preview' });
      const a = await item(product.id, 'a', { estimate: 2, sprintId: s.id });
      const b = await item(product.id, 'b', { estimate: 3, sprintId: s.id });
      const planned = await api.call('GET', `/sprints/${s.id}/report`);
      assert.equal(planned.status, 409);
      assert.equal(planned.body.error.details.reason, 'sprint_planned');
      const notActive = await api.call('POST', `/sprints/${s.id}/close`, { body: {} });
      assert.equal(notActive.status, 409);
      await start(s.id);
      await setItem(a.id, { status: 'done' });
      const preview = (await api.call('GET', `/sprints/${s.id}/report`)).body;
      assert.equal(preview.committedPoints, 5);
      assert.equal(preview.completedPoints, 2);
      assert.deepEqual(keys(preview.completed), [a.key]);
      assert.deepEqual(preview.notCompleted, [
        { id: b.id, key: b.key, title: 'b', estimate: 3, status: 'backlog', movedTo: null },
      ]);
      assert.equal(preview.nextSprintId, null);
      assert.equal((await getItem(b.id)).sprintId, s.id, 'a preview moves nothing');
    });
  });
}
