/**
 * Property-based fuzzing of every write route, field by field. Random, malformed and nearly-valid requests
 * (wrong types, huge and odd strings, deep nesting, non-JSON bodies, odd content types, random ids in the
 * path) must be answered with a well-formed error, never a 5xx; a 400 must name each bad field; and
 * afterwards the database must still hold the backlog's invariants. Valid requests are mixed in, and a
 * model-based run of creates, moves, trashes and restores checks the backlog order against an array model.
 * test/fuzz/every-operation.test.ts covers the rest of the OpenAPI document, reads included.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';
import type { Pools } from './field-values.ts';
import { seedFixtures } from './fixtures.ts';
import { checkInvariants } from './invariants.ts';
import { orderCommands } from './order-model.ts';
import { fuzzRuns } from './run-count.ts';
import { type Case, cases, checkAnswer, describeCase, send } from './write-requests.ts';
import { ROUTES } from './write-route-table.ts';

for (const dialect of DIALECTS) {
  describe(`write routes under fuzzing (${dialect})`, () => {
    let api: TestApi;
    let pools: Pools;

    before(async () => {
      api = await createTestApi(dialect);
      pools = await seedFixtures(api);
    });
    after(() => api.close());

    for (const route of ROUTES) {
      const runs = fuzzRuns(route.runs ?? (route.fields ? 120 : 60));
      it(`${route.method} ${route.path} answers malformed input with a well-formed 4xx naming the bad fields`, async () => {
        await fc.assert(
          fc.asyncProperty(cases(route, pools), async (c) => {
            const answer = await send(api, route.method, c);
            checkAnswer(route, c, answer);
            if (answer.status === 201 && route.creates && typeof answer.body?.id === 'string') {
              pools[route.creates].push(answer.body.id);
              if (route.creates === 'item') pools.itemRef.push(answer.body.key);
            }
          }),
          { numRuns: runs },
        );
      });
    }

    it('keeps the backlog order equal to an array model through random creates, moves, trashes and restores', async () => {
      let counter = 0;
      await fc.assert(
        fc.asyncProperty(fc.commands(orderCommands, { maxCommands: 40, size: 'max' }), async (commands) => {
          counter += 1;
          const key = `MDL${String.fromCharCode(65 + (counter % 26))}${String.fromCharCode(65 + Math.floor(counter / 26))}`;
          const product = await api.call('POST', '/products', { body: { key, name: key } });
          assert.equal(product.status, 201, JSON.stringify(product.body));
          await fc.asyncModelRun(
            () => ({ model: { order: [] }, real: { api, productId: product.body.id } }),
            commands,
          );
        }),
        { numRuns: fuzzRuns(12) },
      );
    });

    it('answers every body with a JSON-looking content type with 2xx, 400 or 415, never 500', async () => {
      // guardApiRequest lets these through; the route's own media-type check must not turn them into a 500.
      const contentTypes = [
        'application/json ; charset=utf-8',
        'application/json; charset',
        'application/vnd.api.v2+json',
        'application/problem_details+json',
        'application/json;charset="utf-8"',
      ];
      const route = ROUTES.find((r) => r.path === '/products')!;
      for (const [i, contentType] of contentTypes.entries()) {
        const c: Case = {
          path: '/products',
          validPath: true,
          ifMatch: undefined,
          body: {
            strategy: 'content type',
            body: `{"key":"CT${'ABCDE'[i]}","name":"x"}`,
            contentType,
            badFields: [],
          },
        };
        const answer = await send(api, 'POST', c);
        checkAnswer(route, c, answer);
        assert.ok([201, 400, 415].includes(answer.status), describeCase(route, c, answer));
      }
    });

    it('refuses or keeps a NUL character in free text, never a 500', async () => {
      const productId = pools.product[0]!;
      const itemId = pools.item[2]!;
      const attempts: [string, string, Record<string, unknown>][] = [
        ['POST', `/products/${productId}/items`, { title: 'nul\u0000title' }],
        ['POST', `/products/${productId}/items`, { title: 'x', labels: ['nul\u0000label'] }],
        ['PATCH', `/items/${itemId}`, { description: 'nul\u0000description' }],
        ['POST', `/products/${productId}/objectives`, { title: 'nul\u0000objective' }],
        ['POST', `/items/${itemId}/external-dependencies`, { title: 'nul\u0000awaited' }],
        ['POST', '/tokens', { name: 'nul\u0000token' }],
        ['POST', '/users', { email: 'nul.byte@example.com', name: 'nul\u0000name', role: 'viewer' }],
      ];
      const failures: string[] = [];
      for (const [method, path, body] of attempts) {
        const answer = await api.call(method, path, { body });
        if (![200, 201, 400].includes(answer.status)) {
          failures.push(
            `${method} ${path} ${JSON.stringify(body)} → ${answer.status} ${JSON.stringify(answer.body)}`,
          );
        }
      }
      assert.deepEqual(failures, []);
    });

    it('leaves the database consistent: ranks, keys, references, label index, events', async () => {
      await checkInvariants(api.database.db);
    });
  });
}
