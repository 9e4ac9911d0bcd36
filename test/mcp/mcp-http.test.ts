import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createApiToken } from '../../src/services/auth/api-tokens.ts';
import {
  type Body,
  buildItem,
  buildProduct,
  buildUser,
  createTestApi,
  type TestApi,
} from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';
import { callError, callOk, callTool, connectClient, MCP_URL } from './mcp-client.ts';

for (const dialect of DIALECTS) {
  describe(`the MCP server over streamable HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let otherProduct: Body;
    let initiative: Body;
    let editor: { user: Body; token: string };
    let viewer: { user: Body; token: string };
    let readToken: string;
    let owner: Client;
    let asEditor: Client;
    const clients: Client[] = [];
    const connect = async (token: string) => {
      const client = await connectClient(api, token);
      clients.push(client);
      return client;
    };

    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      otherProduct = await buildProduct(api);
      editor = await buildUser(api, 'editor');
      viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${editor.user.id}`);
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      const created = await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title: 'Faster checkout', horizon: 'now' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      initiative = created.body;
      readToken = (
        await createApiToken({
          db: api.database.db,
          actor: { id: editor.user.id, role: 'editor' },
          input: { name: 'agent, read only', scope: 'read' },
        })
      ).token;
      owner = await connect(api.ownerToken);
      asEditor = await connect(editor.token);
    });
    after(async () => {
      for (const client of clients) await client.close();
      await api.close();
    });

    it('lists its tools, each described for an agent, the read ones marked read-only', async () => {
      const { tools } = await owner.listTools();
      const names = tools.map((tool) => tool.name);
      for (const name of [
        'list_products',
        'search_items',
        'get_item',
        'create_item',
        'update_item',
        'add_acceptance_criteria',
        'estimate_item',
        'link_item_to_initiative',
        'move_item',
        'list_initiatives',
        'get_initiative',
        'list_sprints',
        'get_sprint',
        'list_releases',
        'get_release',
        'get_readiness',
        'get_alignment',
        'get_forecast',
        'get_grooming',
      ]) {
        assert.ok(names.includes(name), `${name} is listed`);
      }
      for (const tool of tools) assert.ok((tool.description ?? '').length > 40, `${tool.name} is described`);
      const create = tools.find((tool) => tool.name === 'create_item');
      assert.deepEqual(create?.inputSchema.required, ['title', 'productId']);
      assert.equal(create?.annotations?.readOnlyHint, false);
      assert.equal(tools.find((tool) => tool.name === 'get_item')?.annotations?.readOnlyHint, true);
    });

    it('finds products, then searches and reads items by key', async () => {
      const { products } = await callOk(asEditor, 'list_products');
      assert.deepEqual(
        products.map((p: Body) => p.key),
        [product.key],
        'an editor sees the products they belong to',
      );
      const item = await buildItem(api, product.id, { title: 'Pay with a saved card' });
      await buildItem(api, product.id, { title: 'Unrelated chore' });
      const found = await callOk(asEditor, 'search_items', { productId: product.key, q: 'saved card' });
      assert.deepEqual(
        found.items.map((i: Body) => i.key),
        [item.key],
      );
      assert.equal(found.nextCursor, null);
      const read = await callOk(asEditor, 'get_item', { idOrKey: item.key });
      assert.equal(read.item.id, item.id);
      assert.equal(read.item.title, 'Pay with a saved card');
    });

    it('creates an item, recorded as an event of its author', async () => {
      const created = await callOk(asEditor, 'create_item', {
        productId: product.id,
        title: 'Refund to the original card',
        type: 'bug',
        acceptanceCriteria: [{ text: 'The card gets the money back' }],
      });
      assert.match(created.item.key, new RegExp(`^${product.key}-\\d+$`));
      assert.equal(created.item.type, 'bug');
      assert.deepEqual(created.item.acceptanceCriteria, [
        { text: 'The card gets the money back', done: false },
      ]);
      const got = await api.call('GET', `/items/${created.item.key}`);
      assert.equal(got.status, 200);
      const history = await api.call('GET', `/items/${created.item.id}/history`);
      assert.equal(history.body.events[0].action, 'created');
      assert.equal(history.body.events[0].actorId, editor.user.id);
    });

    it('grooms an item: criteria added, estimated, linked to an initiative, status changed', async () => {
      const item = await buildItem(api, product.id, {
        title: 'Save a card',
        acceptanceCriteria: [{ text: 'A card can be saved' }],
      });
      const added = await callOk(asEditor, 'add_acceptance_criteria', {
        idOrKey: item.key,
        criteria: [{ text: 'A saved card can be removed' }, { text: 'Expired cards are hidden', done: true }],
      });
      assert.deepEqual(
        added.item.acceptanceCriteria.map((c: Body) => [c.text, c.done]),
        [
          ['A card can be saved', false],
          ['A saved card can be removed', false],
          ['Expired cards are hidden', true],
        ],
      );
      const estimated = await callOk(asEditor, 'estimate_item', { idOrKey: item.key, estimate: 5 });
      assert.equal(estimated.item.estimate, 5);
      const linked = await callOk(asEditor, 'link_item_to_initiative', {
        idOrKey: item.id,
        initiativeId: initiative.id,
      });
      assert.equal(linked.item.initiativeId, initiative.id);
      const updated = await callOk(asEditor, 'update_item', {
        idOrKey: item.key,
        status: 'ready',
        expectedVersion: linked.item.version,
      });
      assert.equal(updated.item.status, 'ready');
      const stale = await callError(asEditor, 'estimate_item', {
        idOrKey: item.key,
        estimate: 8,
        expectedVersion: linked.item.version,
      });
      assert.match(stale, /^version_conflict:/);
      const served = await callOk(asEditor, 'search_items', {
        productId: product.id,
        initiativeId: initiative.id,
      });
      assert.deepEqual(
        served.items.map((i: Body) => i.id),
        [item.id],
      );
      const history = await api.call('GET', `/items/${item.id}/history`);
      assert.deepEqual(
        history.body.events.map((e: Body) => e.action),
        ['created', 'updated', 'updated', 'updated', 'updated'],
      );
    });

    it('reorders an item above another', async () => {
      const ranked = await buildProduct(api);
      const first = await buildItem(api, ranked.id, { title: 'First' });
      const second = await buildItem(api, ranked.id, { title: 'Second' });
      await callOk(owner, 'move_item', { idOrKey: second.key, beforeId: first.id });
      const { items } = await callOk(owner, 'search_items', { productId: ranked.id });
      assert.deepEqual(
        items.map((i: Body) => i.title),
        ['Second', 'First'],
      );
    });

    it('reads initiatives, sprints and releases', async () => {
      const sprint = await api.call('POST', `/products/${product.id}/sprints`, {
        body: { name: 'Sprint 1', startDate: '2027-01-04', endDate: '2027-01-15' },
      });
      assert.equal(sprint.status, 201, JSON.stringify(sprint.body));
      const release = await api.call('POST', `/products/${product.id}/releases`, {
        body: { name: '2.4', targetDate: '2027-02-01' },
      });
      assert.equal(release.status, 201, JSON.stringify(release.body));
      const { initiatives } = await callOk(asEditor, 'list_initiatives', { productId: product.key });
      assert.deepEqual(
        initiatives.map((i: Body) => i.title),
        ['Faster checkout'],
      );
      assert.equal(
        (await callOk(asEditor, 'get_initiative', { id: initiative.id })).initiative.horizon,
        'now',
      );
      const { sprints } = await callOk(asEditor, 'list_sprints', { productId: product.id, state: 'planned' });
      assert.deepEqual(
        sprints.map((s: Body) => s.name),
        ['Sprint 1'],
      );
      const detail = await callOk(asEditor, 'get_sprint', { id: sprint.body.id });
      assert.equal(detail.sprint.name, 'Sprint 1');
      assert.deepEqual(detail.items, []);
      const { releases } = await callOk(asEditor, 'list_releases', { productId: product.key });
      assert.deepEqual(
        releases.map((r: Body) => r.name),
        ['2.4'],
      );
      assert.equal((await callOk(asEditor, 'get_release', { id: release.body.id })).release.name, '2.4');
    });

    it('reads the readiness, alignment, forecast and grooming reports as the API serves them', async () => {
      for (const [tool, path] of [
        ['get_readiness', 'readiness'],
        ['get_alignment', 'alignment'],
        ['get_forecast', 'forecast'],
        ['get_grooming', 'grooming'],
      ] as const) {
        const report = await callOk(asEditor, tool, { productId: product.key });
        const served = await api.call('GET', `/products/${product.id}/${path}`, { token: editor.token });
        assert.equal(served.status, 200);
        assert.deepEqual(report, served.body, `${tool} matches GET /${path}`);
      }
      const readiness = await callOk(asEditor, 'get_readiness', { productId: product.id });
      assert.ok(readiness.items.length > 0);
    });

    it("refuses a viewer's writes with the role's error and changes nothing", async () => {
      const asViewer = await connect(viewer.token);
      const message = await callError(asViewer, 'create_item', { productId: product.id, title: 'Sneaky' });
      assert.match(message, /^forbidden:/);
      const { items } = await callOk(asViewer, 'search_items', { productId: product.id, q: 'Sneaky' });
      assert.deepEqual(items, []);
    });

    it('lets a read-only token read but no tool of it write', async () => {
      const asReader = await connect(readToken);
      const item = await buildItem(api, product.id, { title: 'Read me' });
      assert.equal((await callOk(asReader, 'get_item', { idOrKey: item.key })).item.title, 'Read me');
      const refused = await callTool(asReader, 'estimate_item', { idOrKey: item.key, estimate: 3 });
      assert.equal(refused.isError, true);
      assert.deepEqual((refused.structuredContent as Body).error.code, 'insufficient_scope');
      assert.match(
        await callError(asReader, 'create_item', { productId: product.id, title: 'No' }),
        /^insufficient_scope:/,
      );
      assert.equal((await api.call('GET', `/items/${item.id}`)).body.estimate, null);
    });

    it("answers not found for another product's item, and for a product the caller cannot see", async () => {
      const hidden = await buildItem(api, otherProduct.id, { title: 'Secret plan' });
      assert.match(
        await callError(asEditor, 'get_item', { idOrKey: hidden.key }),
        /^not_found: item not found/,
      );
      assert.match(
        await callError(asEditor, 'estimate_item', { idOrKey: hidden.id, estimate: 1 }),
        /^not_found:/,
      );
      assert.match(
        await callError(asEditor, 'search_items', { productId: otherProduct.key }),
        /^not_found: product not found/,
      );
      assert.match(await callError(asEditor, 'get_readiness', { productId: otherProduct.id }), /^not_found:/);
    });

    it("keeps a product-restricted token to its products, even for the owner's", async () => {
      const restricted = await createApiToken({
        db: api.database.db,
        actor: { id: api.ownerId, role: 'owner' },
        input: { name: 'one product', productIds: [product.id] },
      });
      const client = await connect(restricted.token);
      const { products } = await callOk(client, 'list_products');
      assert.deepEqual(
        products.map((p: Body) => p.id),
        [product.id],
      );
      const hidden = await buildItem(api, otherProduct.id, { title: 'Elsewhere' });
      assert.match(await callError(client, 'get_item', { idOrKey: hidden.key }), /^not_found:/);
      assert.match(
        await callError(client, 'create_item', { productId: otherProduct.key, title: 'No' }),
        /^not_found: product not found/,
      );
    });

    it('refuses bad input with a tool error naming the field', async () => {
      assert.match(
        await callError(asEditor, 'create_item', { productId: product.id, title: '   ' }),
        /must not be empty at title/,
      );
      assert.match(
        await callError(asEditor, 'create_item', { productId: product.id, title: 'Fine', colour: 'red' }),
        /colour/,
      );
      assert.match(
        await callError(asEditor, 'estimate_item', { idOrKey: 'CAI-1', estimate: -1 }),
        /must be at least 0 at estimate/,
      );
      const item = await buildItem(api, product.id, {
        title: 'Full',
        acceptanceCriteria: Array.from({ length: 100 }, (_, i) => ({ text: `Criterion ${i}` })),
      });
      const tooMany = await callTool(asEditor, 'add_acceptance_criteria', {
        idOrKey: item.key,
        criteria: [{ text: 'One more' }],
      });
      assert.equal(tooMany.isError, true);
      assert.deepEqual((tooMany.structuredContent as Body).error.details.issues, [
        { path: 'acceptanceCriteria', message: 'must list at most 100 criteria' },
      ]);
    });

    it('refuses hostile arguments as cheaply as plain ones', async () => {
      // Sent as raw text: no JSON.stringify could build 100,000 levels of nesting.
      const deepStory = `${'{"asA":'.repeat(100_000)}"deep"${'}'.repeat(100_000)}`;
      const deep = await api.app.request(MCP_URL, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          authorization: `Bearer ${editor.token}`,
        },
        body:
          '{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"create_item","arguments":' +
          `{"productId":"${product.id}","title":"Deep","story":${deepStory}}}}`,
      });
      assert.equal(deep.status, 200);
      const answer = (await deep.json()) as Body;
      assert.equal(answer.result.isError, true);
      assert.match(answer.result.content[0].text, /more than the maximum of 2000 elements/);
      const many = Array.from({ length: 5_000 }, () => ({ text: '*a' }));
      assert.match(
        await callError(asEditor, 'add_acceptance_criteria', { idOrKey: 'CAI-1', criteria: many }),
        /more than the maximum of 2000 elements/,
      );
      const long = await callError(asEditor, 'create_item', {
        productId: product.id,
        title: '*a'.repeat(50_000),
      });
      assert.match(long, /must be at most 500 characters at title/);
      const { items } = await callOk(asEditor, 'search_items', { productId: product.id, q: 'Deep' });
      assert.deepEqual(items, []);
    });

    it('needs a live API token, and answers only POST', async () => {
      const initialize = {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
      };
      const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
      const anonymous = await api.app.request(MCP_URL, {
        method: 'POST',
        headers,
        body: JSON.stringify(initialize),
      });
      assert.equal(anonymous.status, 401);
      assert.equal(((await anonymous.json()) as Body).error.code, 'unauthorized');
      const wrong = await api.app.request(MCP_URL, {
        method: 'POST',
        headers: { ...headers, authorization: 'Bearer cairn_not_a_token' },
        body: JSON.stringify(initialize),
      });
      assert.equal(wrong.status, 401);
      const get = await api.app.request(MCP_URL, { headers: { authorization: `Bearer ${api.ownerToken}` } });
      assert.equal(get.status, 405);
      const garbage = await api.app.request(MCP_URL, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${api.ownerToken}` },
        body: '{"jsonrpc":',
      });
      assert.equal(garbage.status, 400);
      assert.equal(((await garbage.json()) as Body).error.code, 'validation_failed');
      const notRpc = await api.app.request(MCP_URL, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${api.ownerToken}` },
        body: JSON.stringify({ hello: 'world' }),
      });
      assert.equal(notRpc.status, 400);
      const noMethod = await api.app.request(MCP_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.ownerToken}` },
        body: JSON.stringify({ jsonrpc: '2.0' }),
      });
      assert.equal(noMethod.status, 400);
      assert.equal(((await noMethod.json()) as Body).error.code, 'validation_failed');
      const jsonOnly = await api.app.request(MCP_URL, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${api.ownerToken}`,
        },
        body: JSON.stringify(initialize),
      });
      assert.equal(jsonOnly.status, 200);
      assert.equal(((await jsonOnly.json()) as Body).result.serverInfo.name, 'cairn');
      assert.match(((await notRpc.json()) as Body).error.message, /jsonrpc/);
    });
  });
}
