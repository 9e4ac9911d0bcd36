import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Body, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const HEADER =
  'Issue key,Issue id,Summary,Issue Type,Status,Custom field (Story Points),Sprint,Fix Version/s,' +
  'Custom field (Epic Link),Labels,Description,Outward issue link (Blocks)';

/** A small Jira CSV export: two epics, stories in them, a sprint, a version and a "blocks" link. */
function jiraCsv(
  overrides: { storyTitle?: string; storyPoints?: string; link?: boolean; extra?: string[] } = {},
): string {
  return [
    HEADER,
    'PROJ-1,10001,Checkout,Epic,In Progress,,,,,,The checkout epic,',
    'PROJ-2,10002,Search,Epic,To Do,,,,,,,',
    `PROJ-3,10003,${overrides.storyTitle ?? 'Pay with card'},Story,To Do,${overrides.storyPoints ?? '3'},Sprint 1,1.0,PROJ-1,pay,*bold* text,${overrides.link === false ? '' : 'PROJ-4'}`,
    'PROJ-4,10004,Receipt mail,Story,Parked,5,,1.0,PROJ-1,,,',
    'PROJ-5,10005,Find by name,Bug,Done,,Sprint 1,,PROJ-2,,,',
    'PROJ-6,10006,,Task,Done,,,,,,,',
    ...(overrides.extra ?? []),
  ].join('\n');
}

