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

const DAY = 86_400_000;
const dateAt = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = () => dateAt(Date.now());
const daysFromToday = (n: number) => dateAt(Date.now() + n * DAY);

for (const dialect of DIALECTS) {
  describe(`charts (${dialect})`, () => {
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

    async function call(path: string, token?: string) {
      return api.call('GET', path, { token });
    }

    async function plannedSprint(name: string, overrides: Record<string, unknown> = {}) {
      const response = await api.call('POST', `/products/${product.id}/sprints`, {
        body: { name, startDate: daysFromToday(-2), endDate: daysFromToday(2), ...overrides },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body;
    }

    async function setItem(id: string, body: Record<string, unknown>) {
      const response = await api.call('PATCH', `/items/${id}`, { body });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    }

    describe('burndown', () => {
      let sprint: Body;
      let items: Body[];

      before(async () => {
        sprint = await plannedSprint('Sprint "Alpha", one');
        items = [];
        for (const estimate of [3, 5, 2]) {
          items.push(await buildItem(api, product.id, { estimate, sprintId: sprint.id, status: 'ready' }));
        }
        const started = await api.call('POST', `/sprints/${sprint.id}/start`);
        assert.equal(started.status, 200, JSON.stringify(started.body));
        sprint = started.body;
      });

      it('answers the days of the sprint with the ideal line and today as of now', async () => {
        const response = await call(`/sprints/${sprint.id}/burndown`);
        assert.equal(response.status, 200, JSON.stringify(response.body));
        const chart = response.body;
        assert.equal(chart.sprintId, sprint.id);
        assert.equal(chart.committed, 10);
        assert.equal(chart.remainingAtStart, 10);
        assert.deepEqual(
          chart.days.map((d: Body) => d.date),
          [-2, -1, 0, 1, 2].map(daysFromToday),
        );
        assert.deepEqual(
          chart.days.map((d: Body) => d.ideal),
          [8, 6, 4, 2, 0],
        );
        // Started today: today shows the sprint as it is, the days to come are null.
        const todayRow = chart.days[2];
        assert.deepEqual([todayRow.remaining, todayRow.done, todayRow.scope], [10, 0, 10]);
        assert.deepEqual(
          chart.days.slice(3).map((d: Body) => d.remaining),
          [null, null],
        );
        assert.deepEqual(chart.scopeChanges, []);
      });

      it('follows every change at once: done, added and re-estimated items', async () => {
        await call(`/sprints/${sprint.id}/burndown`);
        await setItem(items[0].id, { status: 'done' });
        const added = await buildItem(api, product.id, { title: 'Late, "urgent"', estimate: 1 });
        await setItem(added.id, { sprintId: sprint.id });
        await setItem(items[1].id, { estimate: 8 });
        const chart = (await call(`/sprints/${sprint.id}/burndown`)).body;
        const todayRow = chart.days[2];
        assert.deepEqual(
          [todayRow.remaining, todayRow.done, todayRow.scope, todayRow.added, todayRow.reestimated],
          [11, 3, 14, 1, 3],
        );
        assert.deepEqual(
          chart.scopeChanges.map((c: Body) => [c.key, c.kind, c.points]),
          [
            [added.key, 'added', 1],
            [items[1].key, 'reestimated', 3],
          ],
        );
        assert.equal(chart.committed, 10, 'the commitment stays what it was at the start');
      });

      it('recomputes the chart as it stood at a past instant (asOf)', async () => {
        const response = await call(
          `/sprints/${sprint.id}/burndown?asOf=${encodeURIComponent(sprint.startedAt)}`,
        );
        assert.equal(response.status, 200);
        assert.equal(response.body.asOf, new Date(sprint.startedAt).toISOString());
        assert.deepEqual(response.body.days[2].remaining, 10);
        assert.deepEqual(response.body.scopeChanges, []);
      });

      it('downloads the days as CSV named after the sprint', async () => {
        const response = await call(`/sprints/${sprint.id}/burndown?format=csv`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
        assert.equal(
          response.headers.get('content-disposition'),
          `attachment; filename="burndown-Sprint_Alpha_one.csv"; filename*=UTF-8''burndown-Sprint%20%22Alpha%22%2C%20one.csv`,
        );
        const lines = (response.body as string).split('\r\n');
        assert.equal(lines[0], 'date,remaining,ideal,done,scope,added,removed,reestimated,reopened,afterEnd');
        assert.equal(lines.length, 1 + 5 + 1, 'a row per day, and a final line end');
        assert.equal(lines[3], `${today()},11,4,3,14,1,0,3,0,false`);
        assert.equal(lines[4], `${daysFromToday(1)},,2,,,0,0,0,0,false`);
      });

      it('refuses an asOf that is not a timestamp, naming the field', async () => {
        const response = await call(`/sprints/${sprint.id}/burndown?asOf=yesterday`);
        assert.equal(response.status, 400);
        assert.equal(response.body.error.details.issues[0].path, 'asOf');
        const format = await call(`/sprints/${sprint.id}/burndown?format=xml`);
        assert.equal(format.status, 400);
        assert.equal(format.body.error.details.issues[0].path, 'format');
      });

      it('lets a viewer read it, and hides another product’s sprint', async () => {
        assert.equal((await call(`/sprints/${sprint.id}/burndown`, viewer.token)).status, 200);
        const other = await buildProduct(api);
        const hidden = await api.call('POST', `/products/${other.id}/sprints`, {
          body: { name: 'Hidden', startDate: today(), endDate: today() },
        });
        const response = await call(`/sprints/${hidden.body.id}/burndown`, viewer.token);
        assert.equal(response.status, 404);
        assert.equal((await call('/sprints/01a21414-9aaf-771b-a104-63ea40e49d01/burndown')).status, 404);
      });
    });

    describe('velocity', () => {
      let team: Body;
      let closed: Body[];

      before(async () => {
        team = (await api.call('POST', `/products/${product.id}/teams`, { body: { name: 'Team V' } })).body;
        closed = [];
        for (const [name, done] of [
          ['V1', [2]],
          ['V2, the second', [3, 5]],
          ['V3', [8]],
          ['V4', []],
        ] as const) {
          const sprint = await plannedSprint(name, { teamId: team.id });
          const ids: string[] = [];
          for (const estimate of [...done, 1]) {
            ids.push((await buildItem(api, product.id, { estimate, sprintId: sprint.id })).id);
          }
          assert.equal((await api.call('POST', `/sprints/${sprint.id}/start`)).status, 200);
          for (const id of ids.slice(0, done.length)) await setItem(id, { status: 'done' });
          const report = await api.call('POST', `/sprints/${sprint.id}/close`, {
            body: { leftovers: 'backlog' },
          });
          assert.equal(report.status, 200, JSON.stringify(report.body));
          closed.push(sprint);
        }
      });

      it("answers the team's last closed sprints, oldest first, with mean, min and max of the last three", async () => {
        const response = await call(`/products/${product.id}/velocity?teamId=${team.id}&count=3`);
        assert.equal(response.status, 200, JSON.stringify(response.body));
        const chart = response.body;
        assert.equal(chart.teamId, team.id);
        assert.deepEqual(
          chart.sprints.map((s: Body) => [s.name, s.committed, s.completed]),
          [
            ['V2, the second', 9, 8],
            ['V3', 9, 8],
            ['V4', 1, 0],
          ],
        );
        assert.deepEqual([chart.mean, chart.min, chart.max], [16 / 3, 0, 8]);
        const all = (await call(`/products/${product.id}/velocity?teamId=${team.id}`)).body;
        assert.equal(all.sprints.length, 4);
        assert.equal(all.mean, chart.mean, 'the last three, however many are shown');
      });

      it('answers the sprints without a team when no team is named', async () => {
        for (const path of [
          `/products/${product.id}/velocity`,
          `/products/${product.key}/velocity?teamId=none`,
        ]) {
          const chart = (await call(path, viewer.token)).body;
          assert.equal(chart.teamId, null);
          assert.ok(chart.sprints.every((s: Body) => !closed.some((c) => c.id === s.sprintId)));
        }
      });

      it('downloads the sprints as CSV', async () => {
        const response = await call(`/products/${product.id}/velocity?teamId=${team.id}&count=2&format=csv`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-disposition') ?? '', /filename="velocity-/);
        const closedDates = closed[2];
        assert.equal(
          response.body,
          'sprint,startDate,endDate,committed,completed\r\n' +
            `V3,${closedDates.startDate},${closedDates.endDate},9,8\r\n` +
            `V4,${closedDates.startDate},${closedDates.endDate},1,0\r\n`,
        );
      });

      it('refuses a bad count or a team of another product, naming the field', async () => {
        const count = await call(`/products/${product.id}/velocity?count=0`);
        assert.equal(count.status, 400);
        assert.equal(count.body.error.details.issues[0].path, 'count');
        const other = await buildProduct(api);
        const foreign = (await api.call('POST', `/products/${other.id}/teams`, { body: { name: 'X' } })).body;
        const team = await call(`/products/${product.id}/velocity?teamId=${foreign.id}`);
        assert.equal(team.status, 400);
        assert.equal(team.body.error.details.issues[0].path, 'teamId');
      });
    });

    describe('cumulative flow', () => {
      let flowProduct: Body;

      before(async () => {
        flowProduct = await buildProduct(api);
        await api.call('PUT', `/products/${flowProduct.id}/members/${viewer.user.id}`);
        for (const status of ['backlog', 'backlog', 'ready', 'done', 'wont_do']) {
          await buildItem(api, flowProduct.id, { status });
        }
      });

      const flow = (query: string, token?: string) =>
        call(`/products/${flowProduct.id}/cumulative-flow?${query}`, token);

      it('counts live items per status per day, up to today', async () => {
        const response = await flow(`from=${daysFromToday(-2)}&to=${daysFromToday(3)}`);
        assert.equal(response.status, 200, JSON.stringify(response.body));
        const chart = response.body;
        assert.deepEqual(chart.statuses, ['backlog', 'ready', 'in_progress', 'in_review', 'done', 'wont_do']);
        assert.equal(chart.timezone, 'UTC');
        assert.deepEqual([chart.from, chart.to], [daysFromToday(-2), daysFromToday(3)]);
        assert.deepEqual(
          chart.days.map((d: Body) => d.date),
          [daysFromToday(-2), daysFromToday(-1), today()],
          'days after today are left out',
        );
        assert.deepEqual(chart.days[0].counts, {
          backlog: 0,
          ready: 0,
          in_progress: 0,
          in_review: 0,
          done: 0,
          wont_do: 0,
        });
        assert.deepEqual(chart.days[2].counts, {
          backlog: 2,
          ready: 1,
          in_progress: 0,
          in_review: 0,
          done: 1,
          wont_do: 1,
        });
      });

      it('follows status changes, trash and restore at once', async () => {
        const kolkata = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
        const query = `from=${kolkata}&to=${kolkata}&timezone=Asia/Kolkata`;
        const before = (await flow(query)).body.days.at(-1).counts;
        const item = await buildItem(api, flowProduct.id, { status: 'ready' });
        await setItem(item.id, { status: 'in_progress' });
        const trashed = await buildItem(api, flowProduct.id, {});
        assert.equal((await api.call('DELETE', `/items/${trashed.id}`)).status, 200);
        const restored = await buildItem(api, flowProduct.id, { status: 'in_review' });
        await api.call('DELETE', `/items/${restored.id}`);
        assert.equal((await api.call('POST', `/items/${restored.id}/restore`)).status, 200);
        const now = (await flow(query)).body.days.at(-1).counts;
        assert.deepEqual(now, {
          ...before,
          in_progress: before.in_progress + 1,
          in_review: before.in_review + 1,
        });
      });

      it('answers the same days whichever range is asked first', async () => {
        const narrow = `from=${daysFromToday(-1)}&to=${today()}`;
        const wide = `from=${daysFromToday(-30)}&to=${daysFromToday(2)}`;
        const first = (await flow(narrow)).body.days;
        const widened = (await flow(wide)).body.days;
        assert.equal(widened.length, 31);
        assert.deepEqual(widened.slice(-2), first);
        const item = await buildItem(api, flowProduct.id, { status: 'done' });
        assert.deepEqual((await flow(narrow)).body.days.at(-1).counts, {
          ...first.at(-1).counts,
          done: first.at(-1).counts.done + 1,
        });
        await api.call('DELETE', `/items/${item.id}`);
        assert.deepEqual((await flow(wide)).body.days.slice(-2), first);
      });

      it('downloads the days as CSV, a column per status', async () => {
        const response = await flow(`from=${daysFromToday(-1)}&to=${today()}&format=csv`, viewer.token);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
        assert.match(response.headers.get('content-disposition') ?? '', /filename="cumulative-flow-/);
        const lines = (response.body as string).trimEnd().split('\r\n');
        assert.deepEqual(lines, [
          'date,backlog,ready,in_progress,in_review,done,wont_do',
          `${daysFromToday(-1)},0,0,0,0,0,0`,
          `${today()},2,1,1,1,1,1`,
        ]);
      });

      it('counts only the items that were in one of a team’s sprints', async () => {
        const team = (await api.call('POST', `/products/${flowProduct.id}/teams`, { body: { name: 'Flow' } }))
          .body;
        const chart = async () =>
          (await flow(`from=${today()}&to=${today()}&teamId=${team.id}`)).body.days[0].counts;
        assert.equal(
          Object.values(await chart()).reduce((a: number, b) => a + (b as number), 0),
          0,
        );
        const sprint = await api.call('POST', `/products/${flowProduct.id}/sprints`, {
          body: { name: 'F1', teamId: team.id, startDate: today(), endDate: today() },
        });
        assert.equal(sprint.status, 201, JSON.stringify(sprint.body));
        const item = await buildItem(api, flowProduct.id, { status: 'in_review' });
        await setItem(item.id, { sprintId: sprint.body.id });
        // Out of the sprint again, it still counts: it was in one.
        await setItem(item.id, { sprintId: null });
        assert.deepEqual(await chart(), {
          backlog: 0,
          ready: 0,
          in_progress: 0,
          in_review: 1,
          done: 0,
          wont_do: 0,
        });
      });

      it('refuses bad dates, a range over 366 days and an unknown time zone, naming the field', async () => {
        const cases: [string, string][] = [
          ['from=2026-02-30&to=2026-03-01', 'from'],
          ['from=2026-03-01&to=tomorrow', 'to'],
          ['from=2026-03-02&to=2026-03-01', 'to'],
          ['from=2025-01-01&to=2026-01-02', 'to'],
          ['from=0001-01-01&to=9999-12-31', 'to'],
          ['from=2026-03-01&to=2026-03-02&timezone=Mars/Olympus', 'timezone'],
          ['to=2026-03-02', 'from'],
        ];
        for (const [query, field] of cases) {
          const response = await flow(query);
          assert.equal(response.status, 400, query);
          assert.equal(response.body.error.code, 'validation_failed');
          assert.ok(
            response.body.error.details.issues.some((issue: Body) => issue.path === field),
            `${query}: ${JSON.stringify(response.body.error)}`,
          );
        }
        const year = await flow('from=2024-01-01&to=2024-12-31');
        assert.equal(year.status, 200, 'a leap year, 366 days, is allowed');
        assert.equal(year.body.days.length, 366);
      });

      it('hides a product the caller cannot see', async () => {
        const outsider = await buildUser(api, 'viewer');
        const response = await flow(`from=${today()}&to=${today()}`, outsider.token);
        assert.equal(response.status, 404);
      });
    });
  });
}
