/**
 * A sprint's first burndown reads its items' events from the projection; title edits move no point, so
 * of each run of them only the last is read, and the scope changes still name each item by the title it
 * had when its scope changed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadBurndownEvents } from '../../src/services/charts/load-burndown-events.ts';
import { type Body, buildItem, buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const DAY = 86_400_000;
const daysFromToday = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

for (const dialect of DIALECTS) {
  describe(`a burndown over many title edits (${dialect})`, () => {
    let api: TestApi;
    let product: Body;

    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
    });
    after(() => api.close());

    async function patch(id: string, body: Record<string, unknown>) {
      const response = await api.call('PATCH', `/items/${id}`, { body });
      assert.equal(response.status, 200, JSON.stringify(response.body));
    }

    it('reads only the last of each run of title edits and names each scope change by its title then', async () => {
      const created = await api.call('POST', `/products/${product.id}/sprints`, {
        body: { name: 'Titles', startDate: daysFromToday(-1), endDate: daysFromToday(3) },
      });
      const sprint = created.body;
      const item = await buildItem(api, product.id, { title: 'T0', estimate: 2, sprintId: sprint.id });
      assert.equal((await api.call('POST', `/sprints/${sprint.id}/start`)).status, 200);
      for (const title of ['T1', 'T2', 'T3']) await patch(item.id, { title });
      await patch(item.id, { estimate: 5 });
      for (const title of ['T4', 'T5']) await patch(item.id, { title });
      await patch(item.id, { estimate: 1, title: 'T6' });
      await patch(item.id, { title: 'T7' });

      const events = await loadBurndownEvents(api.database.db, { sprintId: sprint.id });
      const titles = events.map((event) => event.changes.title?.[1] ?? null);
      // Created (T0), the last of T1–T3, the re-estimate, then T4–T5 are passed over (the re-estimate with
      // T6 names it anyway), and T7, the title the item has now.
      assert.deepEqual(titles, ['T0', 'T3', null, 'T6', 'T7']);

      const chart = (await api.call('GET', `/sprints/${sprint.id}/burndown`)).body;
      assert.deepEqual(
        chart.scopeChanges.map((change: Body) => [change.title, change.kind, change.points]),
        [
          ['T3', 'reestimated', 3],
          ['T6', 'reestimated', -4],
        ],
      );
    });
  });
}
