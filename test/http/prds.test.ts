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
  describe(`PRDs over HTTP (${dialect})`, () => {
    let api: TestApi;
    let product: Body;
    let editor: { user: Body; token: string };
    let viewer: { user: Body; token: string };
    let outsider: { user: Body; token: string };

    before(async () => {
      api = await createTestApi(dialect);
      product = await buildProduct(api);
      editor = await buildUser(api, 'editor');
      viewer = await buildUser(api, 'viewer');
      outsider = await buildUser(api, 'editor');
      await api.call('PUT', `/products/${product.id}/members/${editor.user.id}`);
      await api.call('PUT', `/products/${product.id}/members/${viewer.user.id}`);
    });
    after(() => api.close());

    const initiative = async (metrics: string[] = []) => {
      const created = await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title: 'Faster checkout', confidence: 'committed', successMetrics: metrics },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body;
    };
    const prdEvents = async (id: string) =>
      (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events.filter(
        (e: Body) => e.entityType === 'prd' && e.entityId === id,
      );

    it("moves an initiative's success metrics into its first PRD, with events on both", async () => {
      const i = await initiative(['Checkout under 30 s', 'Conversion +5 %']);
      assert.deepEqual(i.metrics, [
        { name: 'Checkout under 30 s', baseline: null, target: null, measured: null },
        { name: 'Conversion +5 %', baseline: null, target: null, measured: null },
      ]);
      assert.equal(i.prdId, null);
      const created = await api.call('POST', `/initiatives/${i.id}/prds`, {
        body: {
          title: 'Checkout PRD',
          problem: 'Checkout is **slow**.',
          successMetrics: [{ name: 'Conversion +5 %', baseline: '2 %', target: '' }],
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.headers.get('etag'), '"1"');
      assert.equal(created.body.status, 'draft');
      assert.equal(created.body.initiativeId, i.id);
      assert.deepEqual(created.body.successMetrics, [
        { name: 'Conversion +5 %', baseline: '2 %', target: null, measured: null },
        { name: 'Checkout under 30 s', baseline: null, target: null, measured: null },
      ]);
      const after = (await api.call('GET', `/initiatives/${i.id}`)).body;
      assert.deepEqual(after.successMetrics, []);
      assert.equal(after.prdId, created.body.id);
      assert.deepEqual(after.metrics, created.body.successMetrics);
      assert.equal(after.version, 2);
      const listed = (await api.call('GET', `/products/${product.id}/initiatives`)).body.initiatives;
      assert.equal(listed.find((x: Body) => x.id === i.id).prdId, created.body.id);

      const events = (await api.call('GET', `/products/${product.id}/events?limit=500`)).body.events;
      const moved = events.find(
        (e: Body) => e.entityType === 'initiative' && e.entityId === i.id && e.action === 'updated',
      );
      assert.deepEqual(moved.changes.successMetrics, [['Checkout under 30 s', 'Conversion +5 %'], []]);
      assert.equal((await prdEvents(created.body.id))[0].action, 'created');

      const refused = await api.call('PATCH', `/initiatives/${i.id}`, {
        body: { successMetrics: ['Back on the initiative'] },
      });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.details.issues[0].path, 'successMetrics');
      assert.match(refused.body.error.message, new RegExp(created.body.id));

      const byInitiative = await api.call('GET', `/initiatives/${i.id}/prds`);
      assert.deepEqual(
        byInitiative.body.prds.map((p: Body) => p.id),
        [created.body.id],
      );
      const filtered = await api.call('GET', `/products/${product.key}/prds?initiativeId=${i.id}`);
      assert.equal(filtered.body.prds.length, 1);
      assert.equal(filtered.body.prds[0].requirementCount, 0);
    });

    it('writes a PRD under a product while exploring, ties it to an initiative later (same product only)', async () => {
      const created = await api.call('POST', `/products/${product.id}/prds`, {
        token: editor.token,
        body: { title: 'Exploring search' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.initiativeId, null);
      assert.equal(created.body.createdBy, editor.user.id);

      const other = await buildProduct(api);
      const foreign = await api.call('POST', `/products/${other.id}/initiatives`, {
        body: { title: 'Elsewhere' },
      });
      const wrong = await api.call('PATCH', `/prds/${created.body.id}`, {
        body: { initiativeId: foreign.body.id },
      });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.details.issues[0].path, 'initiativeId');

      const i = await initiative(['Search finds in 1 s']);
      const tied = await api.call('PATCH', `/prds/${created.body.id}`, {
        headers: { 'if-match': '"1"' },
        body: { initiativeId: i.id },
      });
      assert.equal(tied.status, 200, JSON.stringify(tied.body));
      assert.equal(tied.body.initiativeId, i.id);
      assert.deepEqual(
        tied.body.successMetrics.map((m: Body) => m.name),
        ['Search finds in 1 s'],
      );
      assert.deepEqual((await api.call('GET', `/initiatives/${i.id}`)).body.successMetrics, []);

      const stale = await api.call('PATCH', `/prds/${created.body.id}`, {
        headers: { 'if-match': '"1"' },
        body: { title: 'Lost update' },
      });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.error.code, 'version_conflict');
      assert.equal(stale.body.error.details.currentVersion, 2);
    });

    it('links requirements to items of the same product only, and reports the gaps', async () => {
      const item = await buildItem(api, product.id, { title: 'Search index' });
      const other = await buildProduct(api);
      const foreignItem = await buildItem(api, other.id, { title: 'Not ours' });
      const prd = (
        await api.call('POST', `/products/${product.id}/prds`, {
          body: {
            title: 'Search',
            successMetrics: [{ name: 'Latency', measured: '0.8 s' }, { name: 'Adoption' }],
            requirements: [{ text: 'Find by key' }, { text: 'Find by title', itemIds: [item.id] }],
          },
        })
      ).body;
      assert.equal(prd.requirements.length, 2);
      assert.ok(prd.requirements[0].id, 'each requirement gets an id');
      assert.deepEqual(prd.linkedItems, [
        { id: item.id, key: item.key, title: 'Search index', status: item.status, trashed: false },
      ]);

      const bad = await api.call('PATCH', `/prds/${prd.id}`, {
        body: {
          requirements: [{ text: 'a' }, { text: 'b' }, { text: 'c', itemIds: [foreignItem.id] }],
        },
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.issues[0].path, 'requirements.2.itemIds.0');

      const gaps = await api.call('GET', `/prds/${prd.id}/gaps`);
      assert.equal(gaps.status, 200);
      assert.deepEqual(gaps.body, {
        unlinkedRequirements: [{ id: prd.requirements[0].id, text: 'Find by key' }],
        unmeasuredMetrics: [{ name: 'Adoption' }],
      });

      // Every linked item in the trash: the requirement is a gap again.
      await api.call('DELETE', `/items/${item.id}`);
      const trashedGaps = (await api.call('GET', `/prds/${prd.id}/gaps`)).body;
      assert.equal(trashedGaps.unlinkedRequirements.length, 2);

      const linked = await api.call('PATCH', `/prds/${prd.id}`, {
        body: {
          requirements: [
            {
              id: prd.requirements[0].id,
              text: 'Find by key',
              itemIds: [(await buildItem(api, product.id)).id],
            },
            prd.requirements[1],
          ],
          successMetrics: [
            { name: 'Latency', measured: '0.8 s' },
            { name: 'Adoption', measured: '12 %' },
          ],
        },
      });
      assert.equal(linked.status, 200, JSON.stringify(linked.body));
      assert.equal(linked.body.requirements[0].id, prd.requirements[0].id, 'kept ids stay');
      const fewer = (await api.call('GET', `/prds/${prd.id}/gaps`)).body;
      assert.deepEqual(fewer.unmeasuredMetrics, []);
      assert.deepEqual(
        fewer.unlinkedRequirements.map((r: Body) => r.text),
        ['Find by title'],
      );
    });

    it('moves through draft → in review → approved → superseded, with every reviewer approving', async () => {
      const prd = (await api.call('POST', `/products/${product.id}/prds`, { body: { title: 'Reviewed' } }))
        .body;
      const skip = await api.call('PATCH', `/prds/${prd.id}`, { body: { status: 'approved' } });
      assert.equal(skip.status, 400);
      assert.equal(skip.body.error.details.issues[0].path, 'status');

      const notMember = await api.call('PATCH', `/prds/${prd.id}`, {
        body: { reviewerIds: [outsider.user.id] },
      });
      assert.equal(notMember.status, 400);
      assert.equal(notMember.body.error.details.issues[0].path, 'reviewerIds.0');
      const readOnly = await api.call('PATCH', `/prds/${prd.id}`, {
        body: { reviewerIds: [viewer.user.id] },
      });
      assert.equal(readOnly.status, 400, 'a viewer may not review');

      const inReview = await api.call('PATCH', `/prds/${prd.id}`, {
        body: { reviewerIds: [editor.user.id, api.ownerId], status: 'in_review' },
      });
      assert.equal(inReview.status, 200, JSON.stringify(inReview.body));
      assert.deepEqual(
        inReview.body.reviewers.map((r: Body) => [r.name, r.decision]),
        [
          ['editor', 'pending'],
          ['Olive Owner', 'pending'],
        ],
      );
      const early = await api.call('PATCH', `/prds/${prd.id}`, { body: { status: 'approved' } });
      assert.equal(early.status, 400, 'not every reviewer approved yet');

      const stranger = await api.call('POST', `/prds/${prd.id}/review`, {
        token: viewer.token,
        body: { decision: 'approved' },
      });
      assert.equal(stranger.status, 403);
      const mine = await api.call('POST', `/prds/${prd.id}/review`, {
        token: editor.token,
        body: { decision: 'approved' },
      });
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      assert.equal(mine.body.reviewers[0].decision, 'approved');
      assert.ok(mine.body.reviewers[0].decidedAt);
      await api.call('POST', `/prds/${prd.id}/review`, { body: { decision: 'approved' } });
      const approved = await api.call('PATCH', `/prds/${prd.id}`, { body: { status: 'approved' } });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal(approved.body.status, 'approved');

      // Editing an approved PRD's content sends it back to review, every decision pending again.
      const edited = await api.call('PATCH', `/prds/${prd.id}`, {
        body: { problem: 'Changed the problem.' },
      });
      assert.equal(edited.body.status, 'in_review');
      assert.deepEqual(
        edited.body.reviewers.map((r: Body) => r.decision),
        ['pending', 'pending'],
      );
      await api.call('POST', `/prds/${prd.id}/review`, {
        token: editor.token,
        body: { decision: 'approved' },
      });
      await api.call('POST', `/prds/${prd.id}/review`, { body: { decision: 'approved' } });
      await api.call('PATCH', `/prds/${prd.id}`, { body: { status: 'approved' } });
      const superseded = await api.call('PATCH', `/prds/${prd.id}`, { body: { status: 'superseded' } });
      assert.equal(superseded.body.status, 'superseded');
      const frozen = await api.call('PATCH', `/prds/${prd.id}`, { body: { title: 'Again' } });
      assert.equal(frozen.status, 409);
      const reviewed = (await prdEvents(prd.id)).filter((e: Body) => e.action === 'reviewed');
      assert.equal(reviewed.length, 4);
      assert.deepEqual(reviewed[0].changes, { [`reviewers.${editor.user.id}`]: ['pending', 'approved'] });
    });

    it('lets viewers read but not write, and hides PRDs from non-members', async () => {
      const prd = (await api.call('POST', `/products/${product.id}/prds`, { body: { title: 'Private' } }))
        .body;
      assert.equal((await api.call('GET', `/prds/${prd.id}`, { token: viewer.token })).status, 200);
      const write = await api.call('PATCH', `/prds/${prd.id}`, { token: viewer.token, body: { title: 'x' } });
      assert.equal(write.status, 403);
      const create = await api.call('POST', `/products/${product.id}/prds`, {
        token: viewer.token,
        body: { title: 'x' },
      });
      assert.equal(create.status, 403);
      for (const path of [`/prds/${prd.id}`, `/prds/${prd.id}/gaps`, `/prds/${prd.id}/export.md`]) {
        assert.equal((await api.call('GET', path, { token: outsider.token })).status, 404, path);
      }
      assert.equal(
        (await api.call('GET', `/products/${product.id}/prds`, { token: outsider.token })).status,
        404,
      );
      const patch = await api.call('PATCH', `/prds/${prd.id}`, {
        token: outsider.token,
        body: { title: 'x' },
      });
      assert.equal(patch.status, 404);
    });

    it('trashes and restores a PRD; the initiative then shows its metrics again from its next PRD', async () => {
      const i = await initiative(['Uptime 99.9 %']);
      const prd = (await api.call('POST', `/initiatives/${i.id}/prds`, { body: { title: 'Uptime' } })).body;
      const trashed = await api.call('DELETE', `/prds/${prd.id}`);
      assert.equal(trashed.status, 200);
      assert.ok(trashed.body.deletedAt);
      assert.equal((await api.call('GET', `/prds/${prd.id}`)).status, 404);
      const list = (await api.call('GET', `/products/${product.id}/prds`)).body.prds;
      assert.ok(!list.some((p: Body) => p.id === prd.id));
      assert.equal((await api.call('GET', `/initiatives/${i.id}`)).body.prdId, null);
      const trash = (await api.call('GET', `/products/${product.id}/prds?trashed=true`)).body.prds;
      assert.deepEqual(
        trash.map((p: Body) => [p.id, p.deletedAt]),
        [[prd.id, trashed.body.deletedAt]],
      );
      const restored = await api.call('POST', `/prds/${prd.id}/restore`);
      assert.equal(restored.status, 200);
      assert.equal(restored.body.deletedAt, null);
      assert.equal((await api.call('GET', `/initiatives/${i.id}`)).body.prdId, prd.id);
      assert.deepEqual(
        (await prdEvents(prd.id)).map((e: Body) => e.action),
        ['created', 'deleted', 'restored'],
      );
    });

    it('exports a complete Markdown document, and a sanitised printable page', async () => {
      const item = await buildItem(api, product.id, { title: 'Payment form' });
      const i = await initiative([]);
      const prd = (
        await api.call('POST', `/initiatives/${i.id}/prds`, {
          body: {
            title: 'Pay faster',
            problem: 'Slow.<script>alert(1)</script>\n\n[x](javascript:alert(2))',
            successMetrics: [{ name: 'Time | to pay', baseline: '60 s', target: '30 s' }],
            requirements: [{ text: 'One form', itemIds: [item.id] }, { text: 'Saved cards' }],
            technicalConsiderations: 'Use the **tokeniser**.',
            openQuestions: 'Which wallets?',
            reviewerIds: [editor.user.id],
          },
        })
      ).body;
      const md = await api.call('GET', `/prds/${prd.id}/export.md`);
      assert.equal(md.status, 200);
      assert.match(md.headers.get('content-type') ?? '', /^text\/markdown/);
      for (const part of [
        '# Pay faster',
        '**Status:** Draft',
        '**Initiative:** Faster checkout',
        'editor: Pending',
        '## Problem',
        '| Time \\| to pay | 60 s | 30 s | — |',
        `1. One form\n   - Backlog: ${item.key} Payment form`,
        '2. Saved cards\n   - Backlog: _no item yet_',
        '## Technical considerations\n\nUse the **tokeniser**.',
        '## Open questions\n\nWhich wallets?',
      ]) {
        assert.ok(md.body.includes(part), `missing ${JSON.stringify(part)} in\n${md.body}`);
      }

      const html = await api.call('GET', `/prds/${prd.id}/export.html`);
      assert.equal(html.status, 200);
      assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
      const csp = html.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /script-src/);
      assert.ok(!/<script/i.test(html.body), 'no script element comes out');
      assert.ok(html.body.includes('&lt;script&gt;'), 'the script is shown as text');
      assert.ok(!html.body.includes('javascript:'), 'no javascript: link');
      assert.ok(html.body.includes('<strong>tokeniser</strong>'), 'Markdown is rendered');
      assert.ok(html.body.includes('@media print'), 'a print stylesheet');
      assert.ok(html.body.includes(`${item.key} Payment form`));
    });

    it('bounds what a PRD holds, naming the field', async () => {
      const many = Array.from({ length: 51 }, (_, n) => ({ name: `m${n}` }));
      const tooMany = await api.call('POST', `/products/${product.id}/prds`, {
        body: { title: 'Big', successMetrics: many },
      });
      assert.equal(tooMany.status, 400);
      assert.equal(tooMany.body.error.details.issues[0].path, 'successMetrics');
      const long = await api.call('POST', `/products/${product.id}/prds`, {
        body: { title: 'Long', problem: 'x'.repeat(20_001) },
      });
      assert.equal(long.body.error.details.issues[0].path, 'problem');
      const dup = await api.call('POST', `/products/${product.id}/prds`, {
        body: {
          title: 'Dup',
          requirements: [
            { id: 'r1', text: 'a' },
            { id: 'r1', text: 'b' },
          ],
        },
      });
      assert.equal(dup.status, 400);
      assert.equal(dup.body.error.details.issues[0].path, 'requirements.1.id');
    });
  });
}
