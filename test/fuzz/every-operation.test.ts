/**
 * Fuzzes every operation in the OpenAPI document the app serves, reads included: real and hostile path
 * segments, query values from the schema plus calendar edges, bodies from the schema plus broken ones.
 * Every answer is a 2xx or a 4xx with a well-formed error; none takes longer than HANG_MS. A new operation is
 * fuzzed as soon as it is documented, or the coverage test fails naming it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';
import { EDGE_DATES, EDGE_INSTANTS, EDGE_TIME_ZONES } from './calendar-edges.ts';
import type { Pools } from './field-values.ts';
import { seedFixtures } from './fixtures.ts';
import { HOSTILE_SEGMENTS } from './hostile-input.ts';
import {
  createdPool,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  poolOf,
} from './openapi-operations.ts';
import { checkAnswer, type OperationRequest, operationRequests, send } from './operation-requests.ts';
import { fuzzRuns } from './run-count.ts';
import { validValue } from './schema-values.ts';

/**
 * Random requests per operation at full scale: enough to reach each branch often, few enough to stay well
 * under a minute. `npm test` runs a share of them (see run-count.ts).
 */
const RUNS = fuzzRuns(20);

async function servedDocument(): Promise<OpenApiDocument> {
  const api = await createTestApi('sqlite', { setup: false });
  try {
    return (await api.call('GET', '/openapi.json', { token: null })).body;
  } finally {
    await api.close();
  }
}

const doc = await servedDocument();
const OPERATIONS = operationsOf(doc);

/** Path parameters the fuzzer has no real values for, as `operationId {name}`. */
function unaimed(operations: Operation[]): string[] {
  return operations.flatMap((operation) =>
    [...operation.path.matchAll(/\{(\w+)\}/g)]
      .filter((m) => poolOf(operation.path, m[1]!) === undefined)
      .map((m) => `${operation.operationId} (${operation.method} ${operation.path}) {${m[1]}}`),
  );
}

/** One valid value of a schema, fixed by a seed so that sweeps vary one input only. */
function sampleOf(schema: Operation['parameters'][number]['schema'], pools: Pools, name: string): string {
  const [value] = fc.sample(validValue(schema, { doc, pools }, name), { numRuns: 1, seed: 42 });
  return String(value);
}

/** A real value for a path parameter (the coverage test reports parameters that have none). */
function firstReal(pools: Pools, operation: Operation, name: string): string {
  const pool = poolOf(operation.path, name);
  return (pool ? pools[pool][0] : undefined) ?? 'no-real-value';
}

function remember(pools: Pools, operation: Operation, status: number, body: unknown): void {
  const pool = createdPool(operation);
  const created = body as { id?: unknown; key?: unknown } | null;
  if (status !== 201 || !pool || typeof created?.id !== 'string') return;
  pools[pool].push(created.id);
  if (pool === 'item' && typeof created.key === 'string') pools.itemRef.push(created.id, created.key);
  if (pool === 'product' && typeof created.key === 'string') pools.productRef.push(created.id, created.key);
}

