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
  describe(`releases and release notes (${dialect})`, () => {
    let api: TestApi;
    let productId: string;
    let editor: { user: { id: string }; token: string };
    let viewer: { user: { id: string }; token: string };
    let outsider: { user: { id: string }; token: string };

    const createRelease = async (body: Record<string, unknown>, product = productId) => {
      const response = await api.call('POST', `/products/${product}/releases`, { body });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body;
    };

    /** The product's events of one entity, oldest first. */
    const eventsOf = async (entityId: string, product = productId) => {
      const page = await api.call('GET', `/products/${product}/events?limit=1000`);
      return page.body.events.filter((e: Body) => e.entityId === entityId);
    };

    before(async () => {
      api = await createTestApi(dialect);
      productId = (await buildProduct(api, { name: 'Checkout' })).id;
      editor = await buildUser(api, 'editor');
      viewer = await buildUser(api, 'viewer');
      outsider = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${productId}/members/${editor.user.id}`);
      await api.call('PUT', `/products/${productId}/members/${viewer.user.id}`);
    });
    after(() => api.close());

    it('creates a planned release with defaults and an ETag, and records its creation', async () => {
      const created = await api.call('POST', `/products/${productId}/releases`, {
        body: { name: ' 1.0 ', targetDate: '2027-01-31' },
        token: editor.token,
      });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('etag'), '"1"');
      assert.deepEqual(
        {
          name: created.body.name,
          description: created.body.description,
          state: created.body.state,
          releasedAt: created.body.releasedAt,
          notesDraft: created.body.notesDraft,
          notesPublished: created.body.notesPublished,
          itemCount: created.body.itemCount,
          doneCount: created.body.doneCount,
          version: created.body.version,
          deletedAt: created.body.deletedAt,
        },
        {
          name: '1.0',
          description: '',
          state: 'planned',
          releasedAt: null,
          notesDraft: '',
          notesPublished: null,
          itemCount: 0,
          doneCount: 0,
          version: 1,
          deletedAt: null,
        },
      );
      const events = await eventsOf(created.body.id);
      assert.deepEqual(
        events.map((e: Body) => [e.entityType, e.action, e.changes.name]),
        [['release', 'created', [null, '1.0']]],
      );
    });

    it('validates names and dates, naming the field', async () => {
      const empty = await api.call('POST', `/products/${productId}/releases`, { body: { name: '  ' } });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.details.issues[0].path, 'name');
      const date = await api.call('POST', `/products/${productId}/releases`, {
        body: { name: 'x', targetDate: '2027-02-30' },
      });
      assert.equal(date.body.error.details.issues[0].path, 'targetDate');
      const unknown = await api.call('POST', `/products/${productId}/releases`, {
        body: { name: 'x', state: 'released' },
      });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.details.issues[0].path, 'state');
    });

    it("refuses a name another live release of the product has (any case), with 409 naming 'name'", async () => {
      const product = (await buildProduct(api)).id;
      const first = await createRelease({ name: 'Spring' }, product);
      const again = await api.call('POST', `/products/${product}/releases`, { body: { name: 'SPRING' } });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'duplicate_key');
      assert.equal(again.body.error.details.issues[0].path, 'name');
      assert.match(again.body.error.message, /name "SPRING"/);
      const other = await createRelease({ name: 'Summer' }, product);
      const rename = await api.call('PATCH', `/releases/${other.id}`, { body: { name: 'spring' } });
      assert.equal(rename.status, 409);
      assert.equal(rename.body.error.details.issues[0].path, 'name');
      // Renaming a release to its own name in another case is no conflict.
      const recase = await api.call('PATCH', `/releases/${first.id}`, { body: { name: 'SPRING' } });
      assert.equal(recase.status, 200);
      // Another product may use the name; a trashed release frees it.
      await createRelease({ name: 'Spring' });
      assert.equal((await api.call('DELETE', `/releases/${first.id}`)).status, 200);
      await createRelease({ name: 'Spring' }, product);
    });

    it('lists planned releases by target date (undated last), then released ones newest first', async () => {
      const product = (await buildProduct(api)).id;
      const undated = await createRelease({ name: 'Someday' }, product);
      const late = await createRelease({ name: 'Late', targetDate: '2027-09-01' }, product);
      const soon = await createRelease({ name: 'Soon', targetDate: '2027-02-01' }, product);
      const older = await createRelease({ name: 'Older' }, product);
      const newer = await createRelease({ name: 'Newer' }, product);
      const cancelled = await createRelease({ name: 'Dropped' }, product);
      await api.call('PATCH', `/releases/${older.id}`, { body: { state: 'released' } });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await api.call('PATCH', `/releases/${newer.id}`, { body: { state: 'released' } });
      await api.call('PATCH', `/releases/${cancelled.id}`, { body: { state: 'cancelled' } });
      const list = await api.call('GET', `/products/${product}/releases`, { token: viewer.token });
      assert.equal(list.status, 404, 'a viewer who is not a member does not see the product');
      const owner = await api.call('GET', `/products/${product}/releases`);
      assert.deepEqual(
        owner.body.releases.map((r: Body) => r.name),
        ['Soon', 'Late', 'Someday', 'Newer', 'Older', 'Dropped'],
      );
      assert.ok([undated, late, soon].every((r) => r.state === 'planned'));
    });

    it('sets releasedAt when the state becomes released, and clears it when it goes back', async () => {
      const release = await createRelease({ name: 'State change' });
      const released = await api.call('PATCH', `/releases/${release.id}`, { body: { state: 'released' } });
      assert.equal(released.body.state, 'released');
      assert.ok(Date.parse(released.body.releasedAt) > 0);
      const renamed = await api.call('PATCH', `/releases/${release.id}`, { body: { name: 'State changed' } });
      assert.equal(renamed.body.releasedAt, released.body.releasedAt, 'a later edit keeps the date');
      const back = await api.call('PATCH', `/releases/${release.id}`, { body: { state: 'planned' } });
      assert.equal(back.body.releasedAt, null);
      const events = await eventsOf(release.id);
      assert.deepEqual(events[1].changes.state, ['planned', 'released']);
      assert.deepEqual(events[1].changes.releasedAt, [null, released.body.releasedAt]);
    });

    it('refuses a stale If-Match with 412 and the current version, and leaves the release as it was', async () => {
      const release = await createRelease({ name: 'Versioned' });
      const first = await api.call('PATCH', `/releases/${release.id}`, {
        body: { description: 'First' },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('etag'), '"2"');
      const stale = await api.call('PATCH', `/releases/${release.id}`, {
        body: { description: 'Second' },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.error.code, 'version_conflict');
      assert.equal(stale.body.error.details.currentVersion, 2);
      const bad = await api.call('PATCH', `/releases/${release.id}`, {
        body: { description: 'x' },
        headers: { 'if-match': 'yesterday' },
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'If-Match');
      assert.equal((await api.call('GET', `/releases/${release.id}`)).body.description, 'First');
      const unchanged = await api.call('PATCH', `/releases/${release.id}`, {
        body: { description: 'First' },
      });
      assert.equal(unchanged.body.version, 2, 'a patch that changes nothing writes nothing');
    });

    it('lets viewers read but not write, and hides releases of other products (404)', async () => {
      const release = await createRelease({ name: 'Guarded' });
      const read = await api.call('GET', `/releases/${release.id}`, { token: viewer.token });
      assert.equal(read.status, 200);
      const write = await api.call('PATCH', `/releases/${release.id}`, {
        body: { name: 'Mine' },
        token: viewer.token,
      });
      assert.equal(write.status, 403);
      const create = await api.call('POST', `/products/${productId}/releases`, {
        body: { name: 'Viewer' },
        token: viewer.token,
      });
      assert.equal(create.status, 403);
      for (const [method, path] of [
        ['GET', `/releases/${release.id}`],
        ['PATCH', `/releases/${release.id}`],
        ['DELETE', `/releases/${release.id}`],
        ['POST', `/releases/${release.id}/notes/generate`],
        ['GET', `/releases/${release.id}/notes.md?draft=true`],
        ['GET', `/products/${productId}/releases`],
      ] as const) {
        const response = await api.call(method, path, {
          token: outsider.token,
          ...(method === 'PATCH' && { body: { name: 'x' } }),
        });
        assert.equal(response.status, 404, `${method} ${path}`);
      }
      const missing = await api.call('GET', '/releases/0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.message, 'release not found');
    });

    it('assigns items through PATCH and bulk-update, and shows them in rank order with counts', async () => {
      const release = await createRelease({ name: 'With items' });
      const a = await buildItem(api, productId, { title: 'First', status: 'done' });
      const b = await buildItem(api, productId, { title: 'Second' });
      const c = await buildItem(api, productId, { title: 'Third', status: 'wont_do' });
      const patched = await api.call('PATCH', `/items/${b.key}`, {
        body: { releaseId: release.id },
        token: editor.token,
      });
      assert.equal(patched.body.releaseId, release.id);
      const bulk = await api.call('POST', `/products/${productId}/items/bulk-update`, {
        body: { ids: [a.id, c.id], set: { releaseId: release.id } },
      });
      assert.equal(bulk.status, 200);
      const detail = await api.call('GET', `/releases/${release.id}`);
      assert.equal(detail.headers.get('etag'), `"${detail.body.version}"`);
      assert.deepEqual(
        detail.body.items.map((i: Body) => [i.key, i.releaseId]),
        [a, b, c].map((i) => [i.key, release.id]),
      );
      assert.equal(detail.body.itemCount, 2, "won't-do items are out of scope");
      assert.equal(detail.body.doneCount, 1);
      const list = await api.call('GET', `/products/${productId}/releases`);
      const listed = list.body.releases.find((r: Body) => r.id === release.id);
      assert.deepEqual([listed.itemCount, listed.doneCount], [2, 1]);

      const other = await buildProduct(api);
      const foreign = await createRelease({ name: 'Foreign' }, other.id);
      const wrong = await api.call('PATCH', `/items/${a.id}`, { body: { releaseId: foreign.id } });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.details.issues[0].path, 'releaseId');
    });

    it('trashes a release: its items leave it, each with an event, and it can no longer be changed', async () => {
      const release = await createRelease({ name: 'Doomed' });
      const items = [
        await buildItem(api, productId, { title: 'Shipped with it', releaseId: release.id }),
        await buildItem(api, productId, { title: 'Also in it', releaseId: release.id }),
      ];
      const trashedItem = await buildItem(api, productId, { title: 'Trashed', releaseId: release.id });
      await api.call('DELETE', `/items/${trashedItem.id}`);
      const deleted = await api.call('DELETE', `/releases/${release.id}`, { token: editor.token });
      assert.equal(deleted.status, 200);
      assert.ok(deleted.body.deletedAt);
      assert.equal(deleted.body.itemCount, 0);
      for (const item of [...items, trashedItem]) {
        const after = await api.call('GET', `/items/${item.id}`);
        assert.equal(after.body.releaseId, null);
        const history = await api.call('GET', `/items/${item.id}/history`);
        assert.deepEqual(history.body.events.at(-1).changes, { releaseId: [release.id, null] });
      }
      const releaseEvents = await eventsOf(release.id);
      assert.deepEqual(releaseEvents.at(-1).changes.deletedAt, [null, deleted.body.deletedAt]);
      const list = await api.call('GET', `/products/${productId}/releases`);
      assert.ok(!list.body.releases.some((r: Body) => r.id === release.id));
      const shown = await api.call('GET', `/releases/${release.id}`);
      assert.equal(shown.body.deletedAt, deleted.body.deletedAt);
      const edit = await api.call('PATCH', `/releases/${release.id}`, { body: { name: 'Back' } });
      assert.equal(edit.status, 409);
      assert.equal(edit.body.error.code, 'in_trash');
      const assign = await api.call('PATCH', `/items/${items[0].id}`, { body: { releaseId: release.id } });
      assert.equal(assign.status, 400);
      const again = await api.call('DELETE', `/releases/${release.id}`);
      assert.equal(again.body.version, deleted.body.version, 'trashing twice changes nothing');
    });

    describe('notes', () => {
      let release: Body;
      let secret: Body;

      before(async () => {
        release = await createRelease({ name: '2.4', targetDate: '2027-03-31' });
        const initiative = (body: Record<string, unknown>) =>
          api.call('POST', `/products/${productId}/initiatives`, { body });
        const checkout = await initiative({
          title: 'One-click checkout',
          visibility: 'public',
          publicSummary: 'Pay in one click.',
          summary: 'Internal: beat the competitor by Q2.',
        });
        secret = (
          await initiative({
            title: 'Project Nightingale',
            visibility: 'internal',
            publicSummary: 'Vendor migration details.',
          })
        ).body;
        const build = (overrides: Record<string, unknown>) =>
          buildItem(api, productId, { status: 'done', releaseId: release.id, ...overrides });
        await build({
          title: 'Saved cards',
          story: {
            asA: 'returning shopper',
            iWant: 'to reuse my card',
            soThat: 'I can pay without my wallet',
          },
          initiativeId: checkout.body.id,
          description: 'Uses the PSP vault token (secret detail).',
          acceptanceCriteria: [{ text: 'Card is masked' }],
          estimate: 8,
          labels: ['payments'],
        });
        await build({ type: 'bug', title: 'Totals off by a cent', initiativeId: checkout.body.id });
        await build({
          type: 'task',
          title: 'Faster vendor sync',
          labels: ['improvement'],
          initiativeId: secret.id,
        });
        await build({ type: 'task', title: 'Upgrade the CI runners' });
        await build({ type: 'spike', title: 'Research fraud scoring' });
        await build({ title: 'Admin export', labels: ['internal'] });
        await build({ title: 'Dark mode', labels: ['improvement'] });
        await build({ title: 'Gift cards', status: 'in_progress' });
        await buildItem(api, productId, { title: 'Not in this release', status: 'done' });
      });

      it('refuses to publish an empty draft, naming notesDraft', async () => {
        const empty = await createRelease({ name: 'Nothing yet' });
        const publish = await api.call('POST', `/releases/${empty.id}/notes/publish`);
        assert.equal(publish.status, 400);
        assert.equal(publish.body.error.details.issues[0].path, 'notesDraft');
        assert.equal(publish.body.error.message, 'notesDraft is empty: generate or write the notes first');
      });

      it('answers 404 for notes not published yet, naming the way to preview the draft', async () => {
        const md = await api.call('GET', `/releases/${release.id}/notes.md`);
        assert.equal(md.status, 404);
        assert.match(md.body.error.message, /no published notes yet.*draft=true/);
        const draft = await api.call('GET', `/releases/${release.id}/notes.html?draft=true`);
        assert.equal(draft.status, 404);
        assert.match(draft.body.error.message, /no draft notes yet/);
      });

      it('generates the draft from done items, grouped and in the user language, leaking nothing internal', async () => {
        const generated = await api.call('POST', `/releases/${release.id}/notes/generate`, {
          token: editor.token,
        });
        assert.equal(generated.status, 200);
        assert.ok(Date.parse(generated.body.notesGeneratedAt) > 0);
        assert.equal(generated.body.notesPublished, null);
        assert.equal(
          generated.body.notesDraft,
          [
            '# 2.4',
            '',
            '_March 31, 2027_',
            '',
            '## One-click checkout',
            '',
            'Pay in one click.',
            '',
            '### New',
            '',
            '- **Saved cards**: You can pay without your wallet.',
            '',
            '### Fixed',
            '',
            '- Totals off by a cent',
            '',
            '## Other changes',
            '',
            '### Improved',
            '',
            '- Faster vendor sync',
            '- Dark mode',
            '',
          ].join('\n'),
        );
        for (const leak of [
          /Nightingale/,
          /Vendor migration/,
          /competitor/,
          /PSP vault/,
          /masked/,
          /payments/,
          /CHK|P[A-Z]{2}-\d/,
          /Research fraud/,
          /Admin export/,
          /CI runners/,
          /Gift cards/,
          /Not in this release/,
        ]) {
          assert.doesNotMatch(generated.body.notesDraft, leak);
        }
        const events = await eventsOf(release.id);
        assert.equal(events.at(-1).action, 'notes_generated');
        assert.deepEqual(events.at(-1).changes.notesDraft, ['', generated.body.notesDraft]);
      });

      it('publishes the draft: the release becomes released, and the notes read as Markdown and HTML', async () => {
        const published = await api.call('POST', `/releases/${release.id}/notes/publish`, {
          headers: { 'if-match': `"${(await api.call('GET', `/releases/${release.id}`)).body.version}"` },
        });
        assert.equal(published.status, 200);
        assert.equal(published.body.notesPublished, published.body.notesDraft);
        assert.equal(published.body.state, 'released');
        assert.equal(published.body.releasedAt, published.body.notesPublishedAt);
        const events = await eventsOf(release.id);
        assert.equal(events.at(-1).action, 'notes_published');
        assert.deepEqual(events.at(-1).changes.state, ['planned', 'released']);

        const md = await api.call('GET', `/releases/${release.id}/notes.md`, { token: viewer.token });
        assert.equal(md.status, 200);
        assert.equal(md.headers.get('content-type'), 'text/markdown; charset=utf-8');
        assert.equal(md.body, published.body.notesPublished);
        const html = await api.call('GET', `/releases/${release.id}/notes.html`);
        assert.equal(html.headers.get('content-type'), 'text/html; charset=utf-8');
        assert.match(html.body, /<h1>2\.4<\/h1>/);
        assert.match(html.body, /<h2>One-click checkout<\/h2>\n<p>Pay in one click\.<\/p>/);
        assert.match(html.body, /<li><strong>Saved cards<\/strong>: You can pay without your wallet\.<\/li>/);
      });

      it('republishing replaces the published notes; editing the draft leaves them until then', async () => {
        const current = (await api.call('GET', `/releases/${release.id}`)).body;
        const draft = `${current.notesDraft}\nThanks to everyone who sent feedback.\n`;
        const edited = await api.call('PATCH', `/releases/${release.id}`, { body: { notesDraft: draft } });
        assert.equal(edited.body.notesDraft, draft.trim());
        assert.equal(edited.body.notesPublished, current.notesPublished);
        const preview = await api.call('GET', `/releases/${release.id}/notes.md?draft=true`);
        assert.match(preview.body, /Thanks to everyone/);
        assert.doesNotMatch((await api.call('GET', `/releases/${release.id}/notes.md`)).body, /Thanks/);
        await new Promise((resolve) => setTimeout(resolve, 5));
        const again = await api.call('POST', `/releases/${release.id}/notes/publish`);
        assert.match(again.body.notesPublished, /Thanks to everyone/);
        assert.ok(again.body.notesPublishedAt > current.notesPublishedAt);
        assert.equal(again.body.releasedAt, current.releasedAt, 'already released: the date stays');
      });

      it('renders raw HTML and a <script> title as text, and drops javascript: links', async () => {
        const hostile = await createRelease({ name: '<script>alert(1)</script>' });
        await buildItem(api, productId, {
          title: '<img src=x onerror=alert(1)> and [x](javascript:alert(1))',
          status: 'done',
          releaseId: hostile.id,
        });
        await api.call('POST', `/releases/${hostile.id}/notes/generate`);
        const generated = await api.call('GET', `/releases/${hostile.id}/notes.html?draft=true`);
        assert.equal(generated.status, 200);
        assert.doesNotMatch(generated.body, /<script|<img|<a /);
        assert.match(generated.body, /<h1>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
        const written = [
          '# Notes',
          '<script>alert(1)</script>',
          '',
          'Inline <b onclick="x()">bold</b>, [bad](javascript:alert(1)), [good](https://example.com/a).',
        ].join('\n');
        await api.call('PATCH', `/releases/${hostile.id}`, { body: { notesDraft: written } });
        await api.call('POST', `/releases/${hostile.id}/notes/publish`);
        const html = (await api.call('GET', `/releases/${hostile.id}/notes.html`)).body;
        assert.doesNotMatch(html, /<script|<b |href="javascript/);
        assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
        assert.match(html, /&lt;b onclick=&quot;x\(\)&quot;&gt;bold&lt;\/b&gt;/);
        assert.match(html, /, bad, <a href="https:\/\/example.com\/a">good<\/a>/);
      });

      it('refuses to publish the notes of a cancelled release, and lets a viewer do neither', async () => {
        const viewerGenerate = await api.call('POST', `/releases/${release.id}/notes/generate`, {
          token: viewer.token,
        });
        assert.equal(viewerGenerate.status, 403);
        const cancelled = await createRelease({ name: 'Cancelled one' });
        await api.call('PATCH', `/releases/${cancelled.id}`, {
          body: { notesDraft: '# Never', state: 'cancelled' },
        });
        const publish = await api.call('POST', `/releases/${cancelled.id}/notes/publish`);
        assert.equal(publish.status, 400);
        assert.equal(publish.body.error.details.issues[0].path, 'state');
      });
    });
  });
}
