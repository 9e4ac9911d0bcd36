import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Body, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const UNKNOWN_ID = '0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d';

for (const dialect of DIALECTS) {
  describe(`teams over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let editor: { user: Body; token: string };
    let viewer: { user: Body; token: string };

    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      editor = await buildUser(api, 'editor');
      viewer = await buildUser(api, 'viewer');
      await api.call('PUT', `/products/${product.id}/members/${editor.user.id}`);
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
    });
    after(() => api.close());

    const teamEvents = async (teamId: string) =>
      (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events.filter(
        (e: Body) => e.entityType === 'team' && e.entityId === teamId,
      );

    it('creates a team with members (by product id or key) and lists live teams by name', async () => {
      const created = await api.call('POST', `/products/${product.key}/teams`, {
        body: { name: 'Payments', memberIds: [editor.user.id, api.ownerId, editor.user.id] },
        token: editor.token,
      });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('etag'), '"1"');
      assert.equal(created.body.productId, product.id);
      assert.equal(created.body.description, '');
      assert.deepEqual(created.body.memberIds, [api.ownerId, editor.user.id].sort());
      await api.call('POST', `/products/${product.id}/teams`, { body: { name: 'Checkout' } });

      const list = await api.call('GET', `/products/${product.id}/teams`, { token: viewer.token });
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.teams.map((t: Body) => t.name),
        ['Checkout', 'Payments'],
      );
      const one = await api.call('GET', `/teams/${created.body.id}`, { token: viewer.token });
      assert.deepEqual(one.body, created.body);

      const [event] = await teamEvents(created.body.id);
      assert.equal(event.action, 'created');
      assert.deepEqual(event.changes.memberIds, [null, created.body.memberIds]);
      assert.deepEqual(event.changes.name, [null, 'Payments']);
    });

    it('answers a product reference no product can have (a NUL, a stray string) with 404, never a 500', async () => {
      // PostgreSQL refuses a NUL in a text parameter: the lookup must not send one (the fuzz flake).
      for (const ref of ['%00', 'A%00B', 'not-a-key-or-id', '%F0%9F%92%A5']) {
        for (const [method, path, body] of [
          ['POST', `/products/${ref}/teams`, { name: 'Ghosts' }],
          ['GET', `/products/${ref}/teams`, undefined],
          ['GET', `/products/${ref}/backlog`, undefined],
          ['GET', `/products/${ref}/velocity`, undefined],
        ] as const) {
          const answer = await api.call(method, path, { body });
          assert.equal(answer.status, 404, `${method} ${path}: ${JSON.stringify(answer.body)}`);
          assert.equal(answer.body.error.code, 'not_found');
        }
      }
    });

    it('refuses members that are not active users and bad fields, naming the field', async () => {
      const unknown = await api.call('POST', `/products/${product.id}/teams`, {
        body: { name: 'Ghosts', memberIds: [api.ownerId, UNKNOWN_ID] },
      });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.details.issues[0].path, 'memberIds');
      assert.match(unknown.body.error.message, new RegExp(UNKNOWN_ID));
      const notAnId = await api.call('POST', `/products/${product.id}/teams`, {
        body: { name: 'Ghosts', memberIds: ['nobody'] },
      });
      assert.equal(notAnId.status, 400);
      assert.equal(notAnId.body.error.details.issues[0].path, 'memberIds.0');
      const noName = await api.call('POST', `/products/${product.id}/teams`, { body: { name: '  ' } });
      assert.equal(noName.status, 400);
      assert.equal(noName.body.error.details.issues[0].path, 'name');
      const extra = await api.call('POST', `/products/${product.id}/teams`, { body: { name: 'X', lead: 1 } });
      assert.equal(extra.body.error.details.issues[0].path, 'lead');
      const teams = (await api.call('GET', `/products/${product.id}/teams`)).body.teams;
      assert.ok(!teams.some((t: Body) => t.name === 'Ghosts'), 'nothing was created');
    });

    it('changes a team with If-Match, records member changes, and refuses a stale version', async () => {
      const team = (
        await api.call('POST', `/products/${product.id}/teams`, {
          body: { name: 'Search', memberIds: [api.ownerId] },
        })
      ).body;
      const patched = await api.call('PATCH', `/teams/${team.id}`, {
        body: { name: 'Search & Browse', memberIds: [editor.user.id] },
        headers: { 'if-match': '"1"' },
        token: editor.token,
      });
      assert.equal(patched.status, 200);
      assert.equal(patched.headers.get('etag'), '"2"');
      assert.equal(patched.body.name, 'Search & Browse');
      assert.deepEqual(patched.body.memberIds, [editor.user.id]);
      assert.deepEqual((await api.call('GET', `/teams/${team.id}`)).body.memberIds, [editor.user.id]);

      const updated = (await teamEvents(team.id)).at(-1);
      assert.equal(updated.action, 'updated');
      assert.deepEqual(updated.changes.memberIds, [[api.ownerId], [editor.user.id]]);
      assert.deepEqual(updated.changes.name, ['Search', 'Search & Browse']);

      const same = await api.call('PATCH', `/teams/${team.id}`, { body: { memberIds: [editor.user.id] } });
      assert.equal(same.body.version, 2, 'an unchanged team keeps its version');

      const stale = await api.call('PATCH', `/teams/${team.id}`, {
        body: { description: 'mine' },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.error.code, 'version_conflict');
      assert.equal(stale.body.error.details.currentVersion, 2);
      const badMember = await api.call('PATCH', `/teams/${team.id}`, { body: { memberIds: [UNKNOWN_ID] } });
      assert.equal(badMember.status, 400);
      assert.equal(badMember.body.error.details.issues[0].path, 'memberIds');
    });

    it('trashes a team, but not while it runs an active sprint', async () => {
      const team = (await api.call('POST', `/products/${product.id}/teams`, { body: { name: 'Busy' } })).body;
      const sprint = (
        await api.call('POST', `/products/${product.id}/sprints`, {
          body: { name: 'Sprint 1', teamId: team.id, startDate: '2026-03-02', endDate: '2026-03-13' },
        })
      ).body;
      assert.equal((await api.call('POST', `/sprints/${sprint.id}/start`)).status, 200);
      const refused = await api.call('DELETE', `/teams/${team.id}`);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.details.reason, 'team_has_active_sprint');
      assert.match(refused.body.error.message, /Sprint 1/);
      assert.equal((await api.call('POST', `/sprints/${sprint.id}/close`, { body: {} })).status, 200);

      const trashed = await api.call('DELETE', `/teams/${team.id}`);
      assert.equal(trashed.status, 200);
      assert.notEqual(trashed.body.deletedAt, null);
      assert.equal((await api.call('GET', `/teams/${team.id}`)).body.deletedAt, trashed.body.deletedAt);
      const teams = (await api.call('GET', `/products/${product.id}/teams`)).body.teams;
      assert.ok(!teams.some((t: Body) => t.id === team.id));
      assert.equal((await teamEvents(team.id)).at(-1).action, 'deleted');
      const edit = await api.call('PATCH', `/teams/${team.id}`, { body: { name: 'Back' } });
      assert.equal(edit.status, 409);
      assert.equal(edit.body.error.code, 'in_trash');
      const sprintForTrashed = await api.call('POST', `/products/${product.id}/sprints`, {
        body: { name: 'Late', teamId: team.id, startDate: '2026-04-01', endDate: '2026-04-10' },
      });
      assert.equal(sprintForTrashed.status, 400);
      assert.equal(sprintForTrashed.body.error.details.issues[0].path, 'teamId');
    });

    it('lets viewers read teams and refuses their writes with 403; other products answer 404', async () => {
      const team = (await api.call('POST', `/products/${product.id}/teams`, { body: { name: 'Seen' } })).body;
      assert.equal((await api.call('GET', `/teams/${team.id}`, { token: viewer.token })).status, 200);
      for (const [method, path, body] of [
        ['POST', `/products/${product.id}/teams`, { name: 'Nope' }],
        ['PATCH', `/teams/${team.id}`, { name: 'Nope' }],
        ['DELETE', `/teams/${team.id}`, undefined],
      ] as const) {
        const response = await api.call(method, path, { token: viewer.token, body });
        assert.equal(response.status, 403, `${method} ${path}`);
      }
      const other = await buildProduct(api);
      const hidden = (await api.call('POST', `/products/${other.id}/teams`, { body: { name: 'Hidden' } }))
        .body;
      assert.equal((await api.call('GET', `/teams/${hidden.id}`, { token: editor.token })).status, 404);
      assert.equal(
        (await api.call('GET', `/products/${other.id}/teams`, { token: editor.token })).status,
        404,
      );
      assert.equal((await api.call('GET', `/teams/${UNKNOWN_ID}`)).status, 404);
    });
  });
}