for (const dialect of DIALECTS) {
  describe(`every OpenAPI operation under fuzzing (${dialect})`, () => {
    let api: TestApi;
    let pools: Pools;
    const fuzzed = new Set<string>();

    before(async () => {
      api = await createTestApi(dialect);
      pools = await seedFixtures(api);
    });
    after(() => api.close());

    for (const operation of OPERATIONS) {
      it(`${operation.operationId} (${operation.method} ${operation.path}) answers 2xx or a well-formed 4xx`, async () => {
        fuzzed.add(operation.operationId);
        await fc.assert(
          fc.asyncProperty(operationRequests(operation, { doc, pools }, api.ownerToken), async (request) => {
            const answer = await send(api, operation, request);
            checkAnswer(operation, request, answer);
            remember(pools, operation, answer.status, answer.body);
          }),
          // No shrinking: a failure is reported as found, so a failing operation costs RUNS requests at most.
          { numRuns: RUNS, endOnFailure: true },
        );
      });
    }

    it('answers every hostile path segment, in every path parameter, with a well-formed 4xx', async () => {
      for (const operation of OPERATIONS) {
        const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        for (const [index, name] of names.entries()) {
          for (const hostile of HOSTILE_SEGMENTS) {
            let i = 0;
            const path = operation.path.replace(/\{\w+\}/g, () => {
              const at = i++;
              return at === index ? hostile : firstReal(pools, operation, names[at]!);
            });
            const request: OperationRequest = {
              path,
              query: '',
              headers: { authorization: `Bearer ${api.ownerToken}`, 'content-type': 'application/json' },
              body: operation.body ? '{}' : undefined,
              strategy: `hostile {${name}}`,
              realPath: false,
            };
            const answer = await send(api, operation, request);
            checkAnswer(operation, request, answer);
            assert.ok(answer.status >= 400, `${operation.operationId} ${path} is refused: ${answer.status}`);
          }
        }
      }
    });

    it('answers calendar edges in every date, instant and time-zone query parameter with 2xx or 4xx', async () => {
      const edges: Record<string, readonly string[]> = {
        date: EDGE_DATES,
        instant: EDGE_INSTANTS,
        zone: EDGE_TIME_ZONES,
      };
      const kindOf = (p: Operation['parameters'][number]) => {
        const { schema } = p;
        if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'date';
        if (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(schema.example))
          return 'instant';
        if (/time-?zone/i.test(p.name)) return 'zone';
        return undefined;
      };
      let swept = 0;
      for (const operation of OPERATIONS) {
        const query = operation.parameters.filter((p) => p.in === 'query');
        const calendar = query.filter((p) => kindOf(p) !== undefined);
        if (calendar.length === 0) continue;
        let i = 0;
        const path = operation.path.replace(/\{\w+\}/g, () => {
          const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
          return firstReal(pools, operation, names[i++]!);
        });
        const base = new Map(
          query.filter((p) => p.required).map((p) => [p.name, sampleOf(p.schema, pools, p.name)]),
        );
        for (const parameter of calendar) {
          for (const value of edges[kindOf(parameter)!]!) {
            // The edge alone, and (for ranges) from the first ISO day to the last.
            const variants = [new Map([...base, [parameter.name, value]])];
            if (parameter.name === 'from')
              variants.push(new Map([...base, ['from', value], ['to', '9999-12-31']]));
            for (const values of variants) {
              const request: OperationRequest = {
                path,
                query: `?${new URLSearchParams([...values]).toString()}`,
                headers: { authorization: `Bearer ${api.ownerToken}` },
                body: undefined,
                strategy: `calendar edge ${parameter.name}=${value}`,
                realPath: true,
              };
              checkAnswer(operation, request, await send(api, operation, request));
              swept += 1;
            }
          }
        }
      }
      assert.ok(swept > 0, 'some operation takes a date');
    });

    it('answers the charts of sprints at calendar edges with 2xx or 4xx', async () => {
      const [productId] = pools.product;
      const ranges: [string, string][] = [
        ['0001-01-01', '0001-01-14'],
        ['9999-12-18', '9999-12-31'],
        ['0001-01-01', '9999-12-31'],
        ['1970-01-01', '1970-01-14'],
        ['2024-02-26', '2024-03-08'],
        ['2027-03-22', '2027-04-02'],
        ['2027-10-25', '2027-11-05'],
      ];
      const byId = new Map(OPERATIONS.map((o) => [o.operationId, o]));
      for (const [startDate, endDate] of ranges) {
        for (const timezone of ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Apia']) {
          const sprint = await api.call('POST', `/products/${productId}/sprints`, {
            body: { name: `Edge ${startDate}`, startDate, endDate, timezone },
          });
          assert.ok([201, 400].includes(sprint.status), `sprint ${startDate}..${endDate}: ${sprint.status}`);
          if (sprint.status !== 201) continue;
          pools.sprint.push(sprint.body.id);
          for (const [operationId, query] of [
            ['getSprintBurndown', ''],
            ['getSprintBurndown', '?format=csv'],
            ['getSprintBurndown', `?asOf=${endDate}T12:00:00.000Z`],
            ['getSprintReport', ''],
          ] as const) {
            const operation = byId.get(operationId)!;
            const request: OperationRequest = {
              path: operation.path.replace('{id}', sprint.body.id),
              query,
              headers: { authorization: `Bearer ${api.ownerToken}` },
              body: undefined,
              strategy: `sprint ${startDate}..${endDate} in ${timezone}`,
              realPath: true,
            };
            checkAnswer(operation, request, await send(api, operation, request));
          }
        }
      }
    });

    it('fuzzes every operation in the OpenAPI document', () => {
      assert.deepEqual(unaimed(OPERATIONS), [], 'path parameters with no real values to aim at');
      const missing = OPERATIONS.filter((o) => !fuzzed.has(o.operationId)).map(
        (o) => `${o.operationId} (${o.method} ${o.path})`,
      );
      assert.deepEqual(missing, [], 'operations not fuzzed');
      assert.ok(OPERATIONS.length >= 79, `found ${OPERATIONS.length} operations`);
    });
  });
}