for (const dialect of DIALECTS) {
  describe(`imports over HTTP (${dialect})`, () => {
    let api: TestApi;
    let editor: { user: Body; token: string };
    let viewer: { user: Body; token: string };
    let outsider: { user: Body; token: string };

    before(async () => {
      api = await createTestApi(dialect, { importLimitBytes: 64 * 1024 });
      editor = await buildUser(api, 'editor');
      viewer = await buildUser(api, 'viewer');
      outsider = await buildUser(api, 'editor');
    });
    after(() => api.close());

    const newProduct = async () => {
      const product = await buildProduct(api);
      await api.call('PUT', `/products/${product.id}/members/${editor.user.id}`);
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      return product;
    };
    const upload = (productId: string, body: string, query = '', token = editor.token, type = 'text/csv') =>
      api.call('POST', `/products/${productId}/imports?kind=jira${query}`, {
        body,
        token,
        headers: { 'content-type': type },
      });
    const items = async (productId: string) =>
      (await api.call('GET', `/products/${productId}/items?limit=500`)).body.items as Body[];
    const eventCount = async (productId: string) =>
      (await api.call('GET', `/products/${productId}/events?limit=500`)).body.events.length as number;

    it('reports a dry run (the default) and writes nothing', async () => {
      const product = await newProduct();
      const events = await eventCount(product.id);
      const res = await upload(product.id, jiraCsv());
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const report = res.body;
      assert.equal(report.dryRun, true);
      assert.equal(report.format, 'jira-csv');
      assert.deepEqual(report.created, {
        items: 3,
        initiatives: 2,
        sprints: 1,
        releases: 1,
        dependencies: 1,
        comments: 0,
      });
      assert.equal(report.skippedTotal, 1);
      assert.equal(report.skipped[0].externalKey, 'PROJ-6');
      assert.equal(report.skipped[0].line, 7);
      assert.deepEqual(
        report.statusMapping.map((s: Body) => [s.source, s.status, s.items]),
        [
          ['In Progress', 'in_progress', 0],
          ['To Do', 'backlog', 1],
          ['Parked', 'backlog', 1],
          ['Done', 'done', 1],
        ],
      );
      assert.deepEqual(
        report.preview.items.map((i: Body) => [i.externalKey, i.key, i.action]),
        [
          ['PROJ-3', null, 'create'],
          ['PROJ-4', null, 'create'],
          ['PROJ-5', null, 'create'],
        ],
      );
      assert.match(report.notes[0], /Sprint 1/);
      assert.deepEqual(await items(product.id), []);
      assert.equal(await eventCount(product.id), events);
    });

    it('imports epics as initiatives, versions, sprints and links, with the status map applied', async () => {
      const product = await newProduct();
      const statusMap = encodeURIComponent(JSON.stringify({ Parked: 'ready' }));
      const res = await upload(product.id, jiraCsv(), `&dryRun=false&statusMap=${statusMap}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.dryRun, false);
      assert.equal(res.body.created.items, 3);
      const keys = res.body.preview.items.map((i: Body) => i.key);
      assert.deepEqual(keys, [`${product.key}-1`, `${product.key}-2`, `${product.key}-3`]);

      const initiatives = (await api.call('GET', `/products/${product.id}/initiatives`)).body.initiatives;
      const checkout = initiatives.find((i: Body) => i.title === 'Checkout');
      assert.equal(checkout.status, 'active');
      assert.equal(checkout.horizon, 'now');
      assert.equal(checkout.summary, 'The checkout epic');
      assert.ok(initiatives.find((i: Body) => i.title === 'Search'));

      const list = await items(product.id);
      const pay = list.find((i: Body) => i.title === 'Pay with card');
      const receipt = list.find((i: Body) => i.title === 'Receipt mail');
      assert.equal(pay.initiativeId, checkout.id);
      assert.equal(pay.estimate, 3);
      assert.equal(pay.description, '**bold** text');
      assert.deepEqual(pay.labels, ['pay']);
      assert.equal(receipt.status, 'ready');

      const sprints = (await api.call('GET', `/products/${product.id}/sprints`)).body.sprints;
      assert.equal(sprints.length, 1);
      assert.equal(sprints[0].name, 'Sprint 1');
      assert.equal(pay.sprintId, sprints[0].id);
      const releases = (await api.call('GET', `/products/${product.id}/releases`)).body.releases;
      assert.equal(releases[0].name, '1.0');
      assert.equal(pay.releaseId, releases[0].id);

      const deps = (await api.call('GET', `/items/${receipt.id}/dependencies`)).body;
      assert.equal(JSON.stringify(deps).includes(pay.id), true, JSON.stringify(deps));

      const detail = (await api.call('GET', `/items/${pay.key}`)).body;
      assert.deepEqual(detail.externalKeys, [{ kind: 'jira', key: 'PROJ-3' }]);

      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      assert.ok(events.some((e: Body) => e.entityType === 'import' && e.action === 'completed'));
      assert.ok(events.some((e: Body) => e.entityType === 'item' && e.entityId === pay.id));
    });

    it('updates on re-import, and keeps a field edited in Cairn as a conflict', async () => {
      const product = await newProduct();
      await upload(product.id, jiraCsv(), '&dryRun=false');
      const again = await upload(product.id, jiraCsv(), '&dryRun=false');
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.equal(again.body.created.items, 0);
      assert.equal(again.body.unchanged.items, 3);
      assert.equal(again.body.unchanged.initiatives, 2);
      assert.equal(again.body.created.dependencies, 0);
      assert.equal((await items(product.id)).length, 3);

      const pay = (await items(product.id)).find((i: Body) => i.title === 'Pay with card');
      const edited = await api.call('PATCH', `/items/${pay.id}`, {
        body: { title: 'Pay by card (edited)' },
        token: editor.token,
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const changed = jiraCsv({ storyTitle: 'Pay with a card', storyPoints: '8' });
      const preview = await upload(product.id, changed);
      assert.equal(preview.body.updated.items, 1);
      assert.deepEqual(preview.body.conflicts, [
        {
          externalKey: 'PROJ-3',
          itemKey: pay.key,
          field: 'title',
          cairnValue: 'Pay by card (edited)',
          importedValue: 'Pay with a card',
        },
      ]);
      const real = await upload(product.id, changed, '&dryRun=false');
      assert.equal(real.body.conflictsTotal, 1);
      const after = (await api.call('GET', `/items/${pay.id}`)).body;
      assert.equal(after.title, 'Pay by card (edited)');
      assert.equal(after.estimate, 8);
    });

    it('leaves nothing behind when the import fails part-way', async () => {
      const product = await newProduct();
      await upload(product.id, jiraCsv({ link: false }), '&dryRun=false');
      const list = await items(product.id);
      const pay = list.find((i: Body) => i.title === 'Pay with card');
      const receipt = list.find((i: Body) => i.title === 'Receipt mail');
      // A Cairn item between them: receipt blocks X, X blocks pay, and the file says pay blocks receipt.
      const x = await api.call('POST', `/products/${product.id}/items`, { body: { title: 'X' } });
      for (const [blocker, blocked] of [
        [receipt.id, x.body.id],
        [x.body.id, pay.id],
      ]) {
        const dep = await api.call('POST', `/items/${blocked}/dependencies`, {
          body: { blockedBy: blocker },
        });
        assert.equal(dep.status, 201, JSON.stringify(dep.body));
      }
      const events = await eventCount(product.id);
      const file = jiraCsv({
        extra: [
          'PROJ-7,10007,A new story,Story,To Do,,,2.0,PROJ-9,,,',
          'PROJ-9,10009,New epic,Epic,To Do,,,,,,,',
        ],
      });
      const res = await upload(product.id, file, '&dryRun=false');
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'dependency_cycle');
      assert.equal((await items(product.id)).length, 4);
      const initiatives = (await api.call('GET', `/products/${product.id}/initiatives`)).body.initiatives;
      assert.equal(initiatives.length, 2);
      const releases = (await api.call('GET', `/products/${product.id}/releases`)).body.releases;
      assert.equal(releases.length, 1);
      assert.equal(await eventCount(product.id), events);
    });

    it('refuses viewers (403), hides other products (404), and bad input with the field or line named', async () => {
      const product = await newProduct();
      const viewerRes = await upload(product.id, jiraCsv(), '', viewer.token);
      assert.equal(viewerRes.status, 403);
      const outsiderRes = await upload(product.id, jiraCsv(), '', outsider.token);
      assert.equal(outsiderRes.status, 404);

      const badMap = await upload(
        product.id,
        jiraCsv(),
        `&statusMap=${encodeURIComponent('{"Parked":"nope"}')}`,
      );
      assert.equal(badMap.status, 400);
      assert.match(badMap.body.error.message, /statusMap/);
      const notJson = await upload(product.id, jiraCsv(), '&statusMap=%7Bnope');
      assert.equal(notJson.status, 400);
      assert.match(notJson.body.error.message, /statusMap/);

      const noKind = await api.call('POST', `/products/${product.id}/imports`, {
        body: jiraCsv(),
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(noKind.status, 400);
      assert.match(noKind.body.error.message, /kind/);

      const broken = await upload(product.id, 'Summary,Status\nNo key here,Open\n');
      assert.equal(broken.status, 422, JSON.stringify(broken.body));
      assert.equal(broken.body.error.code, 'invalid_import');
      assert.match(broken.body.error.message, /line/);
    });

    it('answers 413 past the import limit, which is not the JSON limit', async () => {
      const product = await newProduct();
      const big = jiraCsv({
        extra: Array.from(
          { length: 700 },
          (_, i) => `X-${i},${i},Story ${i} ${'x'.repeat(60)},Story,To Do,,,,,,,`,
        ),
      });
      assert.ok(big.length > 64 * 1024);
      const res = await upload(product.id, big);
      assert.equal(res.status, 413);
      assert.match(res.body.error.message, /65536 bytes/);
    });

    it('reads a Trello board sent as JSON, with its comments', async () => {
      const product = await newProduct();
      const board = {
        name: 'Board',
        lists: [
          { id: 'l1', name: 'Doing', closed: false, pos: 1 },
          { id: 'l2', name: 'Done', closed: false, pos: 2 },
        ],
        cards: [
          {
            id: 'c1',
            idShort: 1,
            name: 'First card',
            desc: 'd',
            idList: 'l1',
            pos: 1,
            closed: false,
            labels: [],
            idChecklists: [],
            shortLink: 'aa',
          },
          {
            id: 'c2',
            idShort: 2,
            name: 'Second card',
            desc: '',
            idList: 'l2',
            pos: 2,
            closed: false,
            labels: [],
            idChecklists: [],
            shortLink: 'bb',
          },
        ],
        checklists: [],
        actions: [
          {
            type: 'commentCard',
            date: '2024-01-02T03:04:05.000Z',
            data: { card: { id: 'c1' }, text: 'Looks good' },
            memberCreator: { fullName: 'Ann', username: 'ann' },
          },
        ],
      };
      const res = await api.call('POST', `/products/${product.id}/imports?kind=trello&dryRun=false`, {
        body: JSON.stringify(board),
        token: editor.token,
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.created.items, 2);
      assert.equal(res.body.created.comments, 1);
      const list = await items(product.id);
      assert.deepEqual(
        list.map((i: Body) => [i.title, i.status]),
        [
          ['First card', 'in_progress'],
          ['Second card', 'done'],
        ],
      );
    });
  });
}
