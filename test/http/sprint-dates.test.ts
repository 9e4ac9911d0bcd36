/**
 * Sprint and chart dates stay within bounds: 8-week sprints, a 1970–2200 date window, cumulative flows
 * that stop at today, and charts of sprints stored before those rules that answer over a bounded range.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Body, buildItem, buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const DAY = 86_400_000;
const dateAt = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = () => dateAt(Date.now());
const daysFromToday = (n: number) => dateAt(Date.now() + n * DAY);

for (const dialect of DIALECTS) {
  describe(`sprint and chart dates (${dialect})`, () => {
    let api: TestApi;
    let product: Body;

    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
    });
    after(() => api.close());

    const createSprint = (body: Record<string, unknown>) =>
      api.call('POST', `/products/${product.id}/sprints`, {
        body: { name: 'Sprint', startDate: '2026-03-02', endDate: '2026-03-13', ...body },
      });
    const firstIssue = (response: { body: Body }) => response.body.error.details.issues[0];

    it('refuses a sprint longer than 8 weeks, or ending in 9999, with a 400 naming endDate', async () => {
      for (const endDate of ['2026-04-27', '2027-03-01', '9999-12-31']) {
        const response = await createSprint({ endDate });
        assert.equal(response.status, 400, endDate);
        assert.equal(firstIssue(response).path, 'endDate', endDate);
      }
      assert.match(firstIssue(await createSprint({ endDate: '2026-04-27' })).message, /at most 56 days/);
      const eightWeeks = await createSprint({ endDate: '2026-04-26' });
      assert.equal(eightWeeks.status, 201, JSON.stringify(eightWeeks.body));
    });

    it('refuses dates outside 1970–2200, naming the field', async () => {
      const response = await createSprint({ startDate: '1969-12-31', endDate: '1970-01-05' });
      assert.equal(response.status, 400);
      assert.equal(firstIssue(response).path, 'startDate');
      assert.match(firstIssue(response).message, /between 1970-01-01 and 2200-12-31/);
    });

    it('refuses a change of start or end that makes a sprint longer than 8 weeks', async () => {
      const sprint = (await createSprint({})).body;
      const cases: [Record<string, unknown>, string][] = [
        [{ endDate: '2026-06-30' }, 'endDate'],
        [{ startDate: '2025-12-01' }, 'endDate'],
        [{ endDate: '9999-12-31' }, 'endDate'],
        [{ startDate: '2026-03-20' }, 'startDate'],
      ];
      for (const [body, path] of cases) {
        const response = await api.call('PATCH', `/sprints/${sprint.id}`, { body });
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.equal(firstIssue(response).path, path, JSON.stringify(body));
      }
      const moved = await api.call('PATCH', `/sprints/${sprint.id}`, { body: { endDate: '2026-04-26' } });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
    });

    it('answers a cumulative flow reaching 9999 with a 400, and one reaching 2200 up to today', async () => {
      const flow = (query: string) => api.call('GET', `/products/${product.id}/cumulative-flow?${query}`);
      const far = await flow('from=9999-12-01&to=9999-12-31');
      assert.equal(far.status, 400);
      assert.equal(firstIssue(far).path, 'from');

      await buildItem(api, product.id, { status: 'ready' });
      const future = await flow('from=2200-12-01&to=2200-12-31');
      assert.equal(future.status, 200, JSON.stringify(future.body));
      assert.deepEqual(future.body.days, [], 'no day of the range has begun');

      const range = await flow(`from=${daysFromToday(-2)}&to=${daysFromToday(300)}`);
      assert.equal(range.status, 200, JSON.stringify(range.body));
      assert.deepEqual(
        range.body.days.map((day: Body) => day.date),
        [daysFromToday(-2), daysFromToday(-1), today()],
      );
    });

    it('refuses a burndown asOf outside 1970–2200, naming asOf', async () => {
      const sprint = (await createSprint({})).body;
      const response = await api.call('GET', `/sprints/${sprint.id}/burndown?asOf=9999-12-31T00:00:00Z`);
      assert.equal(response.status, 400);
      assert.equal(firstIssue(response).path, 'asOf');
    });

    it('burns a sprint started a week before its start date down from the day it started', async () => {
      const early = await createSprint({ startDate: daysFromToday(7), endDate: daysFromToday(20) });
      assert.equal(early.status, 201, JSON.stringify(early.body));
      await buildItem(api, product.id, { estimate: 3, sprintId: early.body.id });
      const started = await api.call('POST', `/sprints/${early.body.id}/start`);
      assert.equal(started.status, 200, JSON.stringify(started.body));

      const burndown = (await api.call('GET', `/sprints/${early.body.id}/burndown`)).body;
      assert.equal(burndown.days[0].date, today());
      assert.equal(burndown.days.at(-1).date, daysFromToday(20));
      assert.equal(burndown.days[0].remaining, 3, 'started: today has values');
      assert.equal(burndown.days[1].remaining, null);
    });

    it('still reads a stored sprint ending in 9999: its detail, and a burndown of a bounded range', async () => {
      // Stored before sprints were limited to 8 weeks: written past the API, straight into the table (in
      // a product of its own, where it is the one active sprint).
      const own = await buildProduct(api);
      const id = randomUUID();
      const now = new Date().toISOString();
      await api.database.db
        .insertInto('sprints')
        .values({
          id,
          product_id: own.id,
          team_id: null,
          name: 'Forever',
          goal: '',
          start_date: daysFromToday(-3),
          end_date: '9999-12-31',
          timezone: 'UTC',
          capacity: null,
          state: 'active',
          wip_limits: '{}',
          started_at: new Date(Date.now() - 3 * DAY).toISOString(),
          closed_at: null,
          committed_points: 0,
          completed_points: null,
          report: null,
          version: 1,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .execute();
      await buildItem(api, own.id, { estimate: 5, sprintId: id });

      const detail = await api.call('GET', `/sprints/${id}`);
      assert.equal(detail.status, 200, JSON.stringify(detail.body));
      assert.equal(detail.body.sprint.endDate, '9999-12-31');

      const burndown = await api.call('GET', `/sprints/${id}/burndown`);
      assert.equal(burndown.status, 200, JSON.stringify(burndown.body));
      const days = burndown.body.days;
      assert.equal(days.length, 366);
      assert.equal(days[0].date, daysFromToday(-3));
      assert.equal(days[3].date, today());
      assert.equal(days[3].scope, 5);
      assert.equal(days[4].remaining, null, 'days to come have no values');

      // Its name and goal still change; its dates only within the rules.
      const renamed = await api.call('PATCH', `/sprints/${id}`, { body: { goal: 'Finish, at last' } });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    });
  });
}
