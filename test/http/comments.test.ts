import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertImportedComments } from '../../src/services/comments/import-comments.ts';
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
  describe(`comments over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let item: Body;
    let editor: { user: Body; token: string };
    let viewer: { user: Body; token: string };
    let outsider: { user: Body; token: string };

    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      item = await buildItem(api, product.id, { title: 'Fix login' });
      editor = await buildUser(api, 'editor');
      viewer = await buildUser(api, 'viewer');
      outsider = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${product.id}/members/${editor.user.id}`);
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
    });
    after(() => api.close());

    const commentEvents = async (id: string) =>
      (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events.filter(
        (e: Body) => e.entityType === 'comment' && e.entityId === id,
      );

    it('writes a comment on an item by key, lists it, and records its event', async () => {
      const created = await api.call('POST', `/items/${item.key}/comments`, {
        token: editor.token,
        body: { body: 'Looks **good**' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.headers.get('etag'), '"1"');
      assert.equal(created.body.entityType, 'item');
      assert.equal(created.body.entityId, item.id);
      assert.deepEqual(created.body.author, { id: editor.user.id, name: editor.user.name });
      assert.equal(created.body.canEdit, true);
      const listed = await api.call('GET', `/items/${item.id}/comments`, { token: editor.token });
      assert.equal(listed.status, 200);
      assert.equal(listed.body.total, 1);
      assert.equal(listed.body.watching, true, 'commenting watches the item');
      assert.equal(listed.body.canComment, true);
      assert.equal(listed.body.comments[0].body, 'Looks **good**');
      const [event] = await commentEvents(created.body.id);
      assert.equal(event.action, 'created');
      assert.deepEqual(event.changes.body, [null, 'Looks **good**']);
    });

    it('edits a comment with If-Match, records the edit, and refuses a stale version', async () => {
      const created = await api.call('POST', `/items/${item.id}/comments`, {
        token: editor.token,
        body: { body: 'first' },
      });
      const edited = await api.call('PATCH', `/comments/${created.body.id}`, {
        token: editor.token,
        body: { body: 'second' },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.body, 'second');
      assert.equal(edited.body.version, 2);
      assert.notEqual(edited.body.editedAt, null);
      const stale = await api.call('PATCH', `/comments/${created.body.id}`, {
        token: editor.token,
        body: { body: 'third' },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.error.code, 'version_conflict');
      const events = await commentEvents(created.body.id);
      assert.deepEqual(
        events.map((e: Body) => e.action),
        ['created', 'updated'],
      );
      assert.deepEqual(events[1].changes.body, ['first', 'second']);
    });

    it('lets only the author or an owner/admin change a comment', async () => {
      const created = await api.call('POST', `/items/${item.id}/comments`, {
        body: { body: 'by the owner' },
      });
      const refused = await api.call('PATCH', `/comments/${created.body.id}`, {
        token: editor.token,
        body: { body: 'hijacked' },
      });
      assert.equal(refused.status, 403);
      const listed = await api.call('GET', `/items/${item.id}/comments`, { token: editor.token });
      assert.equal(listed.body.comments.find((c: Body) => c.id === created.body.id).canEdit, false);
      const mine = await api.call('POST', `/items/${item.id}/comments`, {
        token: editor.token,
        body: { body: 'by the editor' },
      });
      const moderated = await api.call('DELETE', `/comments/${mine.body.id}`);
      assert.equal(moderated.status, 200, 'an owner deletes every comment');
    });

    it('deletes and restores a comment, both as events; the list hides deleted ones', async () => {
      const created = await api.call('POST', `/items/${item.id}/comments`, {
        token: editor.token,
        body: { body: 'to delete' },
      });
      const deleted = await api.call('DELETE', `/comments/${created.body.id}`, { token: editor.token });
      assert.equal(deleted.status, 200);
      assert.notEqual(deleted.body.deletedAt, null);
      const live = await api.call('GET', `/items/${item.id}/comments`, { token: editor.token });
      assert.equal(
        live.body.comments.some((c: Body) => c.id === created.body.id),
        false,
      );
      const trashed = await api.call('GET', `/items/${item.id}/comments?trashed=true`, {
        token: editor.token,
      });
      assert.equal(
        trashed.body.comments.some((c: Body) => c.id === created.body.id),
        true,
      );
      const restored = await api.call('POST', `/comments/${created.body.id}/restore`, {
        token: editor.token,
      });
      assert.equal(restored.status, 200);
      assert.equal(restored.body.deletedAt, null);
      assert.deepEqual(
        (await commentEvents(created.body.id)).map((e: Body) => e.action),
        ['created', 'deleted', 'restored'],
      );
    });

    it('refuses viewers until the product lets them comment, and lets editors change that', async () => {
      const refused = await api.call('POST', `/items/${item.id}/comments`, {
        token: viewer.token,
        body: { body: 'may I?' },
      });
      assert.equal(refused.status, 403);
      const listed = await api.call('GET', `/items/${item.id}/comments`, { token: viewer.token });
      assert.equal(listed.body.canComment, false);
      const before = await api.call('GET', `/products/${product.id}/comment-settings`, {
        token: viewer.token,
      });
      assert.deepEqual(before.body, { viewersMayComment: false, version: 0 });
      const byViewer = await api.call('PATCH', `/products/${product.id}/comment-settings`, {
        token: viewer.token,
        body: { viewersMayComment: true },
      });
      assert.equal(byViewer.status, 403);
      const allowed = await api.call('PATCH', `/products/${product.id}/comment-settings`, {
        token: editor.token,
        body: { viewersMayComment: true },
        headers: { 'if-match': '"0"' },
      });
      assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
      assert.deepEqual(allowed.body, { viewersMayComment: true, version: 1 });
      const written = await api.call('POST', `/items/${item.id}/comments`, {
        token: viewer.token,
        body: { body: 'now I may' },
      });
      assert.equal(written.status, 201, JSON.stringify(written.body));
      await api.call('PATCH', `/products/${product.id}/comment-settings`, {
        token: editor.token,
        body: { viewersMayComment: false },
      });
    });

    it('answers 404 to a member of another product, and for objects that do not exist', async () => {
      const hidden = await api.call('GET', `/items/${item.id}/comments`, { token: outsider.token });
      assert.equal(hidden.status, 404);
      const write = await api.call('POST', `/items/${item.id}/comments`, {
        token: outsider.token,
        body: { body: 'hello?' },
      });
      assert.equal(write.status, 404);
      const missing = await api.call('GET', '/prds/0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d/comments');
      assert.equal(missing.status, 404);
    });

    it('comments on initiatives and PRDs, and keeps the comments of a trashed item', async () => {
      const initiative = await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title: 'Checkout', confidence: 'committed' },
      });
      const onInitiative = await api.call('POST', `/initiatives/${initiative.body.id}/comments`, {
        token: editor.token,
        body: { body: 'On the initiative' },
      });
      assert.equal(onInitiative.status, 201, JSON.stringify(onInitiative.body));
      const prd = await api.call('POST', `/initiatives/${initiative.body.id}/prds`, {
        body: { title: 'PRD' },
      });
      const onPrd = await api.call('POST', `/prds/${prd.body.id}/comments`, {
        token: editor.token,
        body: { body: 'On the PRD' },
      });
      assert.equal(onPrd.status, 201);
      assert.equal((await api.call('GET', `/prds/${prd.body.id}/comments`)).body.total, 1);

      const doomed = await buildItem(api, product.id, { title: 'Doomed' });
      await api.call('POST', `/items/${doomed.id}/comments`, { body: { body: 'before the trash' } });
      assert.equal((await api.call('DELETE', `/items/${doomed.id}`)).status, 200);
      const kept = await api.call('GET', `/items/${doomed.id}/comments`);
      assert.equal(kept.status, 200);
      assert.equal(kept.body.total, 1);
      const refused = await api.call('POST', `/items/${doomed.id}/comments`, { body: { body: 'after' } });
      assert.equal(refused.status, 409);
    });

    it('refuses an empty or oversized body, naming the field', async () => {
      const empty = await api.call('POST', `/items/${item.id}/comments`, { body: { body: '  ' } });
      assert.equal(empty.status, 400);
      assert.match(JSON.stringify(empty.body.error.details), /body/);
      const huge = await api.call('POST', `/items/${item.id}/comments`, {
        body: { body: 'x'.repeat(20_001) },
      });
      assert.equal(huge.status, 400);
    });

    it("imports comments in bulk with their original author's name, time and events", async () => {
      const target = await buildItem(api, product.id, { title: 'Imported' });
      const count = await api.database.db.transaction().execute((trx) =>
        insertImportedComments(trx, [
          {
            productId: product.id,
            entityType: 'item',
            entityId: target.id,
            authorId: null,
            authorName: 'Jira Person',
            body: 'From Jira',
            createdAt: '2025-01-02T03:04:05.000Z',
            actorId: api.ownerId,
          },
          {
            productId: product.id,
            entityType: 'item',
            entityId: target.id,
            authorId: editor.user.id,
            authorName: 'ed',
            body: 'Matched to a user',
            createdAt: '2025-01-03T03:04:05.000Z',
            actorId: api.ownerId,
          },
        ]),
      );
      assert.equal(count, 2);
      const listed = (await api.call('GET', `/items/${target.id}/comments`)).body.comments;
      assert.deepEqual(
        listed.map((c: Body) => [c.author, c.body, c.createdAt]),
        [
          [{ id: null, name: 'Jira Person' }, 'From Jira', '2025-01-02T03:04:05.000Z'],
          [{ id: editor.user.id, name: editor.user.name }, 'Matched to a user', '2025-01-03T03:04:05.000Z'],
        ],
      );
      assert.equal((await commentEvents(listed[0].id))[0].action, 'created');
    });

    it('starts and stops watching', async () => {
      const other = await buildItem(api, product.id, { title: 'Watch me' });
      const watched = await api.call('PUT', `/items/${other.key}/watch`, { token: viewer.token });
      assert.deepEqual(watched.body, { watching: true });
      assert.equal(
        (await api.call('GET', `/items/${other.id}/comments`, { token: viewer.token })).body.watching,
        true,
      );
      await api.call('DELETE', `/items/${other.key}/watch`, { token: viewer.token });
      assert.equal(
        (await api.call('GET', `/items/${other.id}/comments`, { token: viewer.token })).body.watching,
        false,
      );
    });
  });
}
