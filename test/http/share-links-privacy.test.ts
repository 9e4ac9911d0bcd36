/**
 * The marker test: every internal field of a product is seeded with a marker string, the customer share
 * link is opened without any credential, and neither the page nor anything it loads may hold a marker (or
 * an internal date, in any form, or an internal object's id). The public words must be there.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Body, buildItem, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

const marker = (n: number) => `ZZINTERNAL${n}X`;
/** Forms an internal date could take on a page. */
const DATE_FORMS = [
  '2031-02-03',
  '2032-11-17',
  '2031',
  '2032',
  '11/17',
  '17/11',
  '17.11',
  'Nov 17',
  '17 Nov',
];

for (const dialect of DIALECTS) {
  describe(`the shared customer roadmap holds no internal field (${dialect})`, () => {
    let api: TestApi;
    const internalIds: string[] = [];
    let url = '';
    before(async () => {
      api = await createTestApi(dialect);
      const ok = (response: Body, what: string) => {
        assert.ok(response.status < 300, `${what}: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body;
      };
      const product = ok(
        await api.call('POST', '/products', {
          body: { key: 'TERN', name: 'Tern', description: `About ${marker(1)}` },
        }),
        'product',
      );
      internalIds.push(product.id);
      const post = async (path: string, body: unknown, what = path) =>
        ok(await api.call('POST', path, { body }), what);
      const theme = await post(`/products/${product.id}/themes`, {
        name: marker(2),
        description: marker(3),
      });
      const objective = await post(`/products/${product.id}/objectives`, {
        title: marker(4),
        description: marker(5),
      });
      internalIds.push(theme.id, objective.id);
      const hidden = await post(`/products/${product.id}/initiatives`, {
        title: marker(6),
        summary: marker(7),
        publicSummary: marker(8),
        visibility: 'internal',
        horizon: 'now',
        confidence: 'committed',
        startDate: '2031-02-03',
        targetDate: '2032-11-17',
      });
      internalIds.push(hidden.id);
      const offline = await post(`/products/${product.id}/initiatives`, {
        title: 'Offline mode',
        summary: marker(9),
        publicSummary: 'Work without a connection.',
        visibility: 'public',
        horizon: 'next',
        confidence: 'committed',
        themeId: theme.id,
        objectiveIds: [objective.id],
        startDate: '2031-02-03',
        targetDate: '2032-11-17',
        successMetrics: [marker(10)],
      });
      await post(`/products/${product.id}/initiatives`, {
        title: 'Calendar sync',
        summary: marker(11),
        publicSummary: 'See your meetings beside your work.',
        visibility: 'public',
        horizon: 'later',
        confidence: 'exploratory',
      });
      const item = await buildItem(api, product.id, {
        title: marker(12),
        description: marker(13),
        initiativeId: offline.id,
        acceptanceCriteria: [{ text: marker(14) }],
        estimate: 3,
      });
      internalIds.push(item.id);
      const prd = await api.call('POST', `/initiatives/${offline.id}/prds`, {
        body: {
          title: marker(15),
          problem: marker(16),
          successMetrics: [{ name: marker(17), baseline: marker(18), target: marker(19), measured: null }],
          technicalConsiderations: marker(20),
          openQuestions: marker(21),
        },
      });
      if (prd.status === 201) internalIds.push(prd.body.id);
      else {
        // Before the PRD routes exist: the row as they would write it.
        const at = new Date().toISOString();
        const id = randomUUID();
        await api.database.db
          .insertInto('prds')
          .values({
            id,
            product_id: product.id,
            initiative_id: offline.id,
            title: marker(15),
            problem: marker(16),
            success_metrics: JSON.stringify([
              { name: marker(17), baseline: marker(18), target: marker(19), measured: null },
            ]),
            requirements: '[]',
            technical_considerations: marker(20),
            open_questions: marker(21),
            status: 'draft',
            reviewers: '[]',
            created_by: api.ownerId,
            version: 1,
            created_at: at,
            updated_at: at,
            deleted_at: null,
          })
          .execute();
        internalIds.push(id);
      }
      const member = await post('/users', {
        email: 'zzinternal22x@example.com',
        name: marker(23),
        role: 'editor',
        password: 'a long enough password',
      });
      ok(await api.call('PUT', `/products/${product.id}/members/${member.id}`), 'member');
      await post(`/products/${product.id}/teams`, { name: marker(24), description: marker(25) });
      await post(`/products/${product.id}/releases`, { name: marker(26), description: marker(27) });

      // Announced changes: internal words, a public text, and one for an internal initiative.
      await post(`/products/${product.id}/roadmap-baselines`, { name: marker(28) });
      const patch = async (id: string, body: unknown) =>
        ok(await api.call('PATCH', `/initiatives/${id}`, { body }), 'announce');
      await patch(offline.id, { targetDate: '2032-12-01', announcement: marker(29) });
      await patch(offline.id, { horizon: 'now', announcement: marker(30) });
      await patch(offline.id, {
        confidence: 'planned',
        announcement: marker(31),
        publicAnnouncement: 'We are speeding this up.',
      });
      await patch(hidden.id, {
        horizon: 'next',
        announcement: marker(32),
        publicAnnouncement: marker(33),
      });
      // An unannounced pivot too.
      await patch(offline.id, { targetDate: '2032-11-17' });

      url = ok(
        await api.call('POST', `/products/${product.id}/share-links`, { body: { view: 'customer' } }),
        'share link',
      ).url;
    });
    after(() => api.close());

    it('shows the public words and no marker, internal date or internal id, loading nothing else', async () => {
      const response = await api.app.request(url);
      assert.equal(response.status, 200);
      const html = await response.text();
      const headers = JSON.stringify([...response.headers]);
      for (const text of [html, headers]) {
        assert.doesNotMatch(text, /ZZINTERNAL/i, 'no internal field');
        for (const form of DATE_FORMS) assert.ok(!text.includes(form), `no internal date (${form})`);
        for (const id of internalIds) assert.ok(!text.includes(id), `no internal id (${id})`);
      }
      // The page makes no request of its own: no stylesheet, script, image, frame or font to fetch.
      assert.doesNotMatch(html, /<(script|link|img|iframe|object|embed)\b|\bsrc=|@import|url\(/i);

      for (const words of [
        'Tern roadmap',
        'Offline mode',
        'Work without a connection.',
        'Calendar sync',
        'See your meetings beside your work.',
        'Exploring',
        'We are speeding this up.',
        'moved from Next to Now',
      ]) {
        assert.ok(html.includes(words), `shows ${words}`);
      }
    });

    it('seeded the markers where the team and executives do see them', async () => {
      const team = JSON.stringify((await api.call('GET', '/products/TERN/roadmap-views/team')).body);
      for (const n of [4, 6, 7, 9, 10, 29, 30, 31, 32]) assert.ok(team.includes(marker(n)), marker(n));
      assert.ok(team.includes('2032-11-17'));
      const exec = JSON.stringify((await api.call('GET', '/products/TERN/roadmap-views/executive')).body);
      assert.ok(exec.includes(marker(2)) && exec.includes(marker(4)));
      assert.ok(exec.includes(marker(17)), 'outcome metrics from the PRD');
    });

    it('keeps the customer view of the API as clean as the page', async () => {
      const view = await api.call('GET', '/products/TERN/roadmap-views/customer');
      assert.equal(view.status, 200);
      const text = JSON.stringify(view.body);
      assert.doesNotMatch(text, /ZZINTERNAL/i);
      for (const form of DATE_FORMS) assert.ok(!text.includes(form), form);
      for (const id of internalIds) assert.ok(!text.includes(id), id);
      const csv = await api.call('GET', '/products/TERN/roadmap-views/customer.csv');
      assert.doesNotMatch(String(csv.body), /ZZINTERNAL/i);
    });
  });
}
