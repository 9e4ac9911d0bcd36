import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Parser from 'rss-parser';
import { renderMarkdown } from '../../src/presenters/markdown/render-markdown.ts';
import { publishedNotesRenders } from '../../src/presenters/published-notes-html.ts';
import {
  type Body,
  buildItem,
  buildProduct,
  buildUser,
  createTestApi,
  type TestApi,
} from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const ORIGIN = 'http://cairn.test';

for (const dialect of DIALECTS) {
  describe(`release notes feeds outside the API (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let member: { user: Body; token: string };
    let outsider: { user: { id: string }; token: string };
    const published: Body[] = [];
    let unpublished: Body;

    /** A request outside /api/v1, as the given bearer token or cookie (anonymous by default). */
    const fetchFeed = async (path: string, auth: { token?: string; cookie?: string } = {}) => {
      const headers: Record<string, string> = {};
      if (auth.token) headers.authorization = `Bearer ${auth.token}`;
      if (auth.cookie) headers.cookie = auth.cookie;
      const response = await api.app.request(`${ORIGIN}${path}`, { headers });
      return { status: response.status, headers: response.headers, text: await response.text() };
    };

    const feedPath = () => `/feeds/${product.key}/releases.atom`;
    const parseFeed = (xml: string) =>
      new Parser<Record<string, unknown>, { updated: string; id: string }>({
        customFields: { item: ['updated', 'id'] },
      }).parseString(xml);

    const setPublic = async (value: boolean) => {
      const response = await api.call('PATCH', `/products/${product.id}`, {
        body: { releaseNotesPublic: value },
      });
      assert.equal(response.status, 200);
      assert.equal(response.body.releaseNotesPublic, value);
    };

    const publishRelease = async (name: string, itemTitle: string) => {
      const release = (await api.call('POST', `/products/${product.id}/releases`, { body: { name } })).body;
      await buildItem(api, product.id, { title: itemTitle, status: 'done', releaseId: release.id });
      await api.call('POST', `/releases/${release.id}/notes/generate`);
      const done = await api.call('POST', `/releases/${release.id}/notes/publish`);
      assert.equal(done.status, 200);
      // Distinct publication times, so the feed's order is the order of publication.
      await new Promise((resolve) => setTimeout(resolve, 5));
      return done.body;
    };

    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api, { name: 'Checkout' });
      member = await buildUser(api, 'viewer');
      outsider = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${product.id}/members/${member.user.id}`);
      published.push(await publishRelease('2.3', 'Saved cards'));
      published.push(await publishRelease('2.4', 'Dark <mode> & more'));
      unpublished = (await api.call('POST', `/products/${product.id}/releases`, { body: { name: '2.5' } }))
        .body;
      await api.call('PATCH', `/releases/${unpublished.id}`, { body: { notesDraft: '# Secret draft' } });
      const trashed = await publishRelease('2.2-trashed', 'Withdrawn');
      await api.call('DELETE', `/releases/${trashed.id}`);
    });
    after(() => api.close());

    it('starts private: only admins and owners may make release notes public', async () => {
      assert.equal(product.releaseNotesPublic, false);
      await api.call('PUT', `/products/${product.id}/members/${outsider.user.id}`);
      const editor = await api.call('PATCH', `/products/${product.id}`, {
        body: { releaseNotesPublic: true },
        token: outsider.token,
      });
      assert.equal(editor.status, 403, 'an editor of the product may not');
      await api.call('DELETE', `/products/${product.id}/members/${outsider.user.id}`);
      const bad = await api.call('PATCH', `/products/${product.id}`, { body: { releaseNotesPublic: 'yes' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'releaseNotesPublic');
    });

    it('answers 404 to anonymous readers, bad tokens and non-members while private, like an unknown product', async () => {
      const paths = [
        feedPath(),
        `/feeds/${product.key}/releases/${published[0].id}.html`,
        `/feeds/${product.key}/releases/${published[0].id}.md`,
      ];
      for (const path of paths) {
        for (const auth of [{}, { token: 'cairn_not-a-real-token' }, { token: outsider.token }]) {
          const response = await fetchFeed(path, auth);
          assert.equal(response.status, 404, `${path} ${JSON.stringify(auth)}`);
          assert.equal(JSON.parse(response.text).error.message, 'product not found');
        }
      }
      const unknown = await fetchFeed('/feeds/NOSUCH/releases.atom');
      assert.equal(unknown.status, 404);
      assert.equal(JSON.parse(unknown.text).error.message, 'product not found');
    });

    it('serves a private product to a member with a token or a session cookie, never for shared caches', async () => {
      const withToken = await fetchFeed(feedPath(), { token: member.token });
      assert.equal(withToken.status, 200);
      assert.equal(withToken.headers.get('cache-control'), 'private, no-store');
      assert.equal((await parseFeed(withToken.text)).items.length, 2);
      const login = await api.call('POST', '/auth/login', {
        token: null,
        body: { email: member.user.email, password: 'a long enough password' },
      });
      assert.equal(login.status, 200);
      const cookie = /cairn_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
      const page = await fetchFeed(`/feeds/${product.key}/releases/${published[1].id}.html`, { cookie });
      assert.equal(page.status, 200);
      const byAdmin = await fetchFeed(feedPath(), { token: api.ownerToken });
      assert.equal(byAdmin.status, 200, 'owners and admins see every product');
    });

    it('serves the Atom feed to anyone once public: newest first, absolute links, escaped HTML content', async () => {
      await setPublic(true);
      const response = await fetchFeed(feedPath());
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      const feed = await parseFeed(response.text);
      assert.equal(feed.title, 'Checkout release notes');
      assert.equal(feed.feedUrl, `${ORIGIN}${feedPath()}`);
      assert.deepEqual(
        feed.items.map((item) => item.title),
        ['Checkout 2.4', 'Checkout 2.3'],
        'unpublished and trashed releases are not in the feed',
      );
      const [newest, older] = feed.items;
      assert.ok(newest && older);
      assert.equal(newest.id, `urn:uuid:${published[1].id}`);
      assert.equal(newest.link, `${ORIGIN}/feeds/${product.key}/releases/${published[1].id}.html`);
      assert.equal(newest.updated, published[1].notesPublishedAt);
      assert.equal(older.updated, published[0].notesPublishedAt);
      assert.match(newest.content ?? '', /<h1>2\.4<\/h1>/);
      assert.match(newest.content ?? '', /<li>Dark &lt;mode&gt; &amp; more<\/li>/);
      assert.doesNotMatch(response.text, /Secret draft|Withdrawn/);
    });

    it('does not take its absolute URLs from forwarded headers of an untrusted proxy', async () => {
      const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'notes.example.com' };
      const untrusted = await api.app.request(`${ORIGIN}${feedPath()}`, { headers });
      const feed = await parseFeed(await untrusted.text());
      assert.ok(feed.items[0]?.link?.startsWith(`${ORIGIN}/feeds/`));
    });

    it('serves each release as a standalone HTML page and as Markdown', async () => {
      const page = await fetchFeed(`/feeds/${product.key}/releases/${published[1].id}.html`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(page.text, /^<!doctype html>/);
      assert.match(page.text, /<title>Checkout 2\.4<\/title>/);
      assert.match(page.text, /<li>Dark &lt;mode&gt; &amp; more<\/li>/);
      assert.match(page.text, new RegExp(`href="${ORIGIN}/feeds/${product.key}/releases.atom"`));
      assert.match(
        page.text,
        new RegExp(`<link rel="stylesheet" href="/feeds/${product.key}/release-notes.css"`),
      );
      const css = await fetchFeed(`/feeds/${product.key}/release-notes.css`);
      assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
      const md = await fetchFeed(`/feeds/${product.key}/releases/${published[1].id}.md`);
      assert.equal(md.headers.get('content-type'), 'text/markdown; charset=utf-8');
      assert.equal(md.text, published[1].notesPublished);
      const draftOnly = await fetchFeed(`/feeds/${product.key}/releases/${unpublished.id}.html`);
      assert.equal(draftOnly.status, 404);
      const otherProduct = await buildProduct(api);
      const wrongProduct = await fetchFeed(`/feeds/${otherProduct.key}/releases/${published[1].id}.md`);
      assert.equal(wrongProduct.status, 404);
      const badFile = await fetchFeed(`/feeds/${product.key}/releases/${published[1].id}.pdf`);
      assert.equal(badFile.status, 404);
    });

    it("moves a republished release's entry to the top with its new updated time", async () => {
      await api.call('PATCH', `/releases/${published[0].id}`, {
        body: { notesDraft: '# 2.3\n\nNow with more.' },
      });
      const again = await api.call('POST', `/releases/${published[0].id}/notes/publish`);
      const feed = await parseFeed((await fetchFeed(feedPath())).text);
      assert.deepEqual(
        feed.items.map((item) => [item.title, item.updated]),
        [
          ['Checkout 2.3', again.body.notesPublishedAt],
          ['Checkout 2.4', published[1].notesPublishedAt],
        ],
      );
      assert.match(feed.items[0]?.content ?? '', /Now with more\./);
    });

    it('escapes a release name in the entry title, dropping characters XML cannot hold', async () => {
      const hostile = await publishRelease('<b>3.0</b> & co\u0007', 'Anything');
      const xml = (await fetchFeed(feedPath())).text;
      assert.ok(!xml.includes('\u0007'), 'no character XML 1.0 forbids');
      const feed = await parseFeed(xml);
      const entry = feed.items.find((item) => item.id === `urn:uuid:${hostile.id}`);
      // type="html": the reader decodes the escaped text back to the name as written, never markup.
      assert.equal(entry?.title, 'Checkout &lt;b&gt;3.0&lt;/b&gt; &amp; co');
    });

    it('answers the feed and the notes page of hostile notes with 200, showing them as plain text', async () => {
      // 50,000 nested quotes overflowed the recursive parser used before (500); `*a` took seconds.
      const notes = [
        `${'> '.repeat(50_000)}a`,
        '*a'.repeat(50_000),
        `${'*'.repeat(49_999)}a${'*'.repeat(49_999)}`,
      ];
      const ids: string[] = [];
      for (const [i, notesDraft] of notes.entries()) {
        const release = (
          await api.call('POST', `/products/${product.id}/releases`, { body: { name: `9.${i}` } })
        ).body;
        assert.equal(
          (await api.call('PATCH', `/releases/${release.id}`, { body: { notesDraft } })).status,
          200,
        );
        assert.equal((await api.call('POST', `/releases/${release.id}/notes/publish`)).status, 200);
        ids.push(release.id);
      }
      const feed = await fetchFeed(feedPath());
      assert.equal(feed.status, 200);
      const entries = (await parseFeed(feed.text)).items;
      for (const [i, id] of ids.entries()) {
        const page = await fetchFeed(`/feeds/${product.key}/releases/${id}.html`);
        assert.equal(page.status, 200);
        const expected = renderMarkdown(notes[i] ?? '');
        assert.ok(page.text.includes(`<main>${expected}</main>`), `release 9.${i}: the text as paragraphs`);
        assert.doesNotMatch(expected, /<(blockquote|em|strong)>/);
        assert.equal(entries.find((entry) => entry.id === `urn:uuid:${id}`)?.content, expected);
      }
      for (const id of ids) await api.call('DELETE', `/releases/${id}`);
    });

    it('renders published notes once per publication, and again once published anew', async () => {
      const path = `/feeds/${product.key}/releases/${published[1].id}.html`;
      const first = await fetchFeed(path);
      const renders = publishedNotesRenders();
      const again = await fetchFeed(path);
      await fetchFeed(feedPath());
      assert.equal(again.text, first.text);
      assert.equal(publishedNotesRenders(), renders, 'served from the cache');
      await api.call('PATCH', `/releases/${published[1].id}`, {
        body: { notesDraft: '# 2.4\n\nRewritten.' },
      });
      await api.call('POST', `/releases/${published[1].id}/notes/publish`);
      assert.match((await fetchFeed(path)).text, /<p>Rewritten\.<\/p>/);
      assert.equal(publishedNotesRenders(), renders + 1);
    });

    it('publishes exactly the HTML the draft preview showed', async () => {
      const release = (await api.call('POST', `/products/${product.id}/releases`, { body: { name: '9.9' } }))
        .body;
      const notesDraft = '# 9.9\n\n- **Bold** <b>raw</b> [x](javascript:alert(1)) [y](https://e.example)\n';
      await api.call('PATCH', `/releases/${release.id}`, { body: { notesDraft } });
      const preview = await api.call('GET', `/releases/${release.id}/notes.html?draft=true`);
      await api.call('POST', `/releases/${release.id}/notes/publish`);
      const page = await fetchFeed(`/feeds/${product.key}/releases/${release.id}.html`);
      assert.equal(preview.body, renderMarkdown(notesDraft));
      assert.ok(page.text.includes(`<main>${renderMarkdown(notesDraft)}</main>`));
      await api.call('DELETE', `/releases/${release.id}`);
    });

    it('is private again once the switch is turned off', async () => {
      await setPublic(false);
      assert.equal((await fetchFeed(feedPath())).status, 404);
      assert.equal((await fetchFeed(feedPath(), { token: member.token })).status, 200);
    });
  });
}
