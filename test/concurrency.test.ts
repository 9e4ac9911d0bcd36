/**
 * Simultaneous writes over the real in-process app. On PostgreSQL the pool runs requests in parallel
 * (the product row lock must serialise them); on SQLite the single connection serialises them anyway.
 * Either way the outcome must be as if the requests ran one after another: no lost update, no 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Body, buildItem, buildProduct, buildUser, createTestApi, type TestApi } from './support/api.ts';
import { DIALECTS } from './support/databases.ts';

/** A small seeded generator (mulberry32), so a failing interleaving of requests can be replayed. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
}

const ITEM_FIELDS = [
  'title',
  'description',
  'estimate',
  'status',
  'type',
  'labels',
  'story',
  'acceptanceCriteria',
  'initiativeId',
  'assigneeId',
] as const;
type ItemField = (typeof ITEM_FIELDS)[number];

function count<T>(values: T[], value: T): number {
  return values.filter((v) => v === value).length;
}

for (const dialect of DIALECTS) {
  describe(`concurrent writes (${dialect})`, () => {
    let api: TestApi;

    before(async () => {
      api = await createTestApi(dialect);
    });
    after(() => api.close());

    async function itemEvents(id: string): Promise<Body[]> {
      const history = await api.call('GET', `/items/${id}/history`);
      assert.equal(history.status, 200);
      return history.body.events;
    }

    it('(a) of 20 PATCHes sent with the same If-Match exactly one wins; the others get 412 version_conflict', async () => {
      const product = await buildProduct(api);
      const item = await buildItem(api, product.id, { title: 'Contested' });
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.call('PATCH', `/items/${item.id}`, {
            body: { title: `Racer ${i}` },
            headers: { 'if-match': `"${item.version}"` },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      assert.equal(count(statuses, 200), 1, `statuses: ${statuses.join(',')}`);
      assert.equal(count(statuses, 412), 19, `statuses: ${statuses.join(',')}`);
      for (const lost of answers.filter((a) => a.status === 412)) {
        assert.equal(lost.body.error.code, 'version_conflict');
        assert.equal(lost.body.error.details.currentVersion, item.version + 1);
      }
      const winner = answers.find((a) => a.status === 200)!;
      const now = await api.call('GET', `/items/${item.id}`);
      assert.equal(now.body.version, item.version + 1);
      assert.equal(now.body.title, winner.body.title);
      assert.equal(now.headers.get('etag'), `"${item.version + 1}"`);
      const updates = (await itemEvents(item.id)).filter((e) => e.action === 'updated');
      assert.equal(updates.length, 1);
      assert.deepEqual(updates[0].changes, { title: ['Contested', winner.body.title] });
    });

    it('(b) 20 PATCHes without If-Match, each changing one field, all apply in one serial order: no update is lost', async () => {
      const product = await buildProduct(api);
      const initiatives: string[] = [];
      for (const title of ['Initiative A', 'Initiative B']) {
        const created = await api.call('POST', `/products/${product.id}/initiatives`, { body: { title } });
        initiatives.push(created.body.id);
      }
      const assignees = [(await buildUser(api, 'editor')).user.id, (await buildUser(api, 'editor')).user.id];
      const item = await buildItem(api, product.id, { title: 'Start' });

      const valueFor = (field: ItemField, k: number): unknown => {
        switch (field) {
          case 'title':
            return `Title ${k}`;
          case 'description':
            return `Description ${k}`;
          case 'estimate':
            return k + 1;
          case 'status':
            return ['ready', 'in_review'][k];
          case 'type':
            return ['bug', 'task'][k];
          case 'labels':
            return [`label-${k}`];
          case 'story':
            return { asA: `role ${k}`, iWant: 'to plan', soThat: 'we ship' };
          case 'acceptanceCriteria':
            return [{ text: `criterion ${k}`, done: k === 1 }];
          case 'initiativeId':
            return initiatives[k];
          case 'assigneeId':
            return assignees[k];
        }
      };
      const patches = Array.from({ length: 20 }, (_, i) => {
        const field = ITEM_FIELDS[i % ITEM_FIELDS.length]!;
        return { field, value: valueFor(field, i < ITEM_FIELDS.length ? 0 : 1) };
      });
      const answers = await Promise.all(
        patches.map((p) => api.call('PATCH', `/items/${item.id}`, { body: { [p.field]: p.value } })),
      );
      assert.deepEqual(
        answers.map((a) => a.status),
        patches.map(() => 200),
        JSON.stringify(answers.filter((a) => a.status !== 200).map((a) => a.body)),
      );
      // Each request got its own version: the 20 writes were applied one after another.
      const versions = answers.map((a) => a.body.version as number);
      assert.deepEqual(
        [...versions].sort((x, y) => x - y),
        Array.from({ length: 20 }, (_, i) => item.version + 1 + i),
      );

      // Replay the writes in version order: each event records exactly its request's change against the
      // state the previous write left, and each response shows that state with its own change applied.
      const updates = (await itemEvents(item.id)).filter((e) => e.action === 'updated');
      assert.equal(updates.length, 20);
      const state: Record<string, unknown> = Object.fromEntries(ITEM_FIELDS.map((f) => [f, item[f]]));
      const order = patches
        .map((p, i) => ({ ...p, answer: answers[i]! }))
        .sort((x, y) => x.answer.body.version - y.answer.body.version);
      for (const [k, write] of order.entries()) {
        assert.deepEqual(
          updates[k].changes,
          { [write.field]: [state[write.field], write.value] },
          `write ${k + 1}`,
        );
        state[write.field] = write.value;
        for (const field of ITEM_FIELDS) {
          assert.deepEqual(write.answer.body[field], state[field], `response of write ${k + 1}, ${field}`);
        }
      }
      const final = await api.call('GET', `/items/${item.id}`);
      assert.equal(final.body.version, item.version + 20);
      for (const field of ITEM_FIELDS) assert.deepEqual(final.body[field], state[field], `final ${field}`);
      // The label index (used by ?label=) follows the last labels write.
      const labelled = await api.call(
        'GET',
        `/products/${product.id}/items?label=${(state.labels as string[])[0]}`,
      );
      assert.deepEqual(
        labelled.body.items.map((i: Body) => i.id),
        [item.id],
      );
    });

    it('(c) 30 simultaneous creates and moves in one product all succeed and leave a total order', async () => {
      const product = await buildProduct(api);
      const originals: Body[] = [];
      for (let i = 0; i < 10; i++)
        originals.push(await buildItem(api, product.id, { title: `Original ${i}` }));
      const random = seeded(20_261_125);
      const requests = Array.from({ length: 30 }, (_, i) => {
        const anchor = originals[random(originals.length)]!;
        const side = random(2) === 0 ? 'beforeId' : 'afterId';
        if (i % 2 === 0) {
          const body = i % 6 === 0 ? { title: `New ${i}` } : { title: `New ${i}`, [side]: anchor.id };
          return () => api.call('POST', `/products/${product.id}/items`, { body });
        }
        const others = originals.filter((o) => o.id !== anchor.id);
        const moving = others[random(others.length)]!;
        return () => api.call('POST', `/items/${moving.id}/move`, { body: { [side]: anchor.id } });
      });
      const answers = await Promise.all(requests.map((send) => send()));
      for (const [i, answer] of answers.entries()) {
        assert.equal(answer.status, i % 2 === 0 ? 201 : 200, JSON.stringify(answer.body));
      }

      const rows = await api.database.db
        .selectFrom('items')
        .select(['id', 'rank', 'number', 'key'])
        .where('product_id', '=', product.id)
        .orderBy('rank')
        .execute();
      assert.equal(rows.length, 25);
      for (const [i, row] of rows.entries()) {
        assert.match(row.rank, /^[0-9A-Za-z]+$/);
        if (i > 0)
          assert.ok(
            rows[i - 1]!.rank < row.rank,
            `ranks strictly increase: ${rows[i - 1]!.rank} ${row.rank}`,
          );
      }
      assert.deepEqual(
        rows.map((r) => r.number).sort((a, b) => a - b),
        Array.from({ length: 25 }, (_, i) => i + 1),
        'item numbers are handed out without gaps or repeats',
      );
      const listed = await api.call('GET', `/products/${product.id}/items?limit=500`);
      assert.deepEqual(
        listed.body.items.map((i: Body) => i.id),
        rows.map((r) => r.id),
      );
      // Every move left exactly one `moved` event on its item, every create one `created` event.
      const events = await api.database.db
        .selectFrom('events')
        .select(['entity_id', 'action'])
        .where('product_id', '=', product.id)
        .where('entity_type', '=', 'item')
        .execute();
      assert.equal(
        count(
          events.map((e) => e.action),
          'moved',
        ),
        15,
      );
      assert.equal(
        count(
          events.map((e) => e.action),
          'created',
        ),
        25,
      );
    });

    it('(c) 20 moves and 10 creates just below one item and 10 creates at the bottom, all at once, each land where asked', async () => {
      // On PostgreSQL every one of these waits for the product's lock in a statement that also reads the
      // ranks it is placed between (read before the wait): the same ranks for all, so each write must
      // notice that the writers before it changed them, and place itself again.
      const product = await buildProduct(api);
      const originals: Body[] = [];
      for (let i = 0; i < 24; i++)
        originals.push(await buildItem(api, product.id, { title: `Original ${i}` }));
      const [anchor, next] = [originals[1]!, originals[2]!];
      const moving = originals.slice(4);
      const requests = [
        ...moving.map(
          (item) => () => api.call('POST', `/items/${item.id}/move`, { body: { afterId: anchor.id } }),
        ),
        ...Array.from(
          { length: 10 },
          (_, i) => () =>
            api.call('POST', `/products/${product.id}/items`, {
              body: { title: `Below ${i}`, afterId: anchor.id, labels: ['below'] },
            }),
        ),
        ...Array.from(
          { length: 10 },
          (_, i) => () =>
            api.call('POST', `/products/${product.id}/items`, {
              body: { title: `Bottom ${i}`, labels: ['bottom'] },
            }),
        ),
      ];
      const answers = await Promise.all(requests.map((send) => send()));
      for (const [i, answer] of answers.entries()) {
        assert.equal(answer.status, i < moving.length ? 200 : 201, JSON.stringify(answer.body));
      }
      const rows = await api.database.db
        .selectFrom('items')
        .select(['id', 'title', 'rank'])
        .where('product_id', '=', product.id)
        .orderBy('rank')
        .execute();
      assert.equal(rows.length, 44);
      for (let i = 1; i < rows.length; i++)
        assert.ok(rows[i - 1]!.rank < rows[i]!.rank, 'ranks strictly increase');
      const titles = rows.map((r) => r.title);
      const start = titles.indexOf(anchor.title) + 1;
      const end = titles.indexOf(next.title);
      assert.deepEqual(
        titles.slice(start, end).sort(),
        [...moving.map((item) => item.title), ...Array.from({ length: 10 }, (_, i) => `Below ${i}`)].sort(),
        'every moved and every created-below item sits between the anchor and its old neighbour',
      );
      assert.deepEqual(
        titles.slice(-10).sort(),
        Array.from({ length: 10 }, (_, i) => `Bottom ${i}`).sort(),
        'the creates at the bottom are last',
      );
      // Each move recorded the rank it left and the one it took; each create its rank and its labels.
      const events = await api.database.db
        .selectFrom('events')
        .select(['entity_id', 'action', 'changes'])
        .where('product_id', '=', product.id)
        .where('entity_type', '=', 'item')
        .where('action', 'in', ['moved', 'created'])
        .execute();
      const rankOf = new Map(rows.map((r) => [r.id, r.rank]));
      const moved = events.filter((e) => e.action === 'moved');
      assert.equal(moved.length, moving.length);
      for (const event of moved) {
        const item = moving.find((m) => m.id === event.entity_id)!;
        assert.deepEqual(JSON.parse(event.changes).rank, [item.rank, rankOf.get(item.id)]);
      }
      const created = events.filter(
        (e) => e.action === 'created' && !originals.some((o) => o.id === e.entity_id),
      );
      assert.equal(created.length, 20);
      for (const event of created)
        assert.equal(JSON.parse(event.changes).rank[1], rankOf.get(event.entity_id));
      const labelled = await api.call('GET', `/products/${product.id}/items?label=bottom&limit=500`);
      assert.equal(labelled.body.items.length, 10);
    });

    it('(d) of 10 simultaneous first-run setups exactly one creates the owner; the rest get 409', async () => {
      const fresh = await createTestApi(dialect, { setup: false });
      try {
        const answers = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            fresh.call('POST', '/setup', {
              token: null,
              body: {
                email: `owner${i}@example.com`,
                name: `Owner ${i}`,
                password: 'a long enough password',
              },
            }),
          ),
        );
        const statuses = answers.map((a) => a.status);
        assert.equal(count(statuses, 201), 1, `statuses: ${statuses.join(',')}`);
        assert.equal(count(statuses, 409), 9, `statuses: ${statuses.join(',')}`);
        for (const lost of answers.filter((a) => a.status === 409)) {
          assert.equal(lost.body.error.code, 'already_set_up');
        }
        const users = await fresh.database.db.selectFrom('users').select(['id', 'email', 'role']).execute();
        const winner = answers.find((a) => a.status === 201)!;
        assert.deepEqual(users, [{ id: winner.body.user.id, email: winner.body.user.email, role: 'owner' }]);
        const me = await fresh.call('GET', '/auth/me', { token: winner.body.token });
        assert.equal(me.status, 200);
        assert.equal(me.body.id, winner.body.user.id);
      } finally {
        await fresh.close();
      }
    });

    it('(e) simultaneous products with one key: one 201, the rest 409 duplicate_key', async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          api.call('POST', '/products', { body: { key: 'RACE', name: `Race ${i}` } }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      assert.equal(count(statuses, 201), 1, `statuses: ${statuses.join(',')}`);
      for (const lost of answers.filter((a) => a.status !== 201)) {
        assert.equal(lost.status, 409);
        assert.equal(lost.body.error.code, 'duplicate_key');
      }
    });

    it('(f) simultaneous users with one email: one 201, the rest 409 duplicate_key', async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          api.call('POST', '/users', {
            body: { email: 'same@example.com', name: `Same ${i}`, role: 'viewer' },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      assert.equal(count(statuses, 201), 1, `statuses: ${statuses.join(',')}`);
      for (const lost of answers.filter((a) => a.status !== 201)) {
        assert.equal(lost.status, 409);
        assert.equal(lost.body.error.code, 'duplicate_key');
      }
    });

    for (const kind of ['objectives', 'themes', 'initiatives', 'external-dependencies'] as const) {
      it(`(g) 20 simultaneous PATCHes of one of ${kind} each take their own version: none is lost`, async () => {
        const product = await buildProduct(api);
        const field = kind === 'themes' ? 'name' : 'title';
        let created: Body;
        if (kind === 'external-dependencies') {
          const item = await buildItem(api, product.id);
          created = await api.call('POST', `/items/${item.id}/external-dependencies`, {
            body: { title: 'Start' },
          });
        } else {
          created = await api.call('POST', `/products/${product.id}/${kind}`, { body: { [field]: 'Start' } });
        }
        assert.equal(created.status, 201);
        const { id } = created.body;
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            api.call('PATCH', `/${kind}/${id}`, { body: { [field]: `Edit ${i}` } }),
          ),
        );
        assert.deepEqual(
          answers.map((a) => a.status),
          answers.map(() => 200),
        );
        const versions = answers.map((a) => a.body.version as number).sort((x, y) => x - y);
        assert.deepEqual(
          versions,
          Array.from({ length: 20 }, (_, i) => i + 2),
          'each write got its own version',
        );
        const events = await api.database.db
          .selectFrom('events')
          .select(['changes'])
          .where('entity_id', '=', id)
          .where('action', '=', 'updated')
          .orderBy('id')
          .execute();
        assert.equal(events.length, 20);
        // Each recorded change starts from the value the previous write left.
        let previous = 'Start';
        for (const event of events) {
          const [before, after] = (JSON.parse(event.changes) as Record<string, [string, string]>)[field]!;
          assert.equal(before, previous, 'a change records the value it replaced');
          previous = after;
        }
        const rows = await api.database.db
          .selectFrom(kind === 'external-dependencies' ? 'external_dependencies' : kind)
          .select(['version'])
          .where('id', '=', id)
          .execute();
        assert.equal(rows[0]?.version, 21);
      });
    }

    /** Sends the same request five times at once; returns the statuses and the events it left. */
    async function fiveAtOnce(method: string, path: string, entityId: string, action: string) {
      const answers = await Promise.all(Array.from({ length: 5 }, () => api.call(method, path)));
      const events = await api.database.db
        .selectFrom('events')
        .select('id')
        .where('entity_id', '=', entityId)
        .where('action', '=', action)
        .execute();
      return { statuses: answers.map((a) => a.status), events: events.length };
    }

    it('(h) five simultaneous trashes of a theme all answer 200 and record one deleted event', async () => {
      const product = await buildProduct(api);
      const theme = await api.call('POST', `/products/${product.id}/themes`, { body: { name: 'Doomed' } });
      const { statuses, events } = await fiveAtOnce(
        'DELETE',
        `/themes/${theme.body.id}`,
        theme.body.id,
        'deleted',
      );
      assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
      assert.equal(events, 1, 'one deleted event');
    });

    it('(h) five simultaneous removals of a dependency: one 204, four 404, one deleted event', async () => {
      const product = await buildProduct(api);
      const [a, b] = [await buildItem(api, product.id), await buildItem(api, product.id)];
      const dependency = await api.call('POST', `/items/${a.id}/dependencies`, { body: { blocks: b.id } });
      const { id } = dependency.body;
      const { statuses, events } = await fiveAtOnce('DELETE', `/dependencies/${id}`, id, 'deleted');
      assert.deepEqual([...statuses].sort(), [204, 404, 404, 404, 404]);
      assert.equal(events, 1, 'one deleted event');
    });

    it('(h) five simultaneous removals of an external dependency: one 204, four 404, one deleted event', async () => {
      const product = await buildProduct(api);
      const item = await buildItem(api, product.id);
      const external = await api.call('POST', `/items/${item.id}/external-dependencies`, {
        body: { title: 'Sign-off' },
      });
      const { id } = external.body;
      const { statuses, events } = await fiveAtOnce('DELETE', `/external-dependencies/${id}`, id, 'deleted');
      assert.deepEqual([...statuses].sort(), [204, 404, 404, 404, 404]);
      assert.equal(events, 1, 'one deleted event');
    });

    it('(h) five simultaneous revocations of a token all answer 200 and record one revoked event', async () => {
      const token = await api.call('POST', '/tokens', { body: { name: 'doomed' } });
      const { id } = token.body;
      const { statuses, events } = await fiveAtOnce('DELETE', `/tokens/${id}`, id, 'revoked');
      assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
      assert.equal(events, 1, 'one revoked event');
    });

    it('(i) a dependency added from both sides across two products at once: one 201, one 409 cycle, no deadlock', async () => {
      const [p, q] = [await buildProduct(api), await buildProduct(api)];
      for (let round = 0; round < 5; round++) {
        const [a, b] = [await buildItem(api, p.id), await buildItem(api, q.id)];
        const answers = await Promise.all([
          api.call('POST', `/items/${a.id}/dependencies`, { body: { blocks: b.id } }),
          api.call('POST', `/items/${b.id}/dependencies`, { body: { blocks: a.id } }),
        ]);
        const statuses = answers.map((x) => x.status).sort();
        assert.deepEqual(statuses, [201, 409], JSON.stringify(answers.map((x) => x.body)));
        assert.equal(answers.find((x) => x.status === 409)!.body.error.code, 'dependency_cycle');
      }
    });
  });
}
