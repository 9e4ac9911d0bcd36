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
  describe(`merging and splitting items over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
    });
    after(() => api.close());

    const events = async (entityId: string) =>
      (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events.filter(
        (e: Body) => e.entityId === entityId,
      );

    it('merges a duplicate: criteria, labels, estimate and links move over, the duplicate goes to the trash', async () => {
      const keep = await buildItem(api, product.id, {
        title: 'Export invoices as CSV',
        acceptanceCriteria: [{ text: 'Has a header row' }],
        labels: ['billing'],
      });
      const duplicate = await buildItem(api, product.id, {
        title: 'CSV export of invoices',
        estimate: 5,
        acceptanceCriteria: [{ text: 'has a header row ' }, { text: 'Dates are ISO' }],
        labels: ['export'],
      });
      const blocker = await buildItem(api, product.id, { title: 'Invoice model' });
      const waiting = await buildItem(api, product.id, { title: 'Accountant download' });
      await api.call('POST', `/items/${duplicate.id}/dependencies`, { body: { blockedBy: blocker.id } });
      await api.call('POST', `/items/${duplicate.id}/dependencies`, { body: { blocks: waiting.id } });
      await api.call('POST', `/items/${duplicate.id}/dependencies`, { body: { blocks: keep.id } });
      const external = (
        await api.call('POST', `/items/${duplicate.id}/external-dependencies`, {
          body: { title: 'Tax office' },
        })
      ).body;

      const merged = await api.call('POST', `/items/${keep.key}/merge`, {
        body: { duplicateId: duplicate.key },
      });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      assert.deepEqual(
        merged.body.acceptanceCriteria.map((c: Body) => c.text),
        ['Has a header row', 'Dates are ISO'],
        'a criterion already there is not repeated',
      );
      assert.deepEqual(merged.body.labels, ['billing', 'export']);
      assert.equal(merged.body.estimate, 5, 'the kept item had none');

      const deps = (await api.call('GET', `/items/${keep.id}/dependencies`)).body;
      assert.deepEqual(
        deps.blockedBy.map((d: Body) => d.blockerId),
        [blocker.id],
      );
      assert.deepEqual(
        deps.blocks.map((d: Body) => d.blockedId),
        [waiting.id],
        'the link to itself is dropped',
      );
      assert.equal(deps.external[0].id, external.id);

      const trash = (await api.call('GET', `/products/${product.id}/trash`)).body.items.map(
        (i: Body) => i.id,
      );
      assert.ok(trash.includes(duplicate.id));
      assert.ok(
        (await events(duplicate.id)).some(
          (e: Body) => e.action === 'merged' && e.changes.mergedInto[1] === keep.id,
        ),
      );
      assert.ok(
        (await events(keep.id)).some(
          (e: Body) => e.action === 'merged' && e.changes.mergedFrom[1] === duplicate.id,
        ),
      );
    });

    it('refuses a merge into itself, across products, and by a viewer, leaving everything as it was', async () => {
      const a = await buildItem(api, product.id, { title: 'A' });
      const other = await buildProduct(api);
      const b = await buildItem(api, other.id, { title: 'B' });
      const self = await api.call('POST', `/items/${a.id}/merge`, { body: { duplicateId: a.id } });
      assert.equal(self.status, 400);
      assert.equal(self.body.error.details.issues[0].path, 'duplicateId');
      const across = await api.call('POST', `/items/${a.id}/merge`, { body: { duplicateId: b.id } });
      assert.equal(across.status, 400);
      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      const c = await buildItem(api, product.id, { title: 'C' });
      const refused = await api.call('POST', `/items/${a.id}/merge`, {
        body: { duplicateId: c.id },
        token: viewer.token,
      });
      assert.equal(refused.status, 403);
      assert.equal((await api.call('GET', `/items/${c.id}`)).body.deletedAt, null);
    });

    it('splits an item: it becomes the first part, the others follow it with its initiative and labels', async () => {
      const goal = (
        await api.call('POST', `/products/${product.id}/initiatives`, { body: { title: 'Goal' } })
      ).body;
      const big = await buildItem(api, product.id, {
        title: 'Whole checkout',
        estimate: 40,
        labels: ['checkout'],
        initiativeId: goal.id,
        story: { asA: 'buyer', iWant: 'to check out', soThat: 'I get my goods' },
      });
      const next = await buildItem(api, product.id, { title: 'After' });
      const response = await api.call('POST', `/items/${big.id}/split`, {
        body: {
          parts: [
            { title: 'Checkout: address', estimate: 5, acceptanceCriteria: [{ text: 'Saves the address' }] },
            { title: 'Checkout: payment', estimate: 8 },
            { title: 'Checkout: receipt' },
          ],
        },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      const { original, created } = response.body;
      assert.equal(original.id, big.id);
      assert.equal(original.title, 'Checkout: address');
      assert.equal(original.estimate, 5);
      assert.equal(created.length, 2);
      for (const part of created) {
        assert.equal(part.initiativeId, goal.id);
        assert.deepEqual(part.labels, ['checkout']);
        assert.equal(part.story.iWant, 'to check out');
        assert.match(part.description, new RegExp(big.key));
      }
      assert.equal(created[1].estimate, null);
      const order = (await api.call('GET', `/products/${product.id}/backlog`)).body.items.map(
        (i: Body) => i.id,
      );
      const at = order.indexOf(big.id);
      assert.deepEqual(order.slice(at, at + 4), [big.id, created[0].id, created[1].id, next.id]);
      assert.ok((await events(big.id)).some((e: Body) => e.action === 'split'));

      const bad = await api.call('POST', `/items/${big.id}/split`, {
        body: { parts: [{ title: 'Only one' }] },
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'parts');
      const empty = await api.call('POST', `/items/${big.id}/split`, {
        body: { parts: [{ title: 'Fine' }, { title: '' }] },
      });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.details.issues[0].path, 'parts.1.title');
      assert.equal(
        (await api.call('GET', `/items/${big.id}`)).body.title,
        'Checkout: address',
        'nothing changed',
      );
    });
  });
}
