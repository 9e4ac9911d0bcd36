import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HIDDEN_ITEM_LABEL } from '../../src/domain/hidden-item.ts';
import {
  type Body,
  buildItem,
  buildProduct,
  buildUser,
  createTestApi,
  type TestApi,
} from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';
import { changes, follow } from '../support/sse.ts';

const CRITERIA = [{ text: 'It works', done: false }];

for (const dialect of DIALECTS) {
  describe(`items of other products are not named to non-members (${dialect})`, () => {
    let api: TestApi;
    let mine: Body;
    let theirs: Body;
    let member: { user: Body; token: string };
    let secret: Body;
    let downstream: Body;
    let local: Body;
    let sprint: Body;

    before(async () => {
      api = await createTestApi(dialect);
      mine = await buildProduct(api);
      theirs = await buildProduct(api);
      member = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${mine.id}/members/${member.user.id}`);
      const created = await api.call('POST', `/products/${mine.id}/sprints`, {
        body: { name: 'Sprint', startDate: '2026-03-02', endDate: '2026-03-13' },
      });
      sprint = created.body;
      secret = await buildItem(api, theirs.id, { title: 'Acquire Initech', status: 'in_progress' });
      downstream = await buildItem(api, theirs.id, { title: 'Announce the merger' });
      local = await buildItem(api, mine.id, {
        title: 'Checkout button',
        type: 'task',
        estimate: 3,
        acceptanceCriteria: CRITERIA,
        sprintId: sprint.id,
      });
      // The owner sees both products and links across them.
      const blockedBy = await api.call('POST', `/items/${local.id}/dependencies`, {
        body: { blockedBy: secret.key },
      });
      assert.equal(blockedBy.status, 201, JSON.stringify(blockedBy.body));
      const blocks = await api.call('POST', `/items/${local.id}/dependencies`, {
        body: { blocks: downstream.key },
      });
      assert.equal(blocks.status, 201, JSON.stringify(blocks.body));
    });
    after(() => api.close());

    /** No key, title or id of the other product's items anywhere in `body`. */
    function assertNotNamed(body: unknown) {
      const text = JSON.stringify(body);
      for (const item of [secret, downstream]) {
        for (const value of [item.key, item.title, item.id]) {
          assert.ok(!text.includes(value), `${value} leaks in ${text}`);
        }
      }
      assert.ok(!text.includes(theirs.key), `the other product's key leaks in ${text}`);
    }

    it('lists dependencies in both directions without the other item’s key or id', async () => {
      const response = await api.call('GET', `/items/${local.id}/dependencies`, { token: member.token });
      assert.equal(response.status, 200);
      assertNotNamed(response.body);
      const [blocker] = response.body.blockedBy;
      assert.deepEqual([blocker.blockerId, blocker.blockerKey], [null, null]);
      assert.deepEqual([blocker.blockedId, blocker.blockedKey], [local.id, local.key]);
      const [blocked] = response.body.blocks;
      assert.deepEqual([blocked.blockedId, blocked.blockedKey], [null, null]);
      assert.equal(blocked.blockerKey, local.key);
      const owner = await api.call('GET', `/items/${local.id}/dependencies`);
      assert.equal(owner.body.blockedBy[0].blockerKey, secret.key, 'the owner, who sees both, gets the key');
    });

    it("gives a sprint's not-ready reason without the blocker's key, title or status", async () => {
      const response = await api.call('GET', `/sprints/${sprint.id}`, { token: member.token });
      assert.equal(response.status, 200);
      assertNotNamed(response.body.notReady);
      const [entry] = response.body.notReady;
      assert.equal(entry.key, local.key);
      const [reason] = entry.reasons;
      assert.equal(reason.code, 'blocked');
      assert.equal(reason.message, `blocked by ${HIDDEN_ITEM_LABEL}`);
      assert.deepEqual(reason.blockers, [{ key: null, title: null, external: false }]);
      const owner = await api.call('GET', `/sprints/${sprint.id}`);
      assert.match(owner.body.notReady[0].reasons[0].message, new RegExp(secret.key));
    });

    it('gives dependency events without the other item’s id', async () => {
      const response = await api.call('GET', `/products/${mine.id}/events`, { token: member.token });
      assert.equal(response.status, 200);
      assertNotNamed(response.body);
      const created = response.body.events.filter(
        (event: Body) => event.entityType === 'dependency' && event.action === 'created',
      );
      // A dependency's events belong to the blocked item's product: here, the one blocked by `secret`.
      assert.equal(created.length, 1);
      assert.deepEqual(created[0].changes.blockerId, [null, null]);
      assert.deepEqual(created[0].changes.blockedId, [null, local.id]);
      const owner = await api.call('GET', `/products/${mine.id}/events`);
      assert.ok(JSON.stringify(owner.body).includes(secret.id));
    });

    it('streams dependency changes without the other item’s id', async () => {
      const reader = await follow(api, mine.id, { token: member.token });
      const another = await buildItem(api, theirs.id, { title: 'Layoffs' });
      const removed = (await api.call('GET', `/items/${local.id}/dependencies`)).body.blockedBy[0];
      assert.equal((await api.call('DELETE', `/dependencies/${removed.id}`)).status, 204);
      await api.call('POST', `/items/${local.id}/dependencies`, { body: { blockedBy: another.key } });
      const seen = await changes(reader, 2, 3_000);
      const text = JSON.stringify(seen);
      for (const value of [secret.id, another.id, another.key, another.title]) {
        assert.ok(!text.includes(value), `${value} leaks in ${text}`);
      }
      assert.deepEqual(
        seen.map((change: Body) => change.event.changes.blockerId),
        [
          [null, null],
          [null, null],
        ],
      );
      await reader.cancel();
    });

    it('names a cycle through another product without that item’s key', async () => {
      const member2 = await buildItem(api, mine.id, { title: 'Second' });
      const viaTheirs = await buildItem(api, theirs.id, { title: 'Secret bridge' });
      // Owner: second → bridge → local (a chain through the other product).
      await api.call('POST', `/items/${viaTheirs.id}/dependencies`, { body: { blockedBy: member2.key } });
      await api.call('POST', `/items/${local.id}/dependencies`, { body: { blockedBy: viaTheirs.key } });
      const cycle = await api.call('POST', `/items/${member2.id}/dependencies`, {
        token: member.token,
        body: { blockedBy: local.key },
      });
      assert.equal(cycle.status, 409, JSON.stringify(cycle.body));
      assert.equal(cycle.body.error.code, 'dependency_cycle');
      const text = JSON.stringify(cycle.body);
      for (const value of [viaTheirs.key, viaTheirs.id, viaTheirs.title]) {
        assert.ok(!text.includes(value), `${value} leaks in ${text}`);
      }
      assert.ok(cycle.body.error.details.cycle.includes(HIDDEN_ITEM_LABEL));
    });

    it('lets a member of either side remove a link from their item, wherever it is stored', async () => {
      const hasLink = async (itemId: string, id: string) => {
        const { body } = await api.call('GET', `/items/${itemId}/dependencies`);
        return [...body.blockedBy, ...body.blocks].some((dependency: Body) => dependency.id === id);
      };
      // Stored under the blocked item's product: theirs here, which the member of mine cannot see.
      const pressKit = await buildItem(api, theirs.id, { title: 'Merger press kit' });
      const storedThere = await api.call('POST', `/items/${local.id}/dependencies`, {
        body: { blocks: pressKit.key },
      });
      assert.equal(storedThere.status, 201, JSON.stringify(storedThere.body));
      const listed = await api.call('GET', `/items/${local.id}/dependencies`, { token: member.token });
      const link = listed.body.blocks.find((dependency: Body) => dependency.id === storedThere.body.id);
      assert.ok(link, 'the member sees the link on their item');
      assert.deepEqual([link.blockedId, link.blockedKey], [null, null]);

      const outsider = await buildUser(api, 'editor');
      const notTheirs = await api.call('DELETE', `/dependencies/${link.id}`, { token: outsider.token });
      assert.equal(notTheirs.status, 404, 'a member of neither product is not told it exists');
      const viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${mine.id}/members/${viewer.user.id}`);
      const readOnly = await api.call('DELETE', `/dependencies/${link.id}`, { token: viewer.token });
      assert.equal(readOnly.status, 403, 'a viewer of mine may not remove it');
      assert.ok(await hasLink(pressKit.id, link.id));

      const removed = await api.call('DELETE', `/dependencies/${link.id}`, { token: member.token });
      assert.equal(removed.status, 204, JSON.stringify(removed.body));
      assert.equal(await hasLink(pressKit.id, link.id), false, 'gone from the other item too');
      assert.equal(await hasLink(local.id, link.id), false);
      const { body } = await api.call('GET', `/products/${theirs.id}/events`);
      const deleted = body.events.find(
        (event: Body) =>
          event.entityType === 'dependency' && event.action === 'deleted' && event.entityId === link.id,
      );
      assert.equal(deleted?.actorId, member.user.id, "the removal is in the stored product's history");

      // The other way round: stored under mine, removed by a member of theirs only.
      const theirMember = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${theirs.id}/members/${theirMember.user.id}`);
      const storedHere = await api.call('POST', `/items/${local.id}/dependencies`, {
        body: { blockedBy: pressKit.key },
      });
      assert.equal(storedHere.status, 201, JSON.stringify(storedHere.body));
      const again = await api.call('DELETE', `/dependencies/${storedHere.body.id}`, {
        token: theirMember.token,
      });
      assert.equal(again.status, 204, JSON.stringify(again.body));
      assert.equal(await hasLink(local.id, storedHere.body.id), false);
    });
  });
}
