import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readCatalog } from '../../src/services/backup/catalog.ts';
import { EXPORT_SECTIONS, MEMBERS_TABLE, NOT_EXPORTED } from '../../src/services/exports/export-sections.ts';
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
  describe(`product exports over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let other: Body;
    let viewer: { user: Body; token: string };
    let outsider: { user: Body; token: string };

    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      other = await buildProduct(api);
      viewer = await buildUser(api, 'viewer');
      outsider = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      const initiative = await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title: '=HYPERLINK("http://evil.test")', confidence: 'committed' },
      });
      assert.equal(initiative.status, 201, JSON.stringify(initiative.body));
      await buildItem(api, product.id, { title: '=1+2', labels: ['ux'], initiativeId: initiative.body.id });
      await buildItem(api, product.id, { title: '+cmd', description: 'plain' });
      await buildItem(api, product.id, { title: '-minus, with "quotes"' });
      await buildItem(api, product.id, { title: '@at sign' });
      await buildItem(api, other.id, { title: 'Secret of another product' });
      const link = await api.call('POST', `/products/${product.id}/share-links`, {
        body: { view: 'customer' },
      });
      assert.equal(link.status, 201, JSON.stringify(link.body));
    });
    after(() => api.close());

    it('exports the whole model and its history as JSON, as an attachment', async () => {
      const response = await api.call('GET', `/products/${product.key}/export.json`, { token: viewer.token });
      assert.equal(response.status, 200);
      assert.match(
        response.headers.get('content-disposition') ?? '',
        /attachment; filename=".*export\.json"/,
      );
      const document = response.body;
      assert.equal(document.format, 'cairn-product-export');
      assert.equal(document.product.id, product.id);
      assert.equal(document.items.length, 4);
      assert.deepEqual(
        document.itemLabels.map((l: Body) => l.label),
        ['ux'],
      );
      assert.equal(document.initiatives.length, 1);
      assert.ok(document.members.some((m: Body) => m.id === viewer.user.id));
      assert.ok(document.events.some((e: Body) => e.action === 'created' && e.entity_type === 'item'));
      assert.equal(typeof document.events[0].changes, 'object');
    });

    it('never includes another product, password hashes or token hashes', async () => {
      const response = await api.call('GET', `/products/${product.id}/export.json`);
      const text = JSON.stringify(response.body);
      assert.ok(!text.includes('Secret of another product'));
      assert.ok(!text.includes(other.id));
      assert.ok(!/hash|secret/i.test(Object.keys(response.body.shareLinks[0] ?? {}).join(',')));
      assert.ok(!text.includes('password'));
      assert.ok(!text.includes('$scrypt') && !text.includes('$argon'));
    });

    it('gives the same bytes for the same data', async () => {
      const first = await api.app.request(`http://cairn.test/api/v1/products/${product.id}/export.json`, {
        headers: { authorization: `Bearer ${api.ownerToken}` },
      });
      const second = await api.app.request(`http://cairn.test/api/v1/products/${product.id}/export.json`, {
        headers: { authorization: `Bearer ${api.ownerToken}` },
      });
      assert.equal(await first.text(), await second.text());
    });

    it('streams gzip when the client accepts it', async () => {
      const response = await api.app.request(`http://cairn.test/api/v1/products/${product.id}/export.json`, {
        headers: { authorization: `Bearer ${api.ownerToken}`, 'accept-encoding': 'gzip, br' },
      });
      assert.equal(response.headers.get('content-encoding'), 'gzip');
      const { gunzipSync } = await import('node:zlib');
      const text = gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8');
      assert.equal(JSON.parse(text).product.id, product.id);
    });

    it('exports items as CSV with formulas neutralised', async () => {
      const response = await api.call('GET', `/products/${product.id}/export/items.csv`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(response.headers.get('content-disposition') ?? '', /^attachment;/);
      const text: string = response.body;
      const lines = text.trimEnd().split('\r\n');
      assert.equal(
        lines[0],
        'key,type,title,status,estimate,initiative,sprint,release,assignee,labels,createdAt,updatedAt',
      );
      assert.equal(lines.length, 5);
      assert.ok(lines[1]?.includes(`,'=1+2,`));
      assert.ok(lines[1]?.includes(`"'=HYPERLINK(""http://evil.test"")"`));
      assert.ok(lines[2]?.includes(`,'+cmd,`));
      assert.ok(lines[3]?.includes(`"'-minus, with ""quotes"""`));
      assert.ok(lines[4]?.includes(`,'@at sign,`));
      for (const line of lines.slice(1)) {
        for (const cell of line.split(',')) assert.doesNotMatch(cell, /^"?[=+\-@]/);
      }
      assert.ok(!text.includes('Secret of another product'));
    });

    it('exports initiatives as CSV with formulas neutralised', async () => {
      const response = await api.call('GET', `/products/${product.id}/export/initiatives.csv`);
      assert.equal(response.status, 200);
      const lines = (response.body as string).trimEnd().split('\r\n');
      assert.equal(lines.length, 2);
      assert.ok(lines[1]?.startsWith(`"'=HYPERLINK(""http://evil.test"")"`));
    });

    it('answers 404 to someone who may not see the product', async () => {
      for (const path of ['export.json', 'export/items.csv', 'export/initiatives.csv']) {
        const response = await api.call('GET', `/products/${product.id}/${path}`, { token: outsider.token });
        assert.equal(response.status, 404, path);
      }
    });

    it('covers every table that holds a product’s rows', async () => {
      const exported = new Set([...EXPORT_SECTIONS.map((section) => section.table), MEMBERS_TABLE]);
      const uncovered = (await readCatalog(api.database.db))
        .filter((table) => table.columns.some((column) => column.name === 'product_id'))
        .map((table) => table.name)
        .filter((name) => !exported.has(name) && !NOT_EXPORTED.has(name));
      assert.deepEqual(
        uncovered,
        [],
        'add these tables to export-sections.ts (or to NOT_EXPORTED, saying why)',
      );
    });
  });
}
