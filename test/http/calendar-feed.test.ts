import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { type Body, buildProduct, buildUser, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  isDate: boolean;
  sequence: number;
  url: string | null;
}

/** The feed's events, read by a real iCalendar parser (ical.js). */
function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      isDate: event.startDate.isDate,
      sequence: event.sequence,
      url: String(vevent.getFirstPropertyValue('url') ?? '') || null,
    };
  });
}

for (const dialect of DIALECTS) {
  describe(`calendar feed (${dialect})`, () => {
    let api: TestApi;
    let productA: Body;
    let productB: Body;
    let member: { user: Body; token: string };

    before(async () => {
      api = await createTestApi(dialect);
      productA = await buildProduct(api);
      productB = await buildProduct(api);
      member = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${productA.id}/members/${member.user.id}`);
    });
    after(() => api.close());

    /** GET the feed at `url` (an absolute URL on the public origin), without credentials. */
    const fetchFeed = async (url: string) => {
      const path = new URL(url).pathname;
      return api.app.request(`http://cairn.test${path}`);
    };
    const makeFeed = async (token: string) => {
      const created = await api.call('POST', '/me/calendar-feed', { token });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.match(created.body.url, /^http:\/\/cairn\.test\/feeds\/cal_[\w-]+\/calendar\.ics$/);
      return created.body.url as string;
    };

    it('lists sprints, releases and initiative targets as all-day events with stable ids', async () => {
      const sprint = await api.call('POST', `/products/${productA.id}/sprints`, {
        body: { name: 'Sprint 7', goal: 'Ship search', startDate: '2026-03-02', endDate: '2026-03-13' },
      });
      assert.equal(sprint.status, 201, JSON.stringify(sprint.body));
      const release = await api.call('POST', `/products/${productA.id}/releases`, {
        body: { name: '2.0', description: 'The big one', targetDate: '2026-04-01' },
      });
      assert.equal(release.status, 201, JSON.stringify(release.body));
      const initiative = await api.call('POST', `/products/${productA.id}/initiatives`, {
        body: { title: 'Faster checkout', targetDate: '2026-06-30' },
      });
      assert.equal(initiative.status, 201, JSON.stringify(initiative.body));

      const response = await fetchFeed(await makeFeed(api.ownerToken));
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
      assert.match(response.headers.get('cache-control') ?? '', /private/);
      const text = await response.text();
      for (const line of text.split('\r\n')) {
        assert.ok(Buffer.byteLength(line) <= 75, `line folded at 75 octets: ${line}`);
      }
      const events = parseFeed(text);
      const byUid = new Map(events.map((e) => [e.uid, e]));
      const s = byUid.get(`sprint-${sprint.body.id}@cairn`);
      assert.ok(s, 'the sprint is in the feed');
      assert.deepEqual([s.start, s.end, s.isDate], ['2026-03-02', '2026-03-14', true], 'DTEND is exclusive');
      assert.equal(s.summary, `${productA.key}: Sprint Sprint 7`);
      assert.equal(s.description, 'Ship search');
      assert.equal(s.url, `http://cairn.test/p/${productA.key}/sprints/${sprint.body.id}`);
      assert.equal(s.sequence, sprint.body.version);
      const r = byUid.get(`release-${release.body.id}@cairn`);
      assert.deepEqual(
        [r?.start, r?.end, r?.summary],
        ['2026-04-01', '2026-04-02', `${productA.key}: Release 2.0`],
      );
      const i = byUid.get(`initiative-${initiative.body.id}@cairn`);
      assert.deepEqual([i?.start, i?.summary], ['2026-06-30', `${productA.key}: Target Faster checkout`]);
    });

    it('keeps commas, semicolons, newlines, emoji and non-Latin text through a round trip', async () => {
      const name = 'Ünïcødé; 日本語, "quotes" \\ 🚀🎉 and a rather long name to fold ✓';
      const goal = 'Line one,\nline two; with 中文 and emoji 🧭\nthird line';
      const sprint = await api.call('POST', `/products/${productA.id}/sprints`, {
        body: { name, goal, startDate: '2026-05-04', endDate: '2026-05-15' },
      });
      assert.equal(sprint.status, 201, JSON.stringify(sprint.body));
      const events = parseFeed(await (await fetchFeed(await makeFeed(api.ownerToken))).text());
      const s = events.find((e) => e.uid === `sprint-${sprint.body.id}@cairn`);
      assert.equal(s?.summary, `${productA.key}: Sprint ${sprint.body.name}`);
      assert.equal(s?.description, goal);
    });

    it("shows a member only their products' events, and drops a product they lose", async () => {
      const other = await api.call('POST', `/products/${productB.id}/releases`, {
        body: { name: 'Secret', targetDate: '2026-07-01' },
      });
      assert.equal(other.status, 201);
      const url = await makeFeed(member.token);
      let events = parseFeed(await (await fetchFeed(url)).text());
      assert.ok(events.length > 0, 'product A events are present');
      assert.ok(
        events.every((e) => e.summary.startsWith(`${productA.key}:`)),
        'only product A',
      );
      assert.ok(!events.some((e) => e.uid === `release-${other.body.id}@cairn`));

      assert.equal(
        (await api.call('DELETE', `/products/${productA.id}/members/${member.user.id}`)).status,
        204,
      );
      events = parseFeed(await (await fetchFeed(url)).text());
      assert.deepEqual(events, [], 'no product, no events');
      await api.call('PUT', `/products/${productA.id}/members/${member.user.id}`);
    });

    it('answers 404 for a revoked, rotated or unknown secret', async () => {
      const first = await makeFeed(member.token);
      assert.equal((await fetchFeed(first)).status, 200);
      const status = await api.call('GET', '/me/calendar-feed', { token: member.token });
      assert.equal(status.body.active, true);

      const second = await makeFeed(member.token);
      assert.equal((await fetchFeed(first)).status, 404, 'rotation revokes the old address');
      assert.equal((await fetchFeed(second)).status, 200);

      assert.equal((await api.call('DELETE', '/me/calendar-feed', { token: member.token })).status, 204);
      assert.equal((await fetchFeed(second)).status, 404);
      assert.equal((await api.call('GET', '/me/calendar-feed', { token: member.token })).body.active, false);
      assert.equal(
        (await fetchFeed(`http://cairn.test/feeds/cal_${'x'.repeat(43)}/calendar.ics`)).status,
        404,
      );
      assert.equal((await fetchFeed('http://cairn.test/feeds/nonsense/calendar.ics')).status, 404);
    });

    it('refuses a product-restricted token making a feed of every product', async () => {
      const token = await api.call('POST', '/tokens', {
        body: { name: 'one product', productIds: [productA.id] },
      });
      assert.equal(token.status, 201, JSON.stringify(token.body));
      const refused = await api.call('POST', '/me/calendar-feed', { token: token.body.token });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'insufficient_scope');
    });
  });
}
