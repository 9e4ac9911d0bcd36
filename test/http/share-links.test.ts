import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Body, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

/** GET of a shared page without any credential. */
async function openPage(api: TestApi, url: string) {
  const response = await api.app.request(url.replace(/^http:\/\/cairn\.test/, 'http://cairn.test'));
  return { status: response.status, headers: response.headers, html: await response.text() };
}

for (const dialect of DIALECTS) {
  describe(`share links of the customer roadmap over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api, { name: 'Tern' });
      await api.call('POST', `/products/${product.id}/initiatives`, {
        body: {
          title: 'Offline mode',
          publicSummary: 'Work **without** a connection.',
          visibility: 'public',
        },
      });
    });
    after(() => api.close());

    it('creates a link whose URL is shown once and opens the page without login', async () => {
      const created = await api.call('POST', `/products/${product.id}/share-links`, {
        body: { view: 'customer' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.headers.get('etag'), '"1"');
      assert.match(created.body.url, /^http:\/\/cairn\.test\/share\/[A-Za-z0-9_-]{43}$/);
      assert.equal(created.body.view, 'customer');
      assert.equal(created.body.expiresAt, null);
      assert.equal(created.body.createdBy, api.ownerId);

      const listed = await api.call('GET', `/products/${product.id}/share-links`);
      assert.equal(listed.status, 200);
      assert.deepEqual(
        listed.body.shareLinks.map((l: Body) => l.id),
        [created.body.id],
      );
      assert.equal(listed.body.shareLinks[0].url, undefined, 'the list never shows the URL again');
      const token = created.body.url.split('/').pop();
      assert.ok(!JSON.stringify(listed.body).includes(token));
      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      assert.ok(!JSON.stringify(events).includes(token), 'no event holds the token');

      const page = await openPage(api, created.body.url);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(page.headers.get('x-robots-tag'), 'noindex, nofollow');
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      assert.match(page.headers.get('cache-control') ?? '', /no-store/);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.ok(page.html.includes('<meta name="robots" content="noindex, nofollow">'));
      assert.ok(page.html.startsWith('<!doctype html>'));
      assert.ok(!page.html.includes('<script'));
      assert.ok(page.html.includes('Tern roadmap'));
      assert.ok(page.html.includes('Offline mode'));
      assert.ok(page.html.includes('<strong>without</strong>'), 'public summaries are Markdown');
      assert.ok(page.html.includes('Exploring'));
      assert.ok(page.html.includes('@media print'));
    });

    it('revokes a link (404 after), restores the same URL, and records each change', async () => {
      const created = await api.call('POST', `/products/${product.id}/share-links`, {
        body: { view: 'customer' },
      });
      assert.equal((await openPage(api, created.body.url)).status, 200);
      const revoked = await api.call('DELETE', `/share-links/${created.body.id}`);
      assert.equal(revoked.status, 200);
      assert.ok(revoked.body.deletedAt);
      const gone = await openPage(api, created.body.url);
      assert.equal(gone.status, 404);
      assert.equal(gone.headers.get('x-robots-tag'), 'noindex, nofollow');
      assert.ok(!gone.html.includes('Offline mode'));
      const listed = await api.call('GET', `/products/${product.id}/share-links`);
      assert.ok(!listed.body.shareLinks.some((l: Body) => l.id === created.body.id));

      const restored = await api.call('POST', `/share-links/${created.body.id}/restore`);
      assert.equal(restored.status, 200);
      assert.equal(restored.body.deletedAt, null);
      assert.equal((await openPage(api, created.body.url)).status, 200);

      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      assert.deepEqual(
        events
          .filter((e: Body) => e.entityType === 'share_link' && e.entityId === created.body.id)
          .map((e: Body) => e.action),
        ['created', 'deleted', 'restored'],
      );
    });

    it('refuses an expiry in the past and stops answering once a link expires', async () => {
      const past = await api.call('POST', `/products/${product.id}/share-links`, {
        body: { view: 'customer', expiresAt: '2020-01-01T00:00:00Z' },
      });
      assert.equal(past.status, 400);
      assert.equal(past.body.error.details.issues[0].path, 'expiresAt');
      const other = await api.call('POST', `/products/${product.id}/share-links`, {
        body: { view: 'team' },
      });
      assert.equal(other.status, 400, 'only the customer view can be shared');
      assert.equal(other.body.error.details.issues[0].path, 'view');

      const soon = await api.call('POST', `/products/${product.id}/share-links`, {
        body: { view: 'customer', expiresAt: new Date(Date.now() + 1500).toISOString() },
      });
      assert.equal(soon.status, 201, JSON.stringify(soon.body));
      assert.equal((await openPage(api, soon.body.url)).status, 200);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      assert.equal((await openPage(api, soon.body.url)).status, 404);
    });

    it('answers the same 404 page to unknown and malformed tokens', async () => {
      const unknown = await openPage(api, `http://cairn.test/share/${'A'.repeat(43)}`);
      const odd = await openPage(api, `http://cairn.test/share/${'%00'.repeat(300)}`);
      assert.equal(unknown.status, 404);
      assert.equal(odd.status, 404);
      assert.equal(unknown.html, odd.html);
    });

    it('lets editors share, refuses viewers (403) and hides the product from non-members (404)', async () => {
      const editor = await buildUser(api, 'editor');
      const viewer = await buildUser(api, 'viewer');
      const outsider = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${product.id}/members/${editor.user.id}`);
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
      const made = await api.call('POST', `/products/${product.id}/share-links`, {
        token: editor.token,
        body: { view: 'customer' },
      });
      assert.equal(made.status, 201);
      const refused = await api.call('POST', `/products/${product.id}/share-links`, {
        token: viewer.token,
        body: { view: 'customer' },
      });
      assert.equal(refused.status, 403);
      assert.equal(
        (await api.call('DELETE', `/share-links/${made.body.id}`, { token: viewer.token })).status,
        403,
      );
      assert.equal(
        (await api.call('GET', `/products/${product.id}/share-links`, { token: viewer.token })).status,
        200,
      );
      const hidden = await api.call('POST', `/products/${product.id}/share-links`, {
        token: outsider.token,
        body: { view: 'customer' },
      });
      assert.equal(hidden.status, 404);
      assert.equal(
        (await api.call('DELETE', `/share-links/${made.body.id}`, { token: outsider.token })).status,
        404,
      );
      assert.equal(
        (await api.call('GET', `/products/${product.id}/share-links`, { token: outsider.token })).status,
        404,
      );
    });

    it('shows a change to the roadmap on the next view of the page', async () => {
      const created = await api.call('POST', `/products/${product.id}/share-links`, {
        body: { view: 'customer' },
      });
      await openPage(api, created.body.url);
      await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title: 'Calendar sync', publicSummary: 'Your meetings.', visibility: 'public' },
      });
      assert.ok((await openPage(api, created.body.url)).html.includes('Calendar sync'));
    });
  });
}
